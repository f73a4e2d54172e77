import { pagefindPath } from '../lib/urls';

interface PagefindHighlightOptions {
  highlightParam: string;
  markContext: string;
  addStyles: boolean;
}

/**
 * Marks the searched words on a page opened from a search result
 * (`?highlight=…`), with Pagefind's own highlighter; loads nothing otherwise.
 * Once marked, the address drops the parameter, so the link a reader copies
 * (or reloads) is the note's clean anchor.
 */
export async function highlightSearchTerms(): Promise<void> {
  if (!new URLSearchParams(window.location.search).has('highlight')) return;
  const module = (await import(/* @vite-ignore */ pagefindPath(import.meta.env.BASE_URL, 'pagefind-highlight.js'))) as {
    default: new (options: PagefindHighlightOptions) => unknown;
  };
  // Styles come from the site's CSS: Pagefind's own are inline, which the CSP forbids.
  // The highlighter marks the words as it is constructed.
  new module.default({ highlightParam: 'highlight', markContext: '[data-search-record]', addStyles: false });
  const clean = new URL(window.location.href);
  clean.searchParams.delete('highlight');
  window.history.replaceState(window.history.state, '', `${clean.pathname}${clean.search}${clean.hash}`);
}
