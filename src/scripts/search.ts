import { searchPath, withBase } from '../lib/urls';

/** The part of Pagefind's browser API this site uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

const HEADER_RESULT_LIMIT = 8;
const PAGE_RESULT_LIMIT = 50;
const base = import.meta.env.BASE_URL;
let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind on first use, so pages cost no search bytes until a reader searches. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ withBase(base, '/pagefind/pagefind.js'))) as Pagefind;
    await module.options({ excerptLength: 24 });
    return module;
  })();
  return pagefind;
}

/** Keeps only text and <mark> from Pagefind's excerpt, so indexed text can never inject markup. */
function excerptFragment(excerpt: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const fragment = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(node.textContent ?? ''));
    }
  }
  return fragment;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const link = document.createElement('a');
  link.href = data.url;
  link.dataset.searchResult = '';
  const title = document.createElement('span');
  title.className = 'search-result-title';
  title.textContent = data.meta.title ?? data.url;
  const context = document.createElement('span');
  context.className = 'search-result-context';
  context.textContent = [data.meta.release, data.meta.category, data.meta.architecture, data.meta.status]
    .filter(Boolean)
    .join(' · ');
  const excerpt = document.createElement('span');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(excerptFragment(data.excerpt));
  link.append(title, context, excerpt);
  item.append(link);
  return item;
}

function describeCount(count: number, query: string): string {
  if (count === 0) return `No features match “${query}”.`;
  return `${count} ${count === 1 ? 'feature matches' : 'features match'} “${query}”.`;
}

/** Wires one search form: searching as the reader types, and moving through hits by keyboard. */
function attach(form: HTMLFormElement): void {
  const variant = form.dataset.search === 'page' ? 'page' : 'header';
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const list = form.querySelector<HTMLOListElement>('[data-search-results]');
  const more = form.querySelector<HTMLAnchorElement>('[data-search-more]');
  if (!input || !status || !panel || !list) return;
  let latest = 0;
  // Escape closes the results until the reader types again, even when focus returns to the box.
  let dismissed = false;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('[data-search-result]')];
  const close = () => {
    if (variant === 'header') panel.hidden = true;
  };
  const dismiss = () => {
    dismissed = true;
    close();
  };

  async function run(): Promise<void> {
    const query = input!.value.trim();
    const ticket = ++latest;
    if (variant === 'page') {
      const url = new URL(window.location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      window.history.replaceState(null, '', url);
    }
    if (!query) {
      list!.replaceChildren();
      status!.textContent = '';
      close();
      return;
    }
    let found;
    try {
      found = await (await loadPagefind()).search(query);
    } catch {
      status!.textContent = 'Search is not available right now. The feature index on the search page lists every note.';
      return;
    }
    if (!found || ticket !== latest) return;
    const limit = variant === 'page' ? PAGE_RESULT_LIMIT : HEADER_RESULT_LIMIT;
    const data = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
    if (ticket !== latest) return;
    list!.replaceChildren(...data.map(resultItem));
    status!.textContent = describeCount(found.results.length, query);
    if (more) {
      more.href = searchPath(base, query);
      more.hidden = found.results.length <= limit;
    }
    if (!dismissed) panel!.hidden = false;
  }

  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  input.addEventListener('input', () => {
    dismissed = false;
    void run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !panel.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Escape') {
      if (!panel.hidden && variant === 'header') {
        event.preventDefault();
        dismiss();
      } else if (input.value) {
        event.preventDefault();
        input.value = '';
        void run();
      }
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
      (next < 0 ? input : all[Math.min(next, all.length - 1)])?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      dismiss();
      input.focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  input.addEventListener('focus', () => {
    if (list.childElementCount > 0 && !dismissed) panel.hidden = false;
  });

  if (variant === 'page') {
    const query = new URL(window.location.href).searchParams.get('q');
    if (query) {
      input.value = query;
      void run();
    }
  }
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Sets up every search form on the page, and "/" or Ctrl/Cmd-K to jump to search. */
export function startSearch(): void {
  const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-search]')];
  forms.forEach(attach);
  const primary =
    document.querySelector<HTMLInputElement>('form[data-search="page"] [data-search-input]') ??
    document.querySelector<HTMLInputElement>('[data-search-input]');
  document.addEventListener('keydown', (event) => {
    const shortcut =
      (event.key === '/' && !isTyping(event.target)) ||
      (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (shortcut && primary) {
      event.preventDefault();
      primary.focus();
      primary.select();
    }
  });
}
