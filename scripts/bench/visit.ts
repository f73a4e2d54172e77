// A reader's visit to a built site in Chromium, on a desktop or on a phone:
// load a page, open search, type, and note when the interface shows the
// answer to the whole query. The page records what it shows (a snapshot at
// every change of the top result or the status); full-query.ts judges it.
// Which elements to read comes from sites.ts, so this file serves any site.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStaticServer } from '../static-server.mjs';
import { firstFullAnswer, judge, sameQuery, type Snapshot } from './full-query.ts';
import type { SearchUi } from './sites.ts';

/** A file the benchmark's server sent. */
export interface Transfer {
  path: string;
  contentType: string;
  /** Body bytes as sent, after the server's gzip. */
  bytes: number;
}

/** A sent file and when the server sent it (milliseconds since the epoch, as `performance.timeOrigin + performance.now()`). */
export interface Served extends Transfer {
  at: number;
}

const epochNow = () => performance.timeOrigin + performance.now();

export const sum = (files: readonly Transfer[]) => files.reduce((total, file) => total + file.bytes, 0);

export interface ServedSite {
  url: string;
  /** Every file the server sent, in order, workers' requests included. */
  served: Served[];
  close(): Promise<void>;
}

/** Serves a build with the site's own static server (gzip, as a static host), logging every file sent. */
export async function serveBuild(root: string, port = 0): Promise<ServedSite> {
  const served: Served[] = [];
  const server = await startStaticServer({ root, port, onServe: (transfer: Transfer) => served.push({ ...transfer, at: epochNow() }) });
  return { url: server.url, served, close: server.close };
}

/**
 * Lighthouse's mobile throttling (`mobileSlow4G` in its constants: rttMs 150,
 * throughputKbps 1.6 × 1024, uploadThroughputKbps 750, cpuSlowdownMultiplier 4)
 * applied through DevTools: `Network.emulateNetworkConditions` adds the round
 * trip to every request, the page's and its workers' alike, and caps the
 * throughput; `Emulation.setCPUThrottlingRate` slows the page's main thread.
 * CDP takes throughput in bytes a second (kbit × 1024 / 8, as Lighthouse converts it).
 * Lighthouse's own DevTools mode scales these to 562.5 ms and 90% throughput
 * to stand in for its simulation; these are the profile's own figures.
 */
export const PHONE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpuSlowdown: 4,
  /** Lighthouse's mobile screen (a Moto G Power). */
  screen: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
} as const;

const DESKTOP_SCREEN = { viewport: { width: 1280, height: 900 } } as const;

/** `phone`: PHONE's screen, network and CPU. `desktop`: a desktop window, nothing throttled. */
export type Profile = 'phone' | 'desktop';

interface Recorder {
  /** `timeStamp` of every keydown, in the page's clock. */
  keys: number[];
  snapshots: Snapshot[];
  start(): void;
  next(count: number, timeoutMs: number): Promise<void>;
  /** Sets the field's value and dispatches one input event, as a paste would; returns when. */
  inputEvent(selector: string, text: string): number;
}

declare global {
  interface Window {
    __benchRecorder: Recorder;
  }
}

