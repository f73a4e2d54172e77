import type { FacetKey, SearchState } from '../lib/search-query';
import {
  MIN_QUERY_LENGTH,
  highlightUrl,
  isSearchableQuery,
  normalizeQuery,
  pagefindFilters,
  parseSearchState,
  resultContext,
  resultHeading,
  SEARCH_RANKING,
  searchFacets,
  searchStateParams,
} from '../lib/search-query';
import { pagefindPath, searchPath } from '../lib/urls';

/** The part of Pagefind's browser API this site uses. */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: object }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const HEADER_RESULT_LIMIT = 8;
const PAGE_RESULT_LIMIT = 50;
const base = import.meta.env.BASE_URL;
let pagefind: Promise<Pagefind> | undefined;
let warmedUp: Promise<unknown> | undefined;
let allFilterCounts: Promise<Record<string, Record<string, number>>> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ pagefindPath(base, 'pagefind.js'))) as Pagefind;
    // Record URLs already include the base path; Pagefind must not add it again.
    // In the page's own thread: the index is small enough that a search takes
    // milliseconds, and a worker would fetch a second copy of Pagefind's code
    // (12 kB gzip, an eighth of a first search). The CSP's 'wasm-unsafe-eval' allows it.
    await module.options({ excerptLength: 24, baseUrl: '/', noWorker: true, ranking: SEARCH_RANKING });
    return module;
  })();
  return pagefind;
}

/**
 * Has Pagefind fetch its WebAssembly and metadata now rather than at the
 * first search: on the first keystroke, which is not searched yet (see
 * MIN_QUERY_LENGTH), so on a slow network they arrive while the reader types.
 */
function warmUpPagefind(): void {
  warmedUp ??= loadPagefind()
    .then((engine) => engine.init())
    .catch(() => undefined);
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

function element<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, className: string, text?: string) {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function resultItem(data: PagefindResultData, query: string): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = highlightUrl(data.url, query);
  link.dataset.searchResult = '';
  const context = resultContext(data.meta);
  const badges = element('span', 'search-result-badges');
  if (data.meta.architecture) badges.append(element('span', 'badge badge-architecture', data.meta.architecture));
  if (data.meta.status) badges.append(element('span', `badge badge-${data.meta.status_id ?? ''}`, data.meta.status));
  const excerpt = element('span', 'search-result-excerpt');
  excerpt.append(excerptFragment(data.excerpt));
  link.append(element('span', 'search-result-title', resultHeading(data.meta) ?? data.url), element('span', 'search-result-context', context), badges, excerpt);
  item.append(link);
  return item;
}

function describeCount(count: number, state: SearchState): string {
  const filtered = Object.keys(state.filters).length > 0;
  const what = state.query ? ` “${state.query}”` : '';
  const within = filtered ? (state.query ? ' with the chosen filters' : ' the chosen filters') : '';
  if (count === 0) return `No features match${what}${within}. Try other words, or fewer filters.`;
  return `${count} ${count === 1 ? 'feature matches' : 'features match'}${what}${within}.`;
}

