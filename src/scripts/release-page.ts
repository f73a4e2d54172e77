import type { ArchitectureFamily } from '../lib/architectures';
import { describeShown, matchesNoteFilter, noteFilterParams, parseNoteFilter, type NoteFilter } from '../lib/note-filter';

const articles = () => [...document.querySelectorAll<HTMLElement>('article[data-search-record]')];

/** Shows the notes that match, counts them per category, and mirrors the filter in the URL. */
function applyFilter(controls: HTMLElement, filter: NoteFilter): void {
  let shown = 0;
  for (const article of articles()) {
    const visible = matchesNoteFilter(
      {
        architectureFamily: article.dataset.filterArchitecture as ArchitectureFamily,
        experimental: article.dataset.filterExperimental === 'true',
      },
      filter,
    );
    article.hidden = !visible;
    // The note's entry in the sidebar goes with it.
    document.querySelector(`.toc-sidebar a[href="#${article.dataset.searchRecord}"]`)?.parentElement?.toggleAttribute('hidden', !visible);
    if (visible) shown += 1;
  }
  const filtering = Boolean(filter.architecture || filter.experimental);
  for (const section of document.querySelectorAll<HTMLElement>('section.category')) {
    const total = section.querySelectorAll('article[data-search-record]').length;
    const visible = section.querySelectorAll('article[data-search-record]:not([hidden])').length;
    const count = section.querySelector<HTMLElement>('[data-category-count]');
    if (!count) continue;
    count.hidden = !filtering;
    count.textContent = visible === 0 ? 'No note of this category matches the filters.' : describeShown(visible, total);
  }
  const status = controls.querySelector<HTMLElement>('[data-note-filters-status]');
  if (status) status.textContent = filtering ? describeShown(shown, articles().length) : '';
  const url = new URL(window.location.href);
  url.search = noteFilterParams(filter, url.searchParams).toString();
  window.history.replaceState(null, '', url);
}

function setUpFilters(): void {
  const controls = document.querySelector<HTMLFieldSetElement>('[data-note-filters]');
  if (!controls) return;
  const selects = [...controls.querySelectorAll('select')];
  const fromUrl = parseNoteFilter(new URLSearchParams(window.location.search));
  // A filtered address wins; otherwise the controls keep what the reader chose before this module ran.
  if (fromUrl.architecture || fromUrl.experimental) {
    for (const select of selects) select.value = fromUrl[select.name as keyof NoteFilter] ?? '';
  }
  const current = () => parseNoteFilter(new URLSearchParams(selects.map((select) => [select.name, select.value])));
  controls.addEventListener('change', () => applyFilter(controls, current()));
  const initial = current();
  if (initial.architecture || initial.experimental) applyFilter(controls, initial);
}

/**
 * Copies the address of a section or note when its heading's link is
 * followed, and says so to every reader; the link still takes the reader
 * there, so the address bar shows the same address.
 */
function setUpCopyLinks(): void {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  document.addEventListener('click', async (event) => {
    const link = (event.target as Element | null)?.closest<HTMLElement>('[data-copy-link]');
    if (!link || !status) return;
    // The link sits in the heading it links to; the heading's first child is its title.
    const heading = link.closest<HTMLElement>('h2[id], h3[id]');
    if (!heading) return;
    const url = new URL(window.location.href);
    url.search = '';
    url.hash = heading.id;
    try {
      await navigator.clipboard.writeText(url.href);
      status.textContent = `Link to “${heading.firstChild?.textContent?.trim()}” copied.`;
      link.dataset.copied = '';
      setTimeout(() => delete link.dataset.copied, 2000);
    } catch {
      status.textContent = `Could not copy. The link is ${url.href}`;
    }
  });
}

/** Copies a code block's text, without its label or button. */
function setUpCodeCopy(): void {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-copy-code]');
    const code = button?.closest('.code-block')?.querySelector('code');
    if (!button || !code || !status) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      button.textContent = 'Copied';
      status.textContent = 'Code copied.';
      setTimeout(() => (button.textContent = 'Copy'), 2000);
    } catch {
      status.textContent = 'Could not copy the code; select it and copy it by hand.';
    }
  });
}

setUpFilters();
setUpCopyLinks();
setUpCodeCopy();
