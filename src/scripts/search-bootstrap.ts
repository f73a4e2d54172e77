import { searchLexiconPath, searchNamesPath } from '../lib/urls';

/**
 * The only search code a page runs before the reader touches search: it
 * waits for the search box to get focus (or for "/" or Ctrl/Cmd-K), and only
 * then loads the search interface and, side by side with it rather than after
 * it, the notes' names and the lexicon it reads first. Pagefind comes later,
 * when the interface asks for it (search-ui.ts).
 */

/** Has the browser fetch a JSON file the interface will ask for, alongside the interface itself. */
function preloadJson(url: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  // The interface's fetch() is a same-origin CORS request: only a preload in the same mode is reused by it.
  link.crossOrigin = 'anonymous';
  link.href = url;
  document.head.append(link);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function watchForSearch(): void {
  let started: Promise<unknown> | undefined;
  const start = () => {
    // The search form names the bundled interface module (see SearchBox.astro).
    const module = document.querySelector<HTMLElement>('[data-search-module]')?.dataset.searchModule;
    if (module && !started) {
      preloadJson(searchNamesPath(import.meta.env.BASE_URL));
      preloadJson(searchLexiconPath(import.meta.env.BASE_URL));
      started = import(/* @vite-ignore */ module);
    }
  };
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches('[data-search-input]')) start();
  });
  document.addEventListener('keydown', (event) => {
    const shortcut =
      (event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) ||
      (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut) return;
    const primary =
      document.querySelector<HTMLInputElement>('form[data-search="page"] [data-search-input]') ??
      document.querySelector<HTMLInputElement>('[data-search-input]');
    if (!primary) return;
    event.preventDefault();
    primary.focus();
    primary.select();
  });
  // A shared search link opens the search page ready to show its results; a
  // search box focused before this module ran (see boot.ts) starts it too.
  if (
    (document.querySelector('form[data-search="page"]') && window.location.search) ||
    document.activeElement?.matches('[data-search-input]')
  ) {
    start();
  }
}
