// The measuring parts of the benchmark: a timed build, a release page and a
// search in Chromium, and Lighthouse. Each returns plain figures.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Browser, Page } from 'playwright-core';
import { isSearchableQuery, normalizeQuery } from '../../src/lib/search-query.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/support/browser.ts';
import { watchExecutedScripts } from '../../tests/support/executed-scripts.ts';

const ASTRO = 'node_modules/astro/bin/astro.mjs';
const PAGE_SIZE = 4096;

export interface BuildFigures {
  seconds: number;
  peakMemoryBytes: number;
  distBytes: number;
  pagefindBytes: number;
  pages: number;
}

function folderBytes(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Resident memory of a process and all its descendants (Pagefind runs as a child), from /proc. */
function treeResidentBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The parent pid is the 4th field, after the command name in parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      // Ended.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `astro build` (Pagefind included) as a new process and measures it. */
export function timedBuild(options: { contentDir: string; outDir: string; cacheDir: string; env?: Record<string, string> }): Promise<BuildFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [ASTRO, 'build', '--force', '--outDir', options.outDir], {
      env: {
        ...process.env,
        XEN_CONTENT_DIR: options.contentDir,
        XEN_CACHE_DIR: options.cacheDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peakMemoryBytes = 0;
    const sampler = setInterval(() => {
      if (child.pid) peakMemoryBytes = Math.max(peakMemoryBytes, treeResidentBytes(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`astro build of ${options.contentDir} failed (exit ${code}):\n${output.slice(-4000)}`));
        return;
      }
      const pages = readdirSync(options.outDir, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile() && entry.name.endsWith('.html'),
      ).length;
      resolve({
        seconds,
        peakMemoryBytes,
        distBytes: folderBytes(options.outDir),
        pagefindBytes: folderBytes(join(options.outDir, 'pagefind')),
        pages,
      });
    });
  });
}

/** Several builds of one corpus: the median build's figures, with the range of their times. */
export interface BuildSeries extends BuildFigures {
  runs: number;
  secondsRange: [number, number];
}

/**
 * Build times on this machine vary by about ±15% between identical runs, more
 * while anything else runs, so a budget is judged on the median of several
 * builds. Each starts from scratch in folders of its own (emptying an old
 * `dist/` would be counted otherwise); the last one's output is kept in `outDir`.
 */
export async function timedBuilds(options: Parameters<typeof timedBuild>[0] & { runs: number }): Promise<BuildSeries> {
  const results: BuildFigures[] = [];
  for (let run = 0; run < options.runs; run++) {
    const last = run === options.runs - 1;
    const outDir = last ? options.outDir : `${options.outDir}-${run}`;
    results.push(await timedBuild({ ...options, outDir, cacheDir: `${options.cacheDir}-${run}` }));
    if (!last) rmSync(outDir, { recursive: true, force: true });
  }
  const { median, range } = medianRun(results, (result) => result.seconds);
  return { ...median, runs: options.runs, secondsRange: range };
}

/** The run with the median `value` (the upper one of an even count), and the lowest and highest value. */
function medianRun<T>(results: T[], value: (result: T) => number): { median: T; range: [number, number] } {
  const sorted = [...results].sort((left, right) => value(left) - value(right));
  const [median, lowest, highest] = [sorted[Math.floor(sorted.length / 2)], sorted[0], sorted.at(-1)];
  if (median === undefined || lowest === undefined || highest === undefined) throw new Error('a series needs at least one run');
  return { median, range: [value(lowest), value(highest)] };
}

/** A file the benchmark's server sent. */
export interface Transfer {
  path: string;
  contentType: string;
  /** Body bytes as sent, after the server's gzip. */
  bytes: number;
}

function kindOf(transfer: Transfer): 'html' | 'css' | 'js' | 'other' {
  if (transfer.contentType.includes('html')) return 'html';
  if (transfer.contentType.includes('css')) return 'css';
  if (transfer.contentType.includes('javascript')) return 'js';
  return 'other';
}