/** Runs in the page before its own scripts (an init script): records keys, and from `start()` on, every change of what search shows. */
function installRecorder({ result, status }: { result: string; status: string }): void {
  const keys: number[] = [];
  const snapshots: Snapshot[] = [];
  let waiting: (() => void)[] = [];
  let last = '';
  const read = () => {
    const top = [...document.querySelectorAll(result)].find((element) => element.checkVisibility());
    const links = !top ? [] : top.matches('a[href]') ? [top as HTMLAnchorElement] : [...top.querySelectorAll<HTMLAnchorElement>('a[href]')];
    return {
      topLinks: links.map((link) => {
        const url = new URL(link.href);
        return `${url.pathname}${url.search}${url.hash}`;
      }),
      status: (document.querySelector(status)?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  };
  const record = () => {
    const state = read();
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    snapshots.push({ at: performance.now(), ...state });
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  };
  addEventListener('keydown', (event) => keys.push(event.timeStamp), true);
  window.__benchRecorder = {
    keys,
    snapshots,
    start: () => {
      record();
      new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    next: (count, timeoutMs) =>
      snapshots.length > count
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiting.push(resolve);
            setTimeout(resolve, timeoutMs);
          }),
    inputEvent: (selector, text) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector} on the page`);
      const started = performance.now();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.slice(-1) }));
      return started;
    },
  };
}

/** How long the bench waits for an answer before it gives up and says what the page showed last. */
const ANSWER_TIMEOUT_MS = 30_000;

/** One fresh browser context (nothing cached) with one page, throttled for its profile and recording. */
export class Visit {
  private inFlight = 0;
  private lastRequestChange = epochNow();
  private pageOrigin = 0;

  readonly context: BrowserContext;
  readonly page: Page;
  readonly ui: SearchUi;
  readonly served: Served[];
  readonly profile: Profile;

  private constructor(context: BrowserContext, page: Page, ui: SearchUi, served: Served[], profile: Profile) {
    this.context = context;
    this.page = page;
    this.ui = ui;
    this.served = served;
    this.profile = profile;
    // Requests of the page and of its workers; requestfinished and requestfailed end each.
    page.on('request', () => this.requestChanged(+1));
    page.on('requestfinished', () => this.requestChanged(-1));
    page.on('requestfailed', () => this.requestChanged(-1));
  }

  static async open(browser: Browser, { ui, served, profile }: { ui: SearchUi; served: Served[]; profile: Profile }): Promise<Visit> {
    const context = await browser.newContext(profile === 'phone' ? PHONE.screen : DESKTOP_SCREEN);
    try {
      const page = await context.newPage();
      if (profile === 'phone') {
        const devtools = await context.newCDPSession(page);
        await devtools.send('Network.enable');
        await devtools.send('Network.emulateNetworkConditions', PHONE.network);
        await devtools.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      }
      await page.addInitScript(installRecorder, { result: ui.result, status: ui.status });
      return new Visit(context, page, ui, served, profile);
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  private requestChanged(step: number): void {
    this.inFlight += step;
    this.lastRequestChange = epochNow();
  }

  /** Loads `url` and waits for the network to go quiet; returns every file sent for it. */
  async load(url: string): Promise<Served[]> {
    const before = this.served.length;
    await this.page.goto(url, { waitUntil: 'networkidle' });
    this.pageOrigin = await this.page.evaluate(() => performance.timeOrigin);
    await this.page.evaluate(() => window.__benchRecorder.start());
    return this.served.slice(before);
  }

  /**
   * The reader's first interaction: taps or clicks the search trigger, and
   * waits until the search field has focus. The field must exist first: an
   * interface that builds it after the page has loaded (Starlight's does, when
   * the browser is idle) is given that time, as a reader would be.
   */
  async openSearch(): Promise<void> {
    await this.page.waitForSelector(this.ui.input, { state: 'attached' });
    if (this.profile === 'phone') await this.page.tap(this.ui.open);
    else await this.page.click(this.ui.open);
    await this.page.waitForFunction((selector) => document.activeElement?.matches(selector) ?? false, this.ui.input);
  }

  snapshotCount(): Promise<number> {
    return this.page.evaluate(() => window.__benchRecorder.snapshots.length);
  }

  /**
   * Types `text` into the focused field, `delayMs` between keys (0: as fast
   * as the browser takes them); resolves with the first and the last keydown's
   * time in the page's clock.
   */
  async type(text: string, delayMs: number): Promise<{ first: number; last: number }> {
    const before = await this.page.evaluate(() => window.__benchRecorder.keys.length);
    await this.page.keyboard.type(text, { delay: delayMs });
    const keys = await this.page.evaluate((from) => window.__benchRecorder.keys.slice(from), before);
    const [first, last] = [keys[0], keys.at(-1)];
    if (first === undefined || last === undefined || keys.length !== [...text].length) {
      throw new Error(`${this.ui.name}'s page saw ${keys.length} keydowns for the ${[...text].length} characters of "${text}"`);
    }
    return { first, last };
  }

  /** Selects what the field holds, so the next keys replace it. */
  selectAll(): Promise<void> {
    return this.page.keyboard.press('ControlOrMeta+A');
  }

  /** Sets the search field to `text` with one input event; resolves with when, in the page's clock. */
  inputEvent(text: string): Promise<number> {
    return this.page.evaluate(({ selector, value }) => window.__benchRecorder.inputEvent(selector, value), { selector: this.ui.input, value: text });
  }

  /** The first snapshot from index `from` on that `accept` takes, as the page records them; fails with the last one seen. */
  async waitFor(accept: (snapshot: Snapshot) => boolean, from: number, what: string): Promise<Snapshot> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    let count = from;
    let last: Snapshot | undefined;
    for (;;) {
      const fresh = await this.page.evaluate(
        async ({ count, wait }) => {
          await window.__benchRecorder.next(count, wait);
          return window.__benchRecorder.snapshots.slice(count);
        },
        { count, wait: Math.max(0, deadline - Date.now()) },
      );
      const found = fresh.find(accept);
      if (found) return found;
      count += fresh.length;
      last = fresh.at(-1) ?? last;
      if (Date.now() >= deadline) {
        const shown = last ? `top result ${JSON.stringify(last.topLinks)}, status "${last.status}"` : 'nothing changed';
        throw new Error(`${this.ui.name}: ${what} did not show within ${ANSWER_TIMEOUT_MS / 1000} s; last seen: ${shown}. Are the selectors in scripts/bench/sites.ts still right?`);
      }
    }
  }

  /** The first snapshot, at or after `after`, that answers the whole of `query` (see full-query.ts). */
  async fullAnswer(query: string, { after, from, expectedTopHit }: { after: number; from: number; expectedTopHit?: string }): Promise<Snapshot> {
    const answer = (snapshot: Snapshot) => firstFullAnswer([snapshot], query, this.ui.answeredQuery, { after, expectedTopHit });
    try {
      return await this.waitFor((snapshot) => answer(snapshot) !== undefined, from, `the answer to "${query}"`);
    } catch (error) {
      const snapshots = await this.page.evaluate(() => window.__benchRecorder.snapshots);
      const reasons = snapshots.slice(from).map((snapshot) => {
        const verdict = judge(snapshot, query, this.ui.answeredQuery, expectedTopHit);
        return verdict.full ? 'full answer, before the last key' : verdict.reason;
      });
      throw new Error(`${(error as Error).message}\nRejected snapshots: ${reasons.join('; ') || 'none'}`);
    }
  }

  /** Waits for the interface to answer exactly `text` (with or without results), as a reader who waits after each key would see. */
  answerTo(text: string, from: number): Promise<Snapshot> {
    return this.waitFor((snapshot) => sameQuery(this.ui.answeredQuery(snapshot) ?? '', text), from, `an answer to "${text}"`);
  }

  /** A snapshot's time as milliseconds since the epoch, comparable with `Served.at`. */
  epochOf(snapshot: Snapshot): number {
    return this.pageOrigin + snapshot.at;
  }

  /** Waits until no request of the page or its workers has been open or changed for `quietMs`. */
  async networkQuiet(quietMs = 500): Promise<void> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const quietFor = epochNow() - this.lastRequestChange;
      if (this.inFlight <= 0 && quietFor >= quietMs) return;
      if (Date.now() >= deadline) throw new Error(`${this.ui.name}: the network did not go quiet within ${ANSWER_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, this.inFlight > 0 ? 50 : quietMs - quietFor));
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** What one first-search visit measured. */
export interface FirstSearchVisit {
  /** Every file sent for the page before any interaction. */
  page: { bytes: number; files: Served[] };
  /** Milliseconds from the last keydown to the first result of the whole query on screen. */
  msFromLastKey: number;
  /** Milliseconds from the first keydown to the last: how long typing took. */
  typingMs: number;
  /** Bytes sent from the first interaction until that result was on screen. */
  bytesToResult: number;
  /** Bytes sent from the first interaction until the network went quiet after it. */
  bytesSettled: number;
  files: Served[];
  /** Last key → answer of each warm search, when asked for. */
  warmMs: number[];
}

/**
 * A cold visit: loads `url`, opens search, types `query` at `keyDelayMs` a
 * key, and times the first result of the whole query. With `warmQueries`, it
 * then types each of them over the last (select all, type at full speed)
 * twice, and times the second round, when every index chunk is loaded.
 */
export async function firstSearchVisit(
  browser: Browser,
  options: {
    ui: SearchUi;
    url: string;
    served: Served[];
    profile: Profile;
    query: string;
    keyDelayMs: number;
    expectedTopHit?: string;
    warmQueries?: readonly string[];
  },
): Promise<FirstSearchVisit> {
  const visit = await Visit.open(browser, options);
  try {
    const loaded = await visit.load(options.url);
    const beforeSearch = visit.served.length;
    await visit.openSearch();
    const from = await visit.snapshotCount();
    const keys = await visit.type(options.query, options.keyDelayMs);
    const answer = await visit.fullAnswer(options.query, { after: keys.last, from, expectedTopHit: options.expectedTopHit });
    const answeredAt = visit.epochOf(answer);
    const bytesToResult = sum(visit.served.slice(beforeSearch).filter((file) => file.at <= answeredAt));
    await visit.networkQuiet();
    const files = visit.served.slice(beforeSearch);
    const warmMs: number[] = [];
    for (const round of [0, 1]) {
      for (const query of options.warmQueries ?? []) {
        await visit.selectAll();
        const start = await visit.snapshotCount();
        const { last } = await visit.type(query, 0);
        const warm = await visit.fullAnswer(query, { after: last, from: start });
        if (round === 1) warmMs.push(warm.at - last);
      }
    }
    return {
      page: { bytes: sum(loaded), files: loaded },
      msFromLastKey: answer.at - keys.last,
      typingMs: keys.last - keys.first,
      bytesToResult,
      bytesSettled: sum(files),
      files,
      warmMs,
    };
  } finally {
    await visit.close();
  }
}

/** What the full-query check saw for one site and query. */
export interface FullQueryCheck {
  query: string;
  prefix: string;
  /** Why the prefix's results were not taken for the query's. */
  rejectedBecause: string;
  /** Whether the prefix's top result already linked to the query's expected hit, so that its URL alone could not tell them apart. */
  prefixHadTopHit: boolean;
  /** The full query's top result, as accepted. */
  acceptedTopLinks: string[];
}

/**
 * Proves on the live page that the full-query judgement holds: types all of
 * `query` but its last character, waits until the interface answers that
 * prefix with results, requires the judgement to reject them, then types the
 * last character and requires it to accept the answer. Throws otherwise: a
 * side-by-side whose detection takes a prefix's hits would measure nothing.
 */
export async function checkFullQuery(
  browser: Browser,
  options: { ui: SearchUi; url: string; served: Served[]; query: string; expectedTopHit: string },
): Promise<FullQueryCheck> {
  const { ui, query, expectedTopHit } = options;
  const prefix = query.slice(0, -1);
  const visit = await Visit.open(browser, { ...options, profile: 'desktop' });
  try {
    await visit.load(options.url);
    await visit.openSearch();
    const from = await visit.snapshotCount();
    await visit.type(prefix, 0);
    const prefixAnswer = await visit.waitFor(
      (snapshot) => snapshot.topLinks.length > 0 && sameQuery(ui.answeredQuery(snapshot) ?? '', prefix),
      from,
      `results for the prefix "${prefix}"`,
    );
    const verdict = judge(prefixAnswer, query, ui.answeredQuery, expectedTopHit);
    if (verdict.full) {
      throw new Error(`${ui.name}: the results of "${prefix}" were taken for the answer to "${query}" (${prefixAnswer.topLinks.join(', ')}); fix answeredQuery in scripts/bench/sites.ts`);
    }
    const next = await visit.snapshotCount();
    const { last } = await visit.type(query.slice(-1), 0);
    const accepted = await visit.fullAnswer(query, { after: last, from: next, expectedTopHit });
    return {
      query,
      prefix,
      rejectedBecause: verdict.reason,
      prefixHadTopHit: judge(prefixAnswer, prefix, ui.answeredQuery, expectedTopHit).full,
      acceptedTopLinks: accepted.topLinks,
    };
  } finally {
    await visit.close();
  }
}
