// Whether what a search interface shows answers the whole query the reader
// typed, rather than a prefix an earlier keystroke searched. Pure: the page
// records snapshots (see visit.ts), this module judges them.

/** What the bench reads from a page at one moment. */
export interface Snapshot {
  /** performance.now() in the page when the DOM reached this state. */
  at: number;
  /** Links of the first visible result, in document order, each as path + search + hash. */
  topLinks: string[];
  /** Text of the interface's status or message element, white space folded; '' without one. */
  status: string;
}

/** Reads from a snapshot which query the results on screen answer, as the interface itself states it. */
export type AnsweredQuery = (snapshot: Snapshot) => string | undefined;

export type Verdict = { full: true } | { full: false; reason: string };

/** Folds runs of white space and trims, as both interfaces do before they search. */
export function sameQuery(left: string, right: string): boolean {
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  return fold(left) === fold(right);
}

/**
 * A result link reduced to what identifies the hit: path and fragment,
 * without the query string (highlight parameters) or a trailing slash.
 * @example hitPath('/releases/4.7/?highlight=colo#colo') // '/releases/4.7#colo'
 */
export function hitPath(link: string): string {
  const url = new URL(link, 'http://bench.invalid');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
  return `${path}${url.hash}`;
}

/**
 * Judges one snapshot against the full query: a result must be on screen,
 * the interface must state that its results answer exactly `query`, and,
 * when `expectedTopHit` is given, the first result must link to it. The
 * second condition is what rejects a prefix's results that happen to have the
 * same top hit ("live patchin" finds live patching too).
 */
export function judge(snapshot: Snapshot, query: string, answeredQuery: AnsweredQuery, expectedTopHit?: string): Verdict {
  if (snapshot.topLinks.length === 0) return { full: false, reason: 'no result on screen' };
  const answered = answeredQuery(snapshot);
  if (answered === undefined) return { full: false, reason: 'the interface does not say which query its results answer' };
  if (!sameQuery(answered, query)) return { full: false, reason: `the results answer "${answered}"` };
  if (expectedTopHit !== undefined && !snapshot.topLinks.some((link) => hitPath(link) === hitPath(expectedTopHit))) {
    return { full: false, reason: `the first result links to ${snapshot.topLinks.join(', ')}, not ${expectedTopHit}` };
  }
  return { full: true };
}

/** The first snapshot taken at or after `after` that answers the full query, if any. */
export function firstFullAnswer(
  snapshots: readonly Snapshot[],
  query: string,
  answeredQuery: AnsweredQuery,
  options: { after: number; expectedTopHit?: string },
): Snapshot | undefined {
  return snapshots.find(
    (snapshot) => snapshot.at >= options.after && judge(snapshot, query, answeredQuery, options.expectedTopHit).full,
  );
}