function sum(transfers: readonly Transfer[]): number {
  return transfers.reduce((total, transfer) => total + transfer.bytes, 0);
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Sets the header search box to `query` as one keystroke and resolves with
 * the milliseconds until the first result is on screen, measured in the page.
 */
function searchInPage(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        const list = document.querySelector<HTMLElement>('#site-search-results')!;
        const started = performance.now();
        const timeout = setTimeout(() => reject(new Error(`no result for "${text}" within 10 s`)), 10_000);
        const observer = new MutationObserver(() => {
          if (!list.querySelector('[data-search-result]')) return;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - started);
        });
        observer.observe(list, { childList: true, subtree: true });
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.slice(-1) }));
      }),
    query,
  );
}

/**
 * Lighthouse's mobile network ("Slow 4G", `mobileSlow4G` in its constants) as
 * DevTools applies it: requestLatencyMs 562.5, downloadThroughputKbps 1474.56,
 * uploadThroughputKbps 675. CDP takes throughput in bytes a second.
 */
export const PHONE_NETWORK = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

/** What a first search fetched, and how long its last keystroke waited for a result. */
export interface FirstSearch {
  bytes: number;
  files: Transfer[];
  msFromLastKeystroke: number;
}

export interface PageFigures {
  /** Before any interaction: what the release page transferred, by kind. */
  beforeInteraction: { htmlBytes: number; cssBytes: number; jsBytes: number; totalBytes: number; files: Transfer[] };
  /** Scripts that ran before any interaction, with their length in characters. */
  executedBeforeInteraction: { url: string; length: number; inline: boolean }[];
  /** On the local network, every keystroke answered before the next: the most a first search fetches. */
  firstSearch: FirstSearch;
  /** On PHONE_NETWORK, typed at the benchmark's pace. */
  firstSearchOnPhone: FirstSearch;
  warmSearch: { medianMs: number; p95Ms: number; samples: number[] };
  /** Files of Pagefind's prebuilt interfaces fetched at any point: the site uses none. */
  unusedUiFiles: string[];
}

/**
 * Types all of `query` but its last character into the header search box,
 * one key at a time, each time waiting until the results answer what is typed
 * so far (a query too short to search gets no answer). That is what a reader
 * who types slower than the machine answers sees, and it fetches the hits of
 * every keystroke: the most a first search can cost.
 */
async function typeEachAnswered(page: Page, query: string): Promise<void> {
  for (let typed = 1; typed < query.length; typed++) {
    await page.keyboard.type(query.charAt(typed - 1));
    const words = normalizeQuery(query.slice(0, typed));
    if (!isSearchableQuery(words)) continue;
    await page.waitForFunction((quoted) => document.querySelector('#site-search-status')?.textContent?.includes(quoted), `“${words}”`);
  }
}

/**
 * A first search from a fresh context on PHONE_NETWORK: focus, then `query`
 * typed at `keyDelayMs` a key. Everything the server sent from the focus until
 * the first result is on screen counts.
 */
async function firstSearchOnPhone(
  browser: Browser,
  url: string,
  served: readonly Transfer[],
  { query, keyDelayMs }: { query: string; keyDelayMs: number },
): Promise<FirstSearch> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const network = await context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, ...PHONE_NETWORK });
    await page.goto(url, { waitUntil: 'networkidle' });
    const start = served.length;
    await page.focus('#site-search');
    await page.keyboard.type(query.slice(0, -1), { delay: keyDelayMs });
    await page.waitForTimeout(keyDelayMs);
    const msFromLastKeystroke = await searchInPage(page, query);
    const files = served.slice(start);
    return { bytes: sum(files), files, msFromLastKeystroke };
  } finally {
    await context.close();
  }
}

