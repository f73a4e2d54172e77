import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import BarChart from '../../src/components/BarChart.astro';
import ChangeLog from '../../src/components/ChangeLog.astro';
import FollowUps from '../../src/components/FollowUps.astro';
import type { ListedCommit } from '../../src/lib/changelog-build';
import { followUpsOf, listedChangeLog, talliedChangeLog } from '../../src/lib/changelog-view';

let container: AstroContainer;

beforeAll(async () => {
  container = await AstroContainer.create();
});

const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) =>
  parseHTML(`<body>${await container.renderToString(component, { props })}</body>`).document;
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
// A heading's text without its anchor control, whose name only screen readers hear.
const headingText = (heading: Element | null | undefined) =>
  text(heading)?.replace(/\u2060?Link to “[^”]*”$/, '').trim();
const linkText = (link: Element) => [...link.querySelectorAll('text')].map((part) => part.textContent).join(' ');

const data = JSON.parse(readFileSync('content/changelog/4.6.3.json', 'utf8')) as { from: string; to: string; commits: ListedCommit[] };
const view = listedChangeLog(data);

describe('BarChart with links', () => {
  const bars = [
    { label: 'x86', value: 458, href: 'https://example.org/x86' },
    { label: 'QEMU and mini-os updates', value: 29, href: 'https://example.org/qemu' },
  ];

  it('is a group named by its title, whose bars are links named by label and value', async () => {
    const document = await render(BarChart, { id: 'c', title: 'Commits', description: 'x86: 458. QEMU: 29.', unit: 'commits', bars });
    const svg = document.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('group');
    expect(svg?.getAttribute('aria-labelledby')).toBe('c-title');
    expect(svg?.getAttribute('aria-describedby')).toBe('c-description');
    const links = [...document.querySelectorAll('svg a')];
    // Named by their own text, label then value: a name that differed from what is shown would fail WCAG 2.5.3.
    expect(links.map((link) => [link.getAttribute('href'), linkText(link)])).toEqual([
      ['https://example.org/x86', 'x86 458 commits'],
      ['https://example.org/qemu', 'QEMU and mini-os updates 29 commits'],
    ]);
    expect(links.some((link) => link.hasAttribute('aria-label'))).toBe(false);
    // Each link covers its whole row, so it is as tall as the row, not only the bar.
    const width = document.querySelector('svg')?.getAttribute('viewBox')?.split(' ')[2];
    expect(links.map((link) => link.querySelector('.bar-target')?.getAttribute('width'))).toEqual([width, width]);
  });

  it('puts each label above its bar, so the bar starts at the left edge', async () => {
    const document = await render(BarChart, { id: 'c', title: 'Commits', description: 'd', unit: 'commits', bars });
    const label = document.querySelector('.bar-label');
    const bar = document.querySelector('rect.bar');
    // One unit in, so that a dashed outline drawn on its edge stays inside the drawing.
    expect(bar?.getAttribute('x')).toBe('1');
    expect(Number(label?.getAttribute('y'))).toBeLessThan(Number(bar?.getAttribute('y')));
  });

  it('stays an image when no bar links', async () => {
    const document = await render(BarChart, { id: 'c', title: 'T', description: 'd', unit: 'u', bars: [{ label: 'a', value: 1 }] });
    expect(document.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(document.querySelector('svg a')).toBeNull();
  });
});

describe('ChangeLog', () => {
  it('lists every commit under its area, with the count, short id linked upstream and advisory linked to its note', async () => {
    const document = await render(ChangeLog, { changelog: view, releaseId: '4.6.3' });
    expect(document.querySelector('h2#changelog')?.textContent).toContain('Every change since 4.6.1');
    const areas = [...document.querySelectorAll('section.changelog-area')];
    expect(areas.map((area) => headingText(area.querySelector('h3')))).toEqual([
      'x86 (46 commits)',
      'ARM (9 commits)',
      'Scheduler (3 commits)',
      'Common hypervisor code (3 commits)',
      'libxl and xl (37 commits)',
      'Other tools (8 commits)',
      'QEMU and mini-os updates (10 commits)',
      'Build and version (3 commits)',
    ]);
    expect(document.querySelectorAll('li[id^="commit-"]').length).toBe(119);
    const entry = document.getElementById('commit-8b7a356409');
    expect(entry?.querySelector('a.commit-id')?.getAttribute('href')).toBe('https://github.com/xen-project/xen/commit/8b7a356409');
    expect(text(entry)).toBe(
      '8b7a356409 libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename XSA-178. Follow-up: the XSA-178 fix read the vdev of disk eject events from a mistyped xenstore path, so the events carried a NULL vdev.',
    );
    expect([...(entry?.querySelectorAll('.commit-notes a') ?? [])].map((link) => link.getAttribute('href'))).toEqual(['#xsa-178', '#xsa-178']);
    expect(text(document.getElementById('commit-426783e661')?.querySelector('.commit-notes'))).toBe(
      'Sets QEMU_UPSTREAM_REVISION to 14a60f98e0, whose newest commit is “vga: make sure vga register setup for vbe stays intact (CVE-2016-3712).”',
    );
    expect(document.getElementById('commit-426783e661')?.querySelector('.commit-notes a')?.getAttribute('href')).toBe(
      'https://github.com/xen-project/xen/blob/426783e661/Config.mk#L257-L259',
    );
    expect(text(document.getElementById('commit-5df279da34')?.querySelector('.commit-notes'))).toBe(
      'XSA-172 (CVE-2016-3158, CVE-2016-3159). The message also names XSA-52.',
    );
    expect(document.getElementById('commit-ab2d455dcd')?.querySelector('.commit-notes')).toBeNull();
  });

  it('keeps what a commit fixes out of its search record, and marks no record in the page', async () => {
    const document = await render(ChangeLog, { changelog: view, releaseId: '4.6.3' });
    for (const notes of document.querySelectorAll('.commit-notes')) expect(notes.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(document.querySelector('[data-search-record]')).toBeNull();
  });

  it('draws a tallied change log as a chart whose bars link to the range upstream', async () => {
    const document = await render(ChangeLog, { changelog: talliedChangeLog({ from: 'RELEASE-4.6.0', to: 'RELEASE-4.7.0', commits: data.commits }), releaseId: '4.7' });
    expect(document.querySelector('h2#changelog')?.textContent).toContain('Every change since 4.6.0');
    const links = [...document.querySelectorAll('svg a')];
    expect(links.map(linkText)).toEqual([
      'x86 46 commits',
      'ARM 9 commits',
      'Scheduler 3 commits',
      'Common hypervisor code 3 commits',
      'libxl and xl 37 commits',
      'Other tools 8 commits',
      'QEMU and mini-os updates 10 commits',
      'Build and version 3 commits',
    ]);
    expect(new Set(links.map((link) => link.getAttribute('href')))).toEqual(new Set(['https://github.com/xen-project/xen/compare/RELEASE-4.6.0...RELEASE-4.7.0']));
  });
});

describe('FollowUps', () => {
  it('lists the commits that fixed an advisory’s fix again, each linked to its entry', async () => {
    const document = await render(FollowUps, { followUps: followUpsOf(view, 'xsa-154'), releaseId: '4.6.3' });
    expect(text(document.querySelector('.follow-ups-title'))).toBe('Fixed again in 4.6.3');
    expect([...document.querySelectorAll('li a')].map((link) => link.getAttribute('href'))).toEqual(['#commit-301d683842', '#commit-ec92e7c629']);
    expect(text(document.querySelectorAll('li')[1])).toBe(
      'ec92e7c629 “x86: fix unintended fallthrough case from XSA-154”: the fix had an unintended fall-through from one case into the next.',
    );
    expect(document.querySelector('.follow-ups')?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('renders nothing for a note without follow-ups', async () => {
    expect((await render(FollowUps, { followUps: [], releaseId: '4.6.3' })).body.innerHTML.trim()).toBe('');
  });
});
