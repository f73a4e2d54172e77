export interface BootOptions {
  /** Where the reader's theme choice is stored. */
  themeKey: string;
  /** The attribute of <html> that lists, space-separated, the URLs of the modules to start on the first interaction. */
  modulesAttribute: string;
}

/**
 * The only script a page runs before the reader does something. It is inlined
 * in <head>, so it must not reference anything outside its own body, and it
 * must stay small: it is parsed before the first paint.
 *
 * It applies a stored theme before the first paint, then waits: the page's
 * modules (not even fetched until then) start on the first pointer, key, focus,
 * change or scroll event, or at once when the address carries a query or a
 * fragment they must act on (search terms, filters, words to highlight, the
 * place in the outline of the section a link leads to). Events whose effect is the
 * modules' own (a search shortcut, held back from the browser; a click on a
 * script button or a heading's copying link; a changed control) are handed to
 * them once they run, so a fast first click or key is never lost.
 */
export function boot({ themeKey, modulesAttribute }: BootOptions): void {
  try {
    const theme = localStorage.getItem(themeKey);
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  } catch {
    // Storage can be off; the system theme then applies.
  }
  const triggers = ['pointerdown', 'keydown', 'focusin', 'click', 'change', 'scroll'];
  const held: Event[] = [];
  let loading: Promise<void> | undefined;
  const start = () => {
    loading ??= Promise.all(
      (document.documentElement.getAttribute(modulesAttribute) ?? '').split(' ').map((url) => import(url)),
    ).then(() => {
      for (const type of triggers) removeEventListener(type, watch, true);
      // An event's own fields are a valid init dictionary for a copy of it.
      for (const event of held) event.target?.dispatchEvent(new (event.constructor as typeof Event)(event.type, event));
    });
  };
  const watch = (event: Event) => {
    const target = event.target as Element;
    if (
      event instanceof KeyboardEvent &&
      ((event.key === 'k' && (event.ctrlKey || event.metaKey)) ||
        (event.key === '/' && !target.closest('input,textarea,select,[contenteditable]')))
    ) {
      event.preventDefault();
      held.push(event);
    }
    if (event.type === 'change' || (event.type === 'click' && target.closest('button[type=button],[data-copy-link]'))) held.push(event);
    start();
  };
  for (const type of triggers) addEventListener(type, watch, true);
  if (location.search || location.hash) addEventListener('DOMContentLoaded', start);
}