/**
 * Runs a first search on a phone's network in a context of its own, then
 * opens the release page in a fresh context, measures it before any
 * interaction, and runs a first search with every keystroke answered and ten
 * warm searches. `served` is the log the site's server appends every file it
 * sends to, workers' requests included.
 */
export async function measureReleasePage(
  browser: Browser,
  url: string,
  served: readonly Transfer[],
  { firstQuery, warmQueries, keyDelayMs }: { firstQuery: string; warmQueries: string[]; keyDelayMs: number },
): Promise<PageFigures> {
  const since = (start: number) => served.slice(start);
  const beforeAll = served.length;
  const onPhone = await firstSearchOnPhone(browser, url, served, { query: firstQuery, keyDelayMs });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const executed = await watchExecutedScripts(page);
    const beforeLoad = served.length;
    await page.goto(url, { waitUntil: 'networkidle' });
    const loaded = since(beforeLoad);
    const beforeScripts = await executed();

    const afterLoad = served.length;
    await page.focus('#site-search');
    await typeEachAnswered(page, firstQuery);
    const msFromLastKeystroke = await searchInPage(page, firstQuery);
    const searchFiles = since(afterLoad);

    // Each query once to load its index chunks, then timed.
    for (const query of warmQueries) await searchInPage(page, query);
    const samples: number[] = [];
    for (const query of warmQueries) samples.push(await searchInPage(page, query));

    const byKind = (kind: ReturnType<typeof kindOf>) => sum(loaded.filter((transfer) => kindOf(transfer) === kind));
    const htmlBytes = byKind('html');
    const cssBytes = byKind('css');
    const jsBytes = byKind('js');
    return {
      beforeInteraction: { htmlBytes, cssBytes, jsBytes, totalBytes: htmlBytes + cssBytes + jsBytes, files: loaded },
      executedBeforeInteraction: beforeScripts.map((script) => ({ ...script, inline: script.url === url })),
      firstSearch: { bytes: sum(searchFiles), files: searchFiles, msFromLastKeystroke },
      firstSearchOnPhone: onPhone,
      warmSearch: { medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), samples },
      unusedUiFiles: since(beforeAll)
        .map((transfer) => transfer.path)
        .filter((path) => /pagefind-(ui|component-ui|modular-ui)/.test(path)),
    };
  } finally {
    await context.close();
  }
}

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cumulativeLayoutShift: number;
  /** Milliseconds, as Lighthouse simulates them for the form factor. */
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  speedIndexMs: number;
  /** Audits that scored below 1, for finding what costs points. */
  failingAudits: string[];
}

/**
 * Lighthouse's scores vary from run to run (its own guidance is to take the
 * median of several): the run with the median performance score, the range of
 * that score, and the largest layout shift any run saw.
 */
export interface LighthouseSeries {
  median: LighthouseFigures;
  runs: number;
  performanceRange: [number, number];
  worstCumulativeLayoutShift: number;
}

export async function runLighthouseSeries(url: string, formFactor: 'mobile' | 'desktop', runs: number): Promise<LighthouseSeries> {
  const results: LighthouseFigures[] = [];
  for (let run = 0; run < runs; run++) results.push(await runLighthouse(url, formFactor));
  const { median, range } = medianRun(results, (result) => result.performance);
  return {
    median,
    runs,
    performanceRange: range,
    worstCumulativeLayoutShift: Math.max(...results.map((result) => result.cumulativeLayoutShift)),
  };
}

/** One Lighthouse run of `url` in Debian's Chromium, as a phone or a desktop. */
export async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runtimeError.message}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      cumulativeLayoutShift: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      firstContentfulPaintMs: audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      largestContentfulPaintMs: audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      totalBlockingTimeMs: audits['total-blocking-time']?.numericValue ?? Number.NaN,
      speedIndexMs: audits['speed-index']?.numericValue ?? Number.NaN,
      failingAudits: Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`),
    };
  } finally {
    chrome.kill();
  }
}