/** Wires one search form: results as the reader types, facets, keyboard movement. */
function attach(form: HTMLFormElement): void {
  const variant = form.dataset.search === 'page' ? 'page' : 'header';
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const list = form.querySelector<HTMLOListElement>('[data-search-results]');
  const more = form.querySelector<HTMLAnchorElement>('[data-search-more]');
  if (!input || !status || !panel || !list || form.dataset.searchReady) return;
  form.dataset.searchReady = '';
  const facets = searchFacets(
    [...form.querySelectorAll<HTMLInputElement>('input[name="release"]')].map((box) => ({ id: box.value })),
  );
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

  const currentState = (): SearchState => {
    const params = new URLSearchParams();
    params.set('q', input.value);
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      params.append(box.name, box.value);
    }
    return parseSearchState(params, facets);
  };

  const showState = (state: SearchState): void => {
    input.value = state.query;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = state.filters[box.name as FacetKey]?.includes(box.value) ?? false;
    }
  };

  const updateCounts = async (engine: Pagefind, state: SearchState, ticket: number): Promise<void> => {
    // Pagefind counts only the filters it has loaded; asking for all of them once loads them all.
    allFilterCounts ??= engine.filters();
    const totals = await allFilterCounts;
    const query = state.query || null;
    for (const facet of facets) {
      const others = pagefindFilters(state.filters, facet.key);
      // Without words or other filters Pagefind finds nothing to count: count the whole index.
      const counts =
        query === null && Object.keys(others).length === 0
          ? totals
          : (await engine.search(query, { filters: others }))?.filters;
      if (ticket !== latest) return;
      for (const box of form.querySelectorAll<HTMLInputElement>(`input[name="${facet.key}"]`)) {
        const count = counts?.[facet.key]?.[box.value] ?? 0;
        const label = box.closest('label');
        const shown = label?.querySelector('[data-facet-count]');
        if (shown) shown.textContent = String(count);
        label?.classList.toggle('facet-empty', count === 0 && !box.checked);
      }
    }
  };

  const run = async (history: 'push' | 'replace' | 'none' = 'replace'): Promise<void> => {
    const state = currentState();
    const ticket = ++latest;
    if (variant === 'page' && history !== 'none') {
      const params = searchStateParams(state, facets).toString();
      const url = `${window.location.pathname}${params ? `?${params}` : ''}`;
      if (url !== `${window.location.pathname}${window.location.search}`) {
        window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', url);
      }
    }
    // A query too short to search stays in the box and the address, unsearched.
    const searched: SearchState = isSearchableQuery(state.query) ? state : { ...state, query: '' };
    const filtered = Object.keys(state.filters).length > 0;
    if (!searched.query && !(variant === 'page' && filtered)) {
      list.replaceChildren();
      if (variant === 'header') status.textContent = '';
      else status.textContent = state.query ? `Type at least ${MIN_QUERY_LENGTH} characters, or choose filters.` : 'Type a word, or choose filters.';
      close();
      if (variant === 'page') {
        const engine = await loadPagefind().catch(() => undefined);
        if (engine) await updateCounts(engine, searched, ticket);
      }
      return;
    }
    let engine: Pagefind;
    let found: PagefindSearch | null;
    try {
      engine = await loadPagefind();
      found = await engine.search(searched.query || null, { filters: pagefindFilters(searched.filters) });
    } catch {
      status.textContent = 'Search is not available right now. The feature index on the search page lists every note.';
      return;
    }
    if (!found || ticket !== latest) return;
    const limit = variant === 'page' ? PAGE_RESULT_LIMIT : HEADER_RESULT_LIMIT;
    const data = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...data.map((result) => resultItem(result, searched.query)));
    status.textContent = describeCount(found.results.length, searched);
    if (more) {
      more.href = searchPath(base, searched.query);
      more.hidden = found.results.length <= limit;
    }
    if (!dismissed) panel.hidden = false;
    if (variant === 'page') await updateCounts(engine, searched, ticket);
  };

  const onInput = (): void => {
    dismissed = false;
    warmUpPagefind();
    if (input.value.length > 0 && normalizeQuery(input.value) === '') {
      latest += 1;
      status.textContent = 'Type a word to search.';
      list.replaceChildren();
      close();
      return;
    }
    // No pause for typing: a warm search takes a few milliseconds, and `latest`
    // drops the results of a keystroke that a later one has overtaken.
    void run('replace');
  };
  input.addEventListener('input', onInput);
  // Focus is the first sign of a search: fetch the index while the reader types.
  const preload = () => void loadPagefind().catch(() => undefined);
  input.addEventListener('focus', preload);
  if (document.activeElement === input) preload();
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') void run('push');
  });
  form.addEventListener('submit', (event) => {
    // With JavaScript the results are already on screen; a submit from the header opens the full list.
    if (variant === 'page') {
      event.preventDefault();
      void run('replace');
    }
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
        void run('replace');
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
    // On a phone the filters start folded away, unless the shared link chose some.
    const facetPanel = form.querySelector<HTMLDetailsElement>('[data-search-facets]');
    const chosen = Object.keys(parseSearchState(new URLSearchParams(window.location.search), facets).filters);
    if (facetPanel && chosen.length === 0 && window.matchMedia('(max-width: 56rem)').matches) facetPanel.open = false;
    const restore = (typed = '') => {
      const state = parseSearchState(new URLSearchParams(window.location.search), facets);
      // Words typed while this module was loading stay, unless the address has words of its own.
      const keep = typed !== '' && state.query === '';
      showState(keep ? { ...state, query: typed } : state);
      void run(keep ? 'replace' : 'none');
    };
    window.addEventListener('popstate', () => restore());
    restore(input.value);
  } else if (input.value) {
    // Typed while this module was loading.
    onInput();
  }
}

/** Sets up every search form of the page. */
export function startSearch(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach(attach);
}
