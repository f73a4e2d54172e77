import { pagefindPath } from '../lib/urls';

/**
 * The only search code a page runs before the reader touches search: it
 * waits for the search box to get focus (or for "/" or Ctrl/Cmd-K), and only
 * then loads the search interface and, side by side with it rather than after
 * it, Pagefind's code; the interface then loads the index.
 */

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
    if (module) {
      started ??= Promise.all([
        import(/* @vite-ignore */ module),
        // A failure here is the interface's to report, when it loads Pagefind itself.
        import(/* @vite-ignore */ pagefindPath(import.meta.env.BASE_URL, 'pagefind.js')).catch(() => undefined),
      ]);
    }
    return started;
  };
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.matches('[data-search-input]')) void start();
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
    void start();
  }
}
