import { describe, expect, it } from 'vitest';
import { firstFullAnswer, hitPath, judge, sameQuery, type Snapshot } from '../../scripts/bench/full-query';
import { STARLIGHT, THIS_SITE } from '../../scripts/bench/sites';

const ours = (at: number, query: string, anchor = 'live-patching'): Snapshot => ({
  at,
  topLinks: [`/releases/4.7/?${new URLSearchParams({ highlight: query })}#${anchor}`],
  status: `1 feature matches “${query}”.`,
});

const starlight = (at: number, message: string, links = ['/xen-4-7/', '/xen-4-7/#_top', '/xen-4-7/#live-patching']): Snapshot => ({
  at,
  topLinks: links,
  status: message,
});

describe('hitPath', () => {
  it('keeps the path and the fragment, and drops highlight parameters and a trailing slash', () => {
    expect(hitPath('/releases/4.7/?highlight=live+patching#live-patching')).toBe('/releases/4.7#live-patching');
    expect(hitPath('/xen-4-7#colo-fault-tolerance')).toBe(hitPath('/xen-4-7/#colo-fault-tolerance'));
    expect(hitPath('/')).toBe('/');
  });
});

describe('sameQuery', () => {
  it('ignores white space around and within, but not case or letters', () => {
    expect(sameQuery(' live  patching ', 'live patching')).toBe(true);
    expect(sameQuery('live patchin', 'live patching')).toBe(false);
    expect(sameQuery('colo', 'COLO')).toBe(false);
  });
});

describe("this site's reading of which query its results answer", () => {
  it('is the highlight parameter of the top result', () => {
    expect(THIS_SITE.answeredQuery(ours(0, 'live patchin'))).toBe('live patchin');
  });

  it('is the quoted query of the status when no result is shown', () => {
    expect(THIS_SITE.answeredQuery({ at: 0, topLinks: [], status: 'No features match “xyzzy”. Try other words, or fewer filters.' })).toBe('xyzzy');
    expect(THIS_SITE.answeredQuery({ at: 0, topLinks: [], status: '' })).toBeUndefined();
  });

  it("takes each side-by-side query's top hit from the search-quality list", () => {
    expect(THIS_SITE.topHit('live patching')).toBe('/releases/4.7/#live-patching');
    expect(THIS_SITE.topHit('COLO')).toBe('/releases/4.7/#colo');
    expect(THIS_SITE.topHit('PSCI')).toBe('/releases/4.7/#psci-1-0');
  });
});

describe("Starlight's reading of which query its results answer", () => {
  it("is the term in Pagefind's message for one, many or no results", () => {
    expect(STARLIGHT.answeredQuery(starlight(0, '1 result for live patching'))).toBe('live patching');
    expect(STARLIGHT.answeredQuery(starlight(0, '12 results for COL'))).toBe('COL');
    expect(STARLIGHT.answeredQuery(starlight(0, 'No results for xyzzy', []))).toBe('xyzzy');
  });

  it('is nothing while Pagefind is still searching', () => {
    expect(STARLIGHT.answeredQuery(starlight(0, 'Searching for live patching...'))).toBeUndefined();
  });
});

describe('judge', () => {
  it("rejects a prefix's results even when their top hit is the full query's", () => {
    expect(judge(ours(5, 'live patchin'), 'live patching', THIS_SITE.answeredQuery, '/releases/4.7/#live-patching')).toEqual({
      full: false,
      reason: 'the results answer "live patchin"',
    });
    expect(judge(starlight(5, '1 result for COL'), 'COLO', STARLIGHT.answeredQuery, '/xen-4-7/#colo-fault-tolerance').full).toBe(false);
  });

  it('rejects results of the full query whose first result is not the expected hit', () => {
    const verdict = judge(ours(5, 'COLO', 'remus'), 'COLO', THIS_SITE.answeredQuery, '/releases/4.7/#colo');
    expect(verdict).toEqual({ full: false, reason: 'the first result links to /releases/4.7/?highlight=COLO#remus, not /releases/4.7/#colo' });
  });

  it('rejects a screen with no result, and an interface that does not say what it answers', () => {
    expect(judge({ at: 1, topLinks: [], status: '' }, 'COLO', THIS_SITE.answeredQuery).full).toBe(false);
    expect(judge(starlight(1, ''), 'live patching', STARLIGHT.answeredQuery)).toEqual({
      full: false,
      reason: 'the interface does not say which query its results answer',
    });
  });

  it("accepts the full query's results with the expected hit anywhere in the top result", () => {
    expect(judge(ours(9, 'live patching'), 'live patching', THIS_SITE.answeredQuery, '/releases/4.7/#live-patching')).toEqual({ full: true });
    expect(judge(starlight(9, '1 result for live patching'), 'live patching', STARLIGHT.answeredQuery, '/xen-4-7/#live-patching')).toEqual({ full: true });
  });

  it('accepts any top hit when none is expected', () => {
    expect(judge(ours(9, 'credit2', 'credit2'), 'credit2', THIS_SITE.answeredQuery).full).toBe(true);
  });
});

describe('firstFullAnswer', () => {
  const timeline = [ours(10, 'li'), ours(20, 'live patchin'), ours(30, 'live patching'), ours(40, 'live patching', 'other')];

  it('finds the first snapshot that answers the whole query', () => {
    expect(firstFullAnswer(timeline, 'live patching', THIS_SITE.answeredQuery, { after: 0 })?.at).toBe(30);
  });

  it('ignores snapshots taken before `after`, such as an answer left from an earlier search', () => {
    expect(firstFullAnswer(timeline, 'live patching', THIS_SITE.answeredQuery, { after: 31 })?.at).toBe(40);
    expect(firstFullAnswer(timeline, 'live patching', THIS_SITE.answeredQuery, { after: 31, expectedTopHit: '/releases/4.7/#live-patching' })).toBeUndefined();
  });

  it('finds nothing when only prefixes were answered', () => {
    expect(firstFullAnswer(timeline.slice(0, 2), 'live patching', THIS_SITE.answeredQuery, { after: 0 })).toBeUndefined();
  });
});
