/**
 * Marks the outline's entry for what is being read with aria-current, and
 * keeps it marked while the reader scrolls. The page's modules start on the
 * first scroll, or at once after landing on a link to a section (boot.ts).
 *
 * The current entry is the note, else the section, that crosses a line one
 * pixel below the sticky band (the page's scroll-padding-top): where a link
 * puts its heading. An outline without an entry for that note marks its
 * section. A sidebar that scrolls keeps its marked entry in view, unless
 * focus is inside it.
 */
export function markOutline(outlines: string, targets: string): void {
  const crossing = new Set<Element>();
  let observer: IntersectionObserver | undefined;
  const mark = () => {
    // A note is a deeper place than its section: its entry, where there is one, wins.
    const crossed = [...crossing];
    const ids = [...crossed.filter((target) => target.tagName === 'ARTICLE'), ...crossed].map((target) => target.getAttribute('aria-labelledby'));
    for (const outline of document.querySelectorAll<HTMLElement>(outlines)) {
      const link = ids.map((id) => outline.querySelector(`a[href="#${id}"]`)).find(Boolean);
      for (const old of outline.querySelectorAll('[aria-current]')) if (old !== link) old.removeAttribute('aria-current');
      if (!link) continue;
      link.setAttribute('aria-current', 'true');
      const box = link.getBoundingClientRect();
      const view = outline.getBoundingClientRect();
      // Setting scrollTop does nothing to an outline that does not scroll. An
      // outline the reader is moving through by keyboard stays where focus put it.
      const beingRead = outline.contains(document.activeElement);
      if (!beingRead && (box.top < view.top || box.bottom > view.bottom)) outline.scrollTop += box.top - view.top - view.height / 3;
    }
  };
  const observe = () => {
    observer?.disconnect();
    crossing.clear();
    const line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 1;
    observer = new IntersectionObserver(
      (entries) => {
        for (const { isIntersecting, target } of entries) {
          if (isIntersecting) crossing.add(target);
          else crossing.delete(target);
        }
        mark();
      },
      { rootMargin: `${-line}px 0px ${line + 1 - innerHeight}px` },
    );
    for (const target of document.querySelectorAll(targets)) observer.observe(target);
  };
  observe();
  addEventListener('resize', observe);
}
