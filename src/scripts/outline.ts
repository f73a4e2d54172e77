export interface OutlineOptions {
  /** The outlines to mark: the sidebar and the phone's disclosure. */
  outlines: string;
  /** The sections and notes whose place on screen decides the current entry; each is labelled by its heading. */
  targets: string;
}

/**
 * Marks the outline's entry for what is being read with aria-current, from
 * the moment the page is parsed: after landing on a link to a note, and while
 * scrolling by wheel, touch or scrollbar, none of which starts the page's
 * modules. It is inlined at the end of a release page (like boot.ts, it must
 * not reference anything outside its own body), starts once the first frame
 * is drawn, and does no more than this.
 *
 * The current entry is the note, else the section, that crosses a line one
 * pixel below the sticky band (the page's scroll-padding-top): where a link
 * puts its heading. An outline without an entry for that note marks its
 * section. A sidebar that scrolls keeps its marked entry in view.
 */
export function markOutline({ outlines, targets }: OutlineOptions): void {
  const crossing = new Set<Element>();
  let observer: IntersectionObserver | undefined;
  const observe = () => {
    observer?.disconnect();
    crossing.clear();
    const line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 1;
    observer = new IntersectionObserver(
      (entries) => {
        for (const { isIntersecting, target } of entries) crossing[isIntersecting ? 'add' : 'delete'](target);
        // A note is a deeper place than its section: its entry, where there is one, wins.
        const crossed = [...crossing];
        const ids = [...crossed.filter((target) => target.tagName === 'ARTICLE'), ...crossed].map((target) => target.getAttribute('aria-labelledby'));
        for (const outline of document.querySelectorAll(outlines)) {
          const link = ids.map((id) => outline.querySelector(`a[href="#${id}"]`)).find(Boolean);
          for (const old of outline.querySelectorAll('[aria-current]')) old.removeAttribute('aria-current');
          if (!link) continue;
          link.setAttribute('aria-current', 'true');
          const box = link.getBoundingClientRect();
          const view = outline.getBoundingClientRect();
          // Setting scrollTop does nothing to an outline that does not scroll.
          if (box.top < view.top || box.bottom > view.bottom) outline.scrollTop += box.top - view.top - view.height / 3;
        }
      },
      { rootMargin: `${-line}px 0px ${line + 1 - innerHeight}px` },
    );
    for (const target of document.querySelectorAll(targets)) observer.observe(target);
  };
  // After the first frame, when the page's style is computed: reading scroll-padding-top sooner would force it.
  requestAnimationFrame(() => setTimeout(observe));
  addEventListener('resize', observe);
}
