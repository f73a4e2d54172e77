import { answerQuery, type Answer, type HitData, type SearchEngine } from '../lib/search-answer';
import { hitExcerpt, type ExcerptPart } from '../lib/search-excerpt';
import type { Lexicon } from '../lib/search-lexicon';
import { nameHits, type NameIndex } from '../lib/search-names';
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
import { featureIndexPath, pagefindPath, searchLexiconPath, searchNamesPath, searchPath } from '../lib/urls';
import { adoptSearchStylesheet } from './search-stylesheet';

/** The part of Pagefind's browser API this site uses. */
interface PagefindSearch {
  results: { id: string; data(): Promise<HitData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(query: string | null, options?: { filters?: object }): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const PAGE_RESULT_LIMIT = 50;
const base = import.meta.env.BASE_URL;
const EMPTY_LEXICON: Lexicon = { words: [], features: [], advisories: { releases: [], ids: [] }, cves: [], releases: [], changelogs: [] };
let pagefind: Promise<Pagefind> | undefined;
/** Pagefind once its code has run: from then on a search needs no names first. */
let pagefindLoaded: Pagefind | undefined;
let lexicon: Promise<Lexicon> | undefined;
let names: Promise<NameIndex> | undefined;
let warmedUp: Promise<Pagefind | undefined> | undefined;
let allFilterCounts: Promise<Record<string, Record<string, number>>> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ pagefindPath(base, 'pagefind.js'))) as Pagefind;
    // Record URLs already include the base path; Pagefind must not add it again.
    // In the page's own thread: the index is small enough that a search takes
    // milliseconds, and a worker would fetch a second copy of Pagefind's code
    // (12 kB gzip, an eighth of a first search). The CSP's 'wasm-unsafe-eval' allows it.
    await module.options({ excerptLength: 24, baseUrl: '/', noWorker: true, ranking: SEARCH_RANKING });
    pagefindLoaded = module;
    return module;
  })();
  return pagefind;
}

/** A JSON file of the build, or `fallback` when it cannot be had: search answers without it. */
function loadJson<Data>(url: string, fallback: Data): Promise<Data> {
  return fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<Data>) : fallback))
    .catch(() => fallback);
}

/** The build's lexicon (src/lib/search-lexicon.ts); without it, search still answers, uncorrected. */
function loadLexicon(): Promise<Lexicon> {
  lexicon ??= loadJson(searchLexiconPath(base), EMPTY_LEXICON);
  return lexicon;
}

/** The notes' names (src/lib/search-names.ts); without them, hits wait for Pagefind. */
function loadNames(): Promise<NameIndex> {
  names ??= loadJson<NameIndex>(searchNamesPath(base), { notes: [] });
  return names;
}

/**
 * How long the reader must pause before Pagefind's code and index (a hundred
 * kilobytes, most of a first search) start to download, once the names are
 * in. While the reader types, the names answer every keystroke: a slow
 * network carries the names with nothing competing, and Pagefind's set-up
 * (parsing its code, compiling its WebAssembly, decoding the index, the
 * heaviest work of search on a slow phone) does not hold up the keys.
 */
const PAGEFIND_PAUSE_MS = 200;
let allowPagefind: () => void = () => undefined;
/** Settles when Pagefind may be fetched: after a pause in typing, or at once when only it can answer. */
const pagefindAllowed = new Promise<void>((resolve) => {
  allowPagefind = resolve;
});
let pauseTimer: ReturnType<typeof setTimeout> | undefined;
function allowPagefindAfterPause(): void {
  clearTimeout(pauseTimer);
  pauseTimer = setTimeout(() => void loadNames().then(allowPagefind), PAGEFIND_PAUSE_MS);
}

/**
 * As many hits as a header list shows on this screen: a hit takes about
 * 5 rem, and the list starts below the header and its count.
 */
function headerLimit(): number {
  return Math.min(12, Math.max(3, Math.floor((window.innerHeight - 140) / 80)));
}

/**
 * Has Pagefind fetch its WebAssembly and metadata as soon as it may
 * (pagefindAllowed) rather than at the first search it runs, so that on a
 * slow network they arrive while the reader reads the names' hits.
 */
function warmUpPagefind(): Promise<Pagefind | undefined> {
  warmedUp ??= pagefindAllowed
    .then(loadPagefind)
    .then(async (engine) => {
      await engine.init();
      return engine;
    })
    .catch(() => undefined);
  return warmedUp;
}

