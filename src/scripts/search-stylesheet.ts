import styles from '../styles/search-results.css?inline';

let adopted = false;

/**
 * Gives the page the styles of search's hits and answers, once, when the
 * search interface starts: they come in its code, so no page carries them
 * before the reader turns to search. A constructed stylesheet is CSSOM, which
 * the content security policy's hash-only style-src does not govern.
 */
export function adoptSearchStylesheet(): void {
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
