import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import StatusCallout from '../../src/components/StatusCallout.astro';
import StatusHistory from '../../src/components/StatusHistory.astro';

let container: AstroContainer;

beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) =>
  parseHTML(`<body>${await container.renderToString(component, { props })}</body>`).document;

describe('StatusCallout', () => {
  it.each([
    ['experimental', 'Experimental', 'Not yet complete and not covered by security support.'],
    ['tech-preview', 'Technology preview', 'Functionally complete with a provisionally stable interface'],
  ])('names the %s status and what it means', async (status, label, meaning) => {
    const document = await render(StatusCallout, { status });
    const callout = document.querySelector('[role="note"]');
    expect(callout?.getAttribute('aria-label')).toBe(label);
    expect(callout?.classList.contains(`callout-${status}`)).toBe(true);
    expect(callout?.textContent).toContain(`${label}.`);
    expect(callout?.textContent).toContain(meaning);
    expect(callout?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('StatusHistory', () => {
  it('lists each later status with its evidence', async () => {
    const document = await render(StatusHistory, {
      history: [
        { release: '4.8', status: 'unlabelled', detail: 'the experimental label was dropped', source: { title: 'Kconfig at 4.8', url: 'https://example.org/k' } },
        { release: '4.10', status: 'supported', source: { title: 'SUPPORT.md at 4.10', url: 'https://example.org/s' } },
      ],
    });
    const items = [...document.querySelectorAll('li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'Xen 4.8: no status label (the experimental label was dropped) — Kconfig at 4.8',
      'Xen 4.10: Supported — SUPPORT.md at 4.10',
    ]);
    expect([...document.querySelectorAll('li a')].map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/k',
      'https://example.org/s',
    ]);
  });

  it('renders nothing without history', async () => {
    expect((await render(StatusHistory, { history: [] })).body.innerHTML.trim()).toBe('');
  });
});
