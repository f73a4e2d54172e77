import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import BarChart from '../../src/components/BarChart.astro';
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

describe('BarChart', () => {
  it('draws one bar per value, scaled, with a text alternative screen readers announce', async () => {
    const document = await render(BarChart, {
      id: 'chart',
      title: 'Throughput',
      description: 'Before: 15 gbit/s. After: 48 gbit/s.',
      unit: 'gbit/s',
      bars: [
        { label: 'Before', value: 15 },
        { label: 'After', value: 48 },
        { label: 'Bound', value: 24, valueLabel: 'under 24', upperBound: true },
      ],
    });
    const svg = document.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe('chart-title chart-description');
    expect(document.getElementById('chart-title')?.textContent).toBe('Throughput');
    expect(document.getElementById('chart-description')?.textContent).toBe('Before: 15 gbit/s. After: 48 gbit/s.');
    const widths = [...document.querySelectorAll('rect')].map((bar) => Number(bar.getAttribute('width')));
    expect(widths[1]! / widths[0]!).toBeCloseTo(48 / 15);
    expect([...document.querySelectorAll('.bar-value')].map((text) => text.textContent)).toEqual(['15 gbit/s', '48 gbit/s', 'under 24']);
    expect(document.querySelectorAll('rect')[2]?.getAttribute('class')).toContain('bar-bound');
    expect(document.querySelector('figcaption')?.textContent).toBe('Throughput');
  });
});