/**
 * Fetches the index chunk that a query starting with `term` will read,
 * without searching: the first keystroke is not searched (MIN_QUERY_LENGTH),
 * so its chunk arrives while the reader types the rest.
 */
function preloadIndex(term: string): void {
  void warmUpPagefind().then((engine) => engine?.preload(term).catch(() => undefined));
}

/** An excerpt as text nodes and <mark>s: indexed text never becomes markup. */
function excerptFragment(parts: readonly ExcerptPart[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(part.text));
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

function resultItem(data: HitData, query: string, option: string | undefined): HTMLLIElement {
  const item = element('li', 'search-result');
  const link = element('a', 'search-result-link');
  link.href = highlightUrl(data.url, query);
  link.dataset.searchResult = '';
  if (option) {
    // The header's list is a combobox's listbox (search boxes' aria-activedescendant).
    item.setAttribute('role', 'presentation');
    link.id = option;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
  }
  const badges = element('span', 'search-result-badges');
  if (data.meta['architecture']) badges.append(element('span', 'badge badge-architecture', data.meta['architecture']));
  if (data.meta['status']) badges.append(element('span', `badge badge-${data.meta['status_id'] ?? ''}`, data.meta['status']));
  link.append(element('span', 'search-result-title', resultHeading(data.meta) ?? data.url), element('span', 'search-result-context', resultContext(data.meta)));
  if (badges.childElementCount > 0) link.append(badges);
  const { summary, body } = hitExcerpt(data);
  if (summary) link.append(element('span', 'search-result-summary', summary));
  if (body) {
    const excerpt = element('span', 'search-result-excerpt');
    excerpt.append(excerptFragment(body));
    link.append(excerpt);
  }
  item.append(link);
  return item;
}

const quoted = (text: string) => `“${text}”`;

function describeCount(count: number, state: SearchState, answer?: Answer): string {
  const filtered = Object.keys(state.filters).length > 0;
  const what = state.query ? ` ${quoted(answer?.searched ?? state.query)}` : '';
  const within = filtered ? (state.query ? ' with the chosen filters' : ' the chosen filters') : '';
  const before = answer?.statement ? `${answer.statement} ` : answer?.corrected ? `Nothing matches ${quoted(answer.query)}; showing results for ${quoted(answer.searched)}. ` : '';
  if (count === 0) return `${before}No features match${what}${within}. Try other words, or fewer filters.`;
  const partial = answer?.partial ? (answer.statement ? ' Partial matches follow.' : ` Nothing matches ${answer.unmatched.map(quoted).join(', ')}.`) : '';
  return `${before}${count} ${count === 1 ? 'feature matches' : 'features match'}${what}${within}.${partial}`;
}

function link(href: string, text: string): HTMLAnchorElement {
  const created = document.createElement('a');
  created.href = href;
  created.textContent = text;
  return created;
}

/**
 * What the reader is told above the hits, visibly: that the identifier typed
 * is not covered, that the query was corrected, or that nothing matched, with
 * the closest feature names and a way on.
 */
function noticeOf(answer: Answer, state: SearchState, variant: 'header' | 'page'): HTMLElement[] {
  const shown: HTMLElement[] = [];
  if (answer.statement) {
    // Identifiers stay whole on a line: "XSA-" at a line's end reads as another one.
    const statement = element('p', 'search-statement');
    for (const piece of answer.statement.split(/(XSA-\d+|CVE-\d+-\d+)/)) {
      statement.append(/^(?:XSA|CVE)-/.test(piece) ? element('span', 'search-identifier', piece) : document.createTextNode(piece));
    }
    shown.push(statement);
  }
  if (answer.corrected) {
    const said = element('p', 'search-corrected', 'Showing results for ');
    said.append(element('strong', '', answer.searched), document.createTextNode(`: nothing matches ${quoted(answer.query)}.`));
    shown.push(said);
  }
  if (answer.hits.length > 0) {
    if (answer.partial) {
      const words = answer.unmatched.map(quoted).join(', ');
      shown.push(element('p', 'search-partial', answer.statement ? 'Partial matches:' : `Nothing matches ${words}. Partial matches:`));
    }
    return shown;
  }
  if (!answer.statement) shown.push(element('p', 'search-nothing', `Nothing matches ${quoted(answer.query)}.`));
  if (answer.suggestions.length > 0) {
    const mean = element('p', 'search-suggestions', 'Did you mean ');
    answer.suggestions.forEach((feature, position) => {
      if (position > 0) mean.append(document.createTextNode(position === answer.suggestions.length - 1 ? ' or ' : ', '));
      mean.append(link(feature.url, feature.title));
    });
    mean.append(document.createTextNode('?'));
    shown.push(mean);
  }
  const way = element('p', 'search-way-on');
  way.append(link(featureIndexPath(base), 'Browse the index of every feature'));
  if (variant === 'page' && Object.keys(state.filters).length > 0) {
    const clear = element('button', 'search-clear-filters', 'Clear the filters');
    clear.type = 'button';
    clear.dataset.searchClearFilters = '';
    way.append(document.createTextNode(' or '), clear);
  }
  way.append(document.createTextNode('.'));
  shown.push(way);
  return shown;
}

/** Wires one search form: results as the reader types, facets, keyboard movement. */
function attach(form: HTMLFormElement): void {
  const variant = form.dataset.search === 'page' ? 'page' : 'header';
  const input = form.querySelector<HTMLInputElement>('[data-search-input]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const list = form.querySelector<HTMLOListElement>('[data-search-results]');
  const notice = form.querySelector<HTMLElement>('[data-search-notice]');
  const total = form.querySelector<HTMLElement>('[data-search-total]');
  const more = form.querySelector<HTMLAnchorElement>('[data-search-more]');
  const counted = form.querySelector<HTMLElement>('[data-search-count]');
  if (!input || !status || !panel || !list || !notice || form.dataset.searchReady) return;
  form.dataset.searchReady = '';
  // The header's hits are the options of the box's combobox; the role comes with the code that moves through them.
  if (variant === 'header') list.setAttribute('role', 'listbox');
  const facets = searchFacets(
    [...form.querySelectorAll<HTMLInputElement>('input[name="release"]')].map((box) => ({ id: box.value })),
  );
  let latest = 0;
  // Escape closes the results until the reader types again, even when focus returns to the box.
  let dismissed = false;
  let active = -1;

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('[data-search-result]')];
  const select = (index: number, reveal = false) => {
    const all = links();
    active = all.length === 0 ? -1 : Math.max(0, Math.min(index, all.length - 1));
    all.forEach((candidate, position) => candidate.setAttribute('aria-selected', String(position === active)));
    const chosen = all[active];
    if (chosen) {
      input.setAttribute('aria-activedescendant', chosen.id);
      // Only a move by the arrows scrolls: a new list starts at its top, and measuring it would cost every search a layout.
      if (reveal) chosen.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    if (variant === 'header') input.setAttribute('aria-expanded', String(open));
  };
  const close = () => {
    if (variant === 'header') setOpen(false);
  };
  const dismiss = () => {
    dismissed = true;
    close();
  };
  const showHits = (hits: readonly HitData[], query: string) => {
    list.replaceChildren(...hits.map((hit, position) => resultItem(hit, query, variant === 'header' ? `${list.id}-${position}` : undefined)));
    // An empty listbox is announced as a list of nothing: the notice speaks instead.
    list.hidden = hits.length === 0;
  };
  /** The line above the header's hits: how many there are, and the way to the search page. */
  const showTotal = (count: string | undefined, query: string, moreText: string) => {
    if (total) total.hidden = count === undefined;
    if (counted) counted.textContent = count ?? '';
    if (more) {
      more.href = searchPath(base, query);
      more.textContent = moreText;
    }
  };
  /**
   * Shows, in the header, the notes whose names answer the query while
   * Pagefind is on its way. The status stays quiet: it speaks once, with the
   * full answer.
   */
  const showNames = (hits: readonly HitData[], query: string) => {
    showHits(hits, query);
    list.dataset.searchPending = '';
    notice.replaceChildren();
    status.textContent = '';
    showTotal('Searching every note…', query, 'See all results');
    select(0);
    if (!dismissed) setOpen(true);
  };
  const clearShown = () => {
    delete list.dataset.searchPending;
    list.replaceChildren();
    notice.replaceChildren();
    if (total) total.hidden = true;
    if (variant === 'header') select(-1);
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
      clearShown();
      if (variant === 'header') status.textContent = '';
      else status.textContent = state.query ? `Type at least ${MIN_QUERY_LENGTH} characters, or choose filters.` : 'Type a word, or choose filters.';
      close();
      if (variant === 'page') {
        const engine = await loadPagefind().catch(() => undefined);
        if (engine) await updateCounts(engine, searched, ticket);
      }
      return;
    }
    const limit = variant === 'page' ? PAGE_RESULT_LIMIT : headerLimit();
    if (variant === 'header' && !pagefindLoaded) {
      const named = nameHits(await loadNames(), searched.query, limit);
      if (ticket !== latest) return;
      if (named.length > 0) showNames(named, searched.query);
      else allowPagefind();
    }
    await pagefindAllowed;
    if (ticket !== latest) return;
    let engine: Pagefind;
    let answer: Answer;
    try {
      engine = await loadPagefind();
      const filters = pagefindFilters(searched.filters);
      const search: SearchEngine = async (query, count) => {
        const found = await engine.search(query, { filters });
        const results = found?.results ?? [];
        return { total: results.length, hits: await Promise.all(results.slice(0, count).map((result) => result.data())) };
      };
      if (searched.query) {
        answer = await answerQuery(search, await loadLexicon(), searched.query, limit);
      } else {
        // Filters alone browse: Pagefind lists every record they keep.
        const all = (await engine.search(null, { filters }))?.results ?? [];
        const hits = await Promise.all(all.slice(0, limit).map((result) => result.data()));
        answer = { query: '', searched: '', corrected: false, partial: false, unmatched: [], total: all.length, hits, suggestions: [] };
      }
    } catch {
      status.textContent = 'Search is not available right now. The feature index on the search page lists every note.';
      if (ticket === latest && list.dataset.searchPending !== undefined) {
        delete list.dataset.searchPending;
        showTotal('Matched by name only', searched.query, 'See all results');
      }
      return;
    }
    if (ticket !== latest) return;
    delete list.dataset.searchPending;
    showHits(answer.hits.slice(0, limit), answer.searched);
    notice.replaceChildren(...noticeOf(answer, searched, variant));
    status.textContent = describeCount(answer.total, searched, answer);
    showTotal(
      answer.total === 0 ? undefined : `${answer.total} ${answer.total === 1 ? 'result' : 'results'}`,
      answer.searched,
      answer.total === 1 ? 'See the result on the search page' : `See all ${answer.total} results`,
    );
    if (variant === 'header') select(0);
    if (!dismissed) setOpen(true);
    if (variant === 'page') await updateCounts(engine, searched, ticket);
  };

  const onInput = (): void => {
    dismissed = false;
    allowPagefindAfterPause();
    const typed = normalizeQuery(input.value);
    if (typed !== '' && !isSearchableQuery(typed)) preloadIndex(typed);
    if (input.value.length > 0 && typed === '') {
      latest += 1;
      status.textContent = 'Type a word to search.';
      clearShown();
      close();
      return;
    }
    // No pause for typing: a warm search takes a few milliseconds, and `latest`
    // drops the results of a keystroke that a later one has overtaken.
    void run('replace');
  };
  input.addEventListener('input', onInput);
  // Focus is the first sign of a search: fetch the names and the lexicon, then
  // set Pagefind up at the first pause.
  const preload = () => {
    void loadLexicon();
    void loadNames().then(allowPagefindAfterPause);
    void warmUpPagefind();
  };
  input.addEventListener('focus', preload);
  if (document.activeElement === input) preload();
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'checkbox') void run('push');
  });
  form.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLElement) || !event.target.matches('[data-search-clear-filters]')) return;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) box.checked = false;
    void run('push');
  });
  form.addEventListener('submit', (event) => {
    // With JavaScript the results are already on screen. In the header, Enter
    // opens the selected hit, the first unless the arrows chose another;
    // without one, the search page lists everything.
    const chosen = variant === 'header' && !panel.hidden ? links()[active] : undefined;
    if (chosen) {
      event.preventDefault();
      window.location.assign(chosen.href);
    } else if (variant === 'page') {
      event.preventDefault();
      void run('replace');
    }
  });
  input.addEventListener('keydown', (event) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !panel.hidden && variant === 'header') {
      event.preventDefault();
      select(active + (event.key === 'ArrowDown' ? 1 : -1), true);
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
    // A hit reached with Tab: the arrows go on from it, Escape returns to the box.
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
    if ((list.childElementCount > 0 || notice.childElementCount > 0) && !dismissed) setOpen(true);
  });

  if (variant === 'page') {
    // The search page's filters and counts are Pagefind's alone.
    allowPagefind();
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
  adoptSearchStylesheet();
  document.querySelectorAll<HTMLFormElement>('form[data-search]').forEach(attach);
}
