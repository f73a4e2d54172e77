// The measuring parts of the benchmark: a timed build, this site's release
// page and search in Chromium (through visit.ts), and Lighthouse. Each
// returns plain figures.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Browser } from 'playwright-core';
import { isSearchableQuery, normalizeQuery } from '../../src/lib/search-query.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/support/browser.ts';
import { watchExecutedScripts } from '../../tests/support/executed-scripts.ts';
import { THIS_SITE } from './sites.ts';
import { medianRun, percentile } from './stats.ts';
import { firstSearchVisit, sum, Visit, type Served, type Transfer } from './visit.ts';

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

function kindOf(transfer: Transfer): 'html' | 'css' | 'js' | 'other' {
  if (transfer.contentType.includes('html')) return 'html';
  if (transfer.contentType.includes('css')) return 'css';
  if (transfer.contentType.includes('javascript')) return 'js';
  return 'other';
}

/** What a first search fetched, and how long its last keystroke waited for the first result of the whole query. */
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
  /** Unthrottled, every keystroke answered before the next (the hits of every prefix), until the first result of the whole query. */
  firstSearch: FirstSearch;
  /** On the phone profile (visit.ts), typed at the benchmark's pace, until the first result. */
  firstSearchOnPhone: FirstSearch;
  /** Each query set with one input event, until its results are on screen. */
  warmSearch: { medianMs: number; p95Ms: number; samples: number[] };
  /** Files of Pagefind's prebuilt interfaces fetched at any point: the site uses none. */
  unusedUiFiles: string[];
}

/**
 * Measures this site's release page: a first search on the phone profile
 * in a context of its own; then, in a fresh desktop context, the page before
 * any interaction, a first search typed one key at a time with each
 * keystroke's results awaited (what a reader slower than the machine makes
 * it fetch: the hits of every prefix), and ten warm searches. `served` is the
 * log of the site's server (serveBuild in visit.ts), workers' requests included.
 */
export async function measureReleasePage(
  browser: Browser,
  url: string,
  served: Served[],
  { firstQuery, expectedTopHit, warmQueries, keyDelayMs }: { firstQuery: string; expectedTopHit?: string; warmQueries: string[]; keyDelayMs: number },
): Promise<PageFigures> {
  const beforeAll = served.length;
  const onPhone = await firstSearchVisit(browser, { ui: THIS_SITE, url, served, profile: 'phone', query: firstQuery, keyDelayMs, expectedTopHit });
  const visit = await Visit.open(browser, { ui: THIS_SITE, served, profile: 'desktop' });
  try {
    const executed = await watchExecutedScripts(visit.page);
    const loaded = await visit.load(url);
    const beforeScripts = await executed();

    const afterLoad = served.length;
    await visit.openSearch();
    let from = await visit.snapshotCount();
    let typed = '';
    let answered = '';
    for (const character of firstQuery.slice(0, -1)) {
      typed += character;
      await visit.type(character, 0);
      const words = normalizeQuery(typed);
      // A trailing space searches the same words again: nothing new shows.
      if (isSearchableQuery(words) && words !== answered) {
        await visit.answerTo(words, from);
        answered = words;
      }
      from = await visit.snapshotCount();
    }
    const { last: lastKey } = await visit.type(firstQuery.slice(-1), 0);
    const answer = await visit.fullAnswer(firstQuery, { after: lastKey, from, expectedTopHit });
    const searchFiles = served.slice(afterLoad).filter((file) => file.at <= visit.epochOf(answer));

    // Each query once to load its index chunks, then timed. Emptying the box
    // first makes every answer a change, even a query's own again.
    const samples: number[] = [];
    for (const round of [0, 1]) {
      for (const query of warmQueries) {
        const cleared = await visit.snapshotCount();
        await visit.inputEvent('');
        await visit.waitFor((snapshot) => snapshot.topLinks.length === 0, cleared, 'an empty result list');
        const start = await visit.snapshotCount();
        const sent = await visit.inputEvent(query);
        const result = await visit.fullAnswer(query, { after: sent, from: start });
        if (round === 1) samples.push(result.at - sent);
        // The first round's answer may come before every index chunk it needs (a site
        // can answer from what it already has): the chunks are in once the network is quiet.
        else await visit.networkQuiet();
      }
    }

    const byKind = (kind: ReturnType<typeof kindOf>) => sum(loaded.filter((transfer) => kindOf(transfer) === kind));
    const htmlBytes = byKind('html');
    const cssBytes = byKind('css');
    const jsBytes = byKind('js');
    return {
      beforeInteraction: { htmlBytes, cssBytes, jsBytes, totalBytes: htmlBytes + cssBytes + jsBytes, files: loaded },
      executedBeforeInteraction: beforeScripts.map((script) => ({ ...script, inline: script.url === url })),
      firstSearch: { bytes: sum(searchFiles), files: searchFiles, msFromLastKeystroke: answer.at - lastKey },
      firstSearchOnPhone: { bytes: onPhone.bytesToResult, files: onPhone.files, msFromLastKeystroke: onPhone.msFromLastKey },
      warmSearch: { medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), samples },
      unusedUiFiles: served
        .slice(beforeAll)
        .map((transfer) => transfer.path)
        .filter((path) => /pagefind-(ui|component-ui|modular-ui)/.test(path)),
    };
  } finally {
    await visit.close();
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
