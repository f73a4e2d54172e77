// npm run bench: how the site holds up as notes accumulate, and against its
// peer. Builds the real site and synthetic corpora of 100, 1,000 and 10,000
// notes (BENCH_SIZES to change; BENCH_SIZES=real for the real site and the
// side-by-side alone), measures each build, every page's size, a release page
// and search in Chromium, and Lighthouse; builds the peer (Starlight, see
// peer.ts) when its folder is there and measures both side by side
// (side-by-side.ts). Prints every figure beside its budget and writes them to
// docs/benchmarks.json and docs/benchmarks.md. Exits 1 when a budget is missed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { launchChromium } from '../../tests/support/browser.ts';
import { startStaticServer } from '../static-server.mjs';
import { NOTES_PER_RELEASE, syntheticCorpus, syntheticReleaseId, uniqueTerm } from './corpus.ts';
import { measureReleasePage, runLighthouseSeries, timedBuilds, type BuildSeries, type LighthouseSeries, type PageFigures } from './measure.ts';
import { htmlPageSizes, pageSizeSummary, type PageSizeSummary } from './page-sizes.ts';
import { buildPeer, PEER_SOURCE } from './peer.ts';
import { BYTES_CONDITION, comparisonRows, KEY_DELAY_MS, RATIO_BUDGETS, runSideBySide, type ComparisonRow, type SideBySide } from './side-by-side.ts';
import { SIDE_BY_SIDE_WARM_QUERIES, STARLIGHT, THIS_SITE } from './sites.ts';
import { PHONE, serveBuild, type FirstSearchVisit } from './visit.ts';

const started = performance.now();
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000')
  .split(',')
  .map((size) => size.trim())
  .filter((size) => size !== '' && size !== 'real')
  .map((size) => {
    const notes = Number(size);
    if (!Number.isInteger(notes) || notes < 1) throw new Error(`BENCH_SIZES: "${size}" is not a number of notes; expected e.g. 100,1000 or real`);
    return notes;
  });
/** Builds per corpus and processor; the median is reported. */
const BUILD_RUNS = Number(process.env.BENCH_BUILD_RUNS ?? 3);
/** Lighthouse runs per page and form factor; the median is reported. */
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);
/** Visits per site and condition in the side-by-side; the median is reported. */
const VISITS = Number(process.env.BENCH_VISITS ?? 5);
const REAL_QUERIES = ['live patching', 'COLO', 'PSCI', 'credit2', 'XSA-178', 'vGIC', 'PVUSB', 'CDP', 'RTDS', 'KCONFIG'];

const BUDGET = {
  pageBytes: 26_000,
  bootScriptLength: 1024,
  firstSearchBytesReal: 100_000,
  firstSearchBytesSynthetic: 160_000,
  firstResultMsReal: 150,
  warmP95Ms: 5,
  buildSecondsAt10000: 30,
  lighthouseScore: 100,
  /** Every HTML page of every build, gzip: no page may list the whole corpus. */
  htmlPageGzipBytes: 100_000,
};

interface Run {
  name: string;
  notes: number;
  releasePage: string;
  build: BuildSeries;
  satteriBuild?: BuildSeries;
  page: PageFigures;
  lighthouse: { mobile: LighthouseSeries; desktop: LighthouseSeries };
  /** HTML bytes (uncompressed) of the first release's page; the same at every size if pages do not list the site. */
  firstReleaseHtmlBytes: number;
  pageSizes: PageSizeSummary;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function writeCorpus(folder: string, noteCount: number): void {
  for (const file of syntheticCorpus(noteCount)) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
}

async function measureSite(options: {
  name: string;
  notes: number;
  contentDir: string;
  workDir: string;
  releasePath: string;
  firstReleasePath: string;
  firstQuery: string;
  expectedTopHit?: string;
  warmQueries: string[];
  withSatteri: boolean;
}): Promise<Run> {
  const port = await freePort();
  const outDir = join(options.workDir, 'dist');
  const build = await timedBuilds({
    contentDir: options.contentDir,
    outDir,
    cacheDir: join(options.workDir, 'cache'),
    env: { SITE_URL: `http://127.0.0.1:${port}` },
    runs: BUILD_RUNS,
  });
  console.log(`  built ${options.name} in ${buildText(build)}`);
  let satteriBuild: BuildSeries | undefined;
  if (options.withSatteri) {
    satteriBuild = await timedBuilds({
      contentDir: options.contentDir,
      outDir: join(options.workDir, 'dist-satteri'),
      cacheDir: join(options.workDir, 'cache-satteri'),
      env: { SITE_URL: `http://127.0.0.1:${port}`, XEN_MARKDOWN_PROCESSOR: 'satteri' },
      runs: BUILD_RUNS,
    });
    console.log(`  built ${options.name} with Sätteri in ${buildText(satteriBuild)}`);
  }
  const pageSizes = pageSizeSummary(htmlPageSizes(outDir), BUDGET.htmlPageGzipBytes);
  const server = await serveBuild(outDir, port);
  try {
    const url = `${server.url}${options.releasePath.replace(/^\//, '')}`;
    const browser = await launchChromium();
    let page: PageFigures;
    try {
      page = await measureReleasePage(browser, url, server.served, {
        firstQuery: options.firstQuery,
        expectedTopHit: options.expectedTopHit,
        warmQueries: options.warmQueries,
        keyDelayMs: KEY_DELAY_MS,
      });
    } finally {
      // Lighthouse starts its own Chromium; this one would only compete for the two cores.
      await browser.close();
    }
    const lighthouse = {
      mobile: await runLighthouseSeries(url, 'mobile', LIGHTHOUSE_RUNS),
      desktop: await runLighthouseSeries(url, 'desktop', LIGHTHOUSE_RUNS),
    };
    const firstReleaseHtmlBytes = readFileSync(join(outDir, options.firstReleasePath, 'index.html')).length;
    return { name: options.name, notes: options.notes, releasePage: options.releasePath, build, satteriBuild, page, lighthouse, firstReleaseHtmlBytes, pageSizes };
  } finally {
    await server.close();
  }
}

/**
 * Lighthouse on a page with one paragraph and nothing else, served the same
 * way: what this machine's Chromium scores when the page costs nothing, the
 * floor against which the release pages' mobile scores are read.
 */
async function measureLighthouseFloor(workDir: string): Promise<LighthouseSeries> {
  mkdirSync(workDir, { recursive: true });
  writeFileSync(
    join(workDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>One paragraph</title><meta name="description" content="A page with one paragraph."><link rel="icon" href="data:,"></head>' +
      '<body><main><p>Xen Project release notes.</p></main></body></html>\n',
  );
  const server = await startStaticServer({ root: workDir });
  try {
    return await runLighthouseSeries(server.url, 'mobile', LIGHTHOUSE_RUNS);
  } finally {
    await server.close();
  }
}

/** The median build time, with the range of all builds when there are several. */
const buildText = ({ seconds, secondsRange: [fastest, slowest], runs }: BuildSeries) =>
  `${seconds.toFixed(1)} s${runs > 1 ? ` (${fastest.toFixed(1)}–${slowest.toFixed(1)})` : ''}`;
/** A range of scores, as one number when every run gave the same. */
const rangeText = ([lowest, highest]: [number, number]) => (lowest === highest ? String(lowest) : `${lowest}–${highest}`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mark = (ok: boolean) => (ok ? '✓' : '✗ over budget');
const largestPageText = ({ largest: [page], over }: PageSizeSummary) =>
  page ? `${kB(page.gzipBytes)} ${page.path}${over.length > 0 ? ` (${over.length} at or over the budget)` : ''}` : 'no page';

interface Row {
  figure: string;
  values: string[];
  budget: string;
  met: boolean | undefined;
}

function rows(runs: Run[]): Row[] {
  const real = runs.find((run) => run.name === 'real site');
  const synthetic = runs.filter((run) => run !== real);
  const at = (notes: number) => synthetic.find((run) => run.notes === notes);
  const perThousand = (run: Run) => (run.build.seconds / run.notes) * 1000;
  const lighthouseOk = (series: LighthouseSeries) =>
    [series.median.performance, series.median.accessibility, series.median.bestPractices, series.median.seo].every((score) => score >= BUDGET.lighthouseScore) &&
    series.worstCumulativeLayoutShift === 0;
  const onlyBoot = (run: Run) =>
    run.page.executedBeforeInteraction.every((script) => script.inline && script.length < BUDGET.bootScriptLength);
  const thousand = at(1000);
  const tenThousand = at(10_000);
  const sameFirstPage = new Set(synthetic.map((run) => run.firstReleaseHtmlBytes)).size === 1;
  return [
    { figure: 'notes', values: runs.map((run) => String(run.notes)), budget: '', met: undefined },
    { figure: 'pages built', values: runs.map((run) => String(run.build.pages)), budget: '', met: undefined },
    { figure: `build, whole process: median of ${BUILD_RUNS} builds (range)`, values: runs.map((run) => buildText(run.build)), budget: `< ${BUDGET.buildSecondsAt10000} s at 10,000 notes`, met: tenThousand ? tenThousand.build.seconds < BUDGET.buildSecondsAt10000 : undefined },
    { figure: 'build per 1,000 notes', values: runs.map((run) => `${perThousand(run).toFixed(2)} s`), budget: 'no more at 10,000 than at 1,000', met: thousand && tenThousand ? perThousand(tenThousand) <= perThousand(thousand) : undefined },
    { figure: 'build with Sätteri instead of unified + remark-gfm', values: runs.map((run) => (run.satteriBuild ? buildText(run.satteriBuild) : '')), budget: '(for comparison)', met: undefined },
    { figure: 'peak memory of the build', values: runs.map((run) => MB(run.build.peakMemoryBytes)), budget: '', met: undefined },
    { figure: '`dist/`', values: runs.map((run) => MB(run.build.distBytes)), budget: '', met: undefined },
    { figure: 'Pagefind index', values: runs.map((run) => MB(run.build.pagefindBytes)), budget: '', met: undefined },
    { figure: 'release page before interaction (gzip): HTML + CSS + JS', values: runs.map((run) => `${kB(run.page.beforeInteraction.totalBytes)} (${kB(run.page.beforeInteraction.htmlBytes)} + ${kB(run.page.beforeInteraction.cssBytes)} + ${kB(run.page.beforeInteraction.jsBytes)})`), budget: `≤ ${kB(BUDGET.pageBytes)}`, met: runs.every((run) => run.page.beforeInteraction.totalBytes <= BUDGET.pageBytes) },
    { figure: 'JavaScript run before interaction', values: runs.map((run) => run.page.executedBeforeInteraction.map((script) => `${script.inline ? 'inline' : script.url} ${script.length} B`).join(', ') || 'none'), budget: `inline boot script only, < ${BUDGET.bootScriptLength} B`, met: runs.every(onlyBoot) },
    { figure: 'first release page HTML (same release at every size)', values: runs.map((run) => (run === real ? '' : kB(run.firstReleaseHtmlBytes))), budget: 'equal at every size', met: synthetic.length > 1 ? sameFirstPage : undefined },
    { figure: 'largest HTML page of the build (gzip)', values: runs.map((run) => largestPageText(run.pageSizes)), budget: `< ${kB(BUDGET.htmlPageGzipBytes)}, every page`, met: runs.every((run) => run.pageSizes.over.length === 0) },
    { figure: 'first search on the phone profile: bytes until the first result (gzip)', values: runs.map((run) => kB(run.page.firstSearchOnPhone.bytes)), budget: `≤ ${kB(BUDGET.firstSearchBytesReal)} real, ≤ ${kB(BUDGET.firstSearchBytesSynthetic)} at 10,000`, met: (!real || real.page.firstSearchOnPhone.bytes <= BUDGET.firstSearchBytesReal) && synthetic.every((run) => run.page.firstSearchOnPhone.bytes <= BUDGET.firstSearchBytesSynthetic) },
    { figure: 'first search on the phone profile: last keystroke → first result', values: runs.map((run) => ms(run.page.firstSearchOnPhone.msFromLastKeystroke)), budget: '', met: undefined },
    { figure: 'first search, every keystroke answered: bytes fetched (gzip)', values: runs.map((run) => kB(run.page.firstSearch.bytes)), budget: '(for comparison)', met: undefined },
    { figure: "Pagefind's prebuilt UI files fetched", values: runs.map((run) => String(run.page.unusedUiFiles.length)), budget: '0', met: runs.every((run) => run.page.unusedUiFiles.length === 0) },
    { figure: 'first search: last keystroke → first result', values: runs.map((run) => ms(run.page.firstSearch.msFromLastKeystroke)), budget: `< ${BUDGET.firstResultMsReal} ms on the real site`, met: real ? real.page.firstSearch.msFromLastKeystroke < BUDGET.firstResultMsReal : undefined },
    { figure: 'warm search, median / p95 (10 searches)', values: runs.map((run) => `${ms(run.page.warmSearch.medianMs)} / ${ms(run.page.warmSearch.p95Ms)}`), budget: `p95 < ${BUDGET.warmP95Ms} ms`, met: runs.every((run) => run.page.warmSearch.p95Ms < BUDGET.warmP95Ms) },
    { figure: `Lighthouse mobile: perf/a11y/best/SEO, median of ${LIGHTHOUSE_RUNS} runs (perf range)`, values: runs.map((run) => lighthouseText(run.lighthouse.mobile)), budget: '100 each, CLS 0 in every run', met: runs.every((run) => lighthouseOk(run.lighthouse.mobile)) },
    { figure: `Lighthouse desktop: perf/a11y/best/SEO, median of ${LIGHTHOUSE_RUNS} runs (perf range)`, values: runs.map((run) => lighthouseText(run.lighthouse.desktop)), budget: '100 each, CLS 0 in every run', met: runs.every((run) => lighthouseOk(run.lighthouse.desktop)) },
  ];
}

function markdownTable(runs: Run[], table: Row[]): string {
  const header = `| figure | ${runs.map((run) => run.name).join(' | ')} | budget | met |`;
  const divider = `|${' --- |'.repeat(runs.length + 3)}`;
  const body = table.map(
    (row) => `| ${row.figure} | ${row.values.join(' | ')} | ${row.budget} | ${row.met === undefined ? '' : row.met ? 'yes' : '**no**'} |`,
  );
  return [header, divider, ...body].join('\n');
}

/** Lighthouse's four scores of a series, with the range of performance and the worst layout shift. */
const lighthouseText = ({ median, performanceRange, worstCumulativeLayoutShift }: LighthouseSeries) =>
  `${median.performance}/${median.accessibility}/${median.bestPractices}/${median.seo} (perf ${rangeText(performanceRange)}), CLS ${Number(worstCumulativeLayoutShift.toFixed(3))}`;

const printRows = (table: { figure: string; cells: string[]; budget: string; met: boolean | undefined }[]) => {
  const width = Math.max(...table.map((row) => row.figure.length));
  for (const row of table) {
    console.log(`${row.figure.padEnd(width)}  ${row.cells.join('  |  ')}${row.budget ? `   [${row.budget}] ${row.met === undefined ? '' : mark(row.met)}` : ''}`);
  }
};
const metCell = (met: boolean | undefined) => (met === undefined ? '' : met ? 'yes' : '**no**');

function comparisonTable(table: ComparisonRow[]): string {
  return [
    '| figure | this site | Starlight | ratio | budget | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...table.map((row) => `| ${row.figure} | ${row.ours} | ${row.peer} | ${row.ratio} | ${row.budget} | ${metCell(row.met)} |`),
  ].join('\n');
}

/** What the full-query checks saw, in a sentence. */
function checkText({ checks }: SideBySide): string {
  const all = [...checks.ours, ...checks.peer];
  const prefixes = [...new Set(all.map((check) => `"${check.prefix}"`))];
  const sameHit = all.filter((check) => check.prefixHadTopHit).length;
  return `it was, for ${prefixes.slice(0, -1).join(', ')} and ${prefixes.at(-1)} on both sites, each time because the interface said its results answered the prefix; in ${sameHit} of these ${all.length} cases the prefix's first result already linked to the expected hit, so its URL alone could not have told them apart`;
}

/** "1 visit", "5 visits". */
const times = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** The side-by-side for the JSON file: every figure of every visit, and the files of the first visit the bytes come from. */
function jsonSideBySide(result: SideBySide) {
  const brief = ({ page, files: _files, ...figures }: FirstSearchVisit) => ({ pageBytes: page.bytes, ...figures });
  const bytes = result.results.find((entry) => entry.condition === BYTES_CONDITION);
  return {
    ...result,
    results: result.results.map(({ condition, ours, peer }) => ({ condition, ours: ours.map(brief), peer: peer.map(brief) })),
    filesOfFirstVisit: bytes && {
      ours: { page: bytes.ours[0]?.page.files, search: bytes.ours[0]?.files },
      peer: { page: bytes.peer[0]?.page.files, search: bytes.peer[0]?.files },
    },
  };
}

const workRoot = mkdtempSync(join(tmpdir(), 'xen-notes-bench-'));
const runs: Run[] = [];
let floor: LighthouseSeries;
let sideBySide: SideBySide | undefined;
let peerLighthouse: { mobile: LighthouseSeries; desktop: LighthouseSeries } | undefined;
try {
  console.log('one-paragraph page (Lighthouse floor)');
  floor = await measureLighthouseFloor(join(workRoot, 'floor'));
  console.log('real site');
  const realWorkDir = join(workRoot, 'real');
  runs.push(
    await measureSite({
      name: 'real site',
      notes: readdirSync('content/notes', { recursive: true }).filter((name) => /\.mdx?$/.test(String(name))).length,
      contentDir: 'content',
      workDir: realWorkDir,
      releasePath: THIS_SITE.releasePath,
      firstReleasePath: 'releases/4.7',
      firstQuery: 'live patching',
      expectedTopHit: THIS_SITE.topHit('live patching'),
      warmQueries: REAL_QUERIES,
      withSatteri: false,
    }),
  );

  console.log(`side by side with Starlight, built from ${PEER_SOURCE}`);
  const peer = await buildPeer();
  if (!peer) {
    console.log(`  ${PEER_SOURCE} is not there: no peer to compare with, so this run measures this site alone.`);
  } else {
    console.log(`  built the peer in ${peer.buildSeconds.toFixed(1)} s${peer.installed ? ', after installing its packages' : ''}`);
    const oursServer = await serveBuild(join(realWorkDir, 'dist'));
    const peerServer = await serveBuild(peer.dist);
    const pageUrl = (server: { url: string }, ui: typeof THIS_SITE) => `${server.url}${ui.releasePath.replace(/^\//, '')}`;
    try {
      const browser = await launchChromium();
      try {
        sideBySide = await runSideBySide(browser, {
          ours: { ui: THIS_SITE, url: pageUrl(oursServer, THIS_SITE), served: oursServer.served },
          peer: { ui: STARLIGHT, url: pageUrl(peerServer, STARLIGHT), served: peerServer.served },
          visits: VISITS,
          warmQueries: SIDE_BY_SIDE_WARM_QUERIES,
          log: (line) => console.log(line),
        });
      } finally {
        await browser.close();
      }
      peerLighthouse = {
        mobile: await runLighthouseSeries(pageUrl(peerServer, STARLIGHT), 'mobile', LIGHTHOUSE_RUNS),
        desktop: await runLighthouseSeries(pageUrl(peerServer, STARLIGHT), 'desktop', LIGHTHOUSE_RUNS),
      };
    } finally {
      await oursServer.close();
      await peerServer.close();
    }
  }

  for (const size of SIZES) {
    console.log(`${size} synthetic notes`);
    const contentDir = join(workRoot, `content-${size}`);
    writeCorpus(contentDir, size);
    runs.push(
      await measureSite({
        name: `${size.toLocaleString('en')} notes`,
        notes: size,
        contentDir,
        workDir: join(workRoot, `site-${size}`),
        releasePath: `/releases/${syntheticReleaseId(0)}/`,
        firstReleasePath: `releases/${syntheticReleaseId(0)}`,
        firstQuery: uniqueTerm(size - 1),
        // Terms of notes spread over the whole corpus, so every part of the index is used.
        warmQueries: Array.from({ length: 10 }, (_, index) => uniqueTerm(Math.floor(((index + 0.5) / 10) * size))),
        withSatteri: true,
      }),
    );
  }
} finally {
  rmSync(workRoot, { recursive: true, force: true });
}

const table = rows(runs);
console.log('');
printRows(table.map((row) => ({ ...row, cells: row.values })));

const largestBuild = runs.reduce((largest, run) => (run.notes > largest.notes ? run : largest));
const pagesOver = runs.flatMap((run) => run.pageSizes.over.map((page) => `${run.name}: ${page.path} ${kB(page.gzipBytes)}`));
// The largest build's table lists its own pages over the budget; smaller builds' are named after it.
const smallerPagesOver = runs
  .filter((run) => run !== largestBuild)
  .flatMap((run) => run.pageSizes.over.map((page) => `${page.path} ${kB(page.gzipBytes)} at ${run.name}`));
console.log(`\nLargest pages of the ${largestBuild.name} build (gzip): ${largestBuild.pageSizes.largest.map((page) => `${page.path} ${kB(page.gzipBytes)}`).join(', ')}`);
if (pagesOver.length > 0) console.log(`Pages at or over ${kB(BUDGET.htmlPageGzipBytes)} gzip:\n  ${pagesOver.join('\n  ')}`);

let comparison: ComparisonRow[] = [];
if (sideBySide && peerLighthouse) {
  const real = runs[0];
  comparison = [
    ...comparisonRows(sideBySide),
    ...(['mobile', 'desktop'] as const).map((formFactor) => ({
      figure: `Lighthouse ${formFactor}: perf/a11y/best/SEO, median of ${LIGHTHOUSE_RUNS} runs (perf range)`,
      ours: real ? lighthouseText(real.lighthouse[formFactor]) : '',
      peer: lighthouseText(peerLighthouse![formFactor]),
      ratio: '',
      budget: '',
      met: undefined,
    })),
  ];
  console.log(`\nThis site against Starlight (${times(sideBySide.visits, 'visit')} each, alternating; median (range), ratio of the medians):`);
  printRows(comparison.map((row) => ({ ...row, cells: [row.ours, row.peer, row.ratio].filter(Boolean) })));
}

const floorText = `a page with one paragraph and nothing else scores ${floor.median.performance} for mobile performance (runs ${rangeText(floor.performanceRange)}, total blocking time ${floor.median.totalBlockingTimeMs.toFixed(0)} ms in the median run)`;
console.log(`\nLighthouse floor on this machine: ${floorText}`);
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`;
const minutes = (performance.now() - started) / 60_000;
console.log(`The run took ${minutes.toFixed(0)} min.`);

mkdirSync('docs', { recursive: true });
writeFileSync(
  'docs/benchmarks.json',
  `${JSON.stringify({ machine, minutes, budget: BUDGET, ratioBudget: RATIO_BUDGETS, lighthouseFloor: floor, runs, sideBySide: sideBySide && jsonSideBySide(sideBySide), peerLighthouse }, null, 2)}\n`,
);

const sideBySideSection = sideBySide
  ? `## Side by side with Starlight

The same notes on stock Starlight (the peer; its folder is \`${PEER_SOURCE}\`, copied and built outside git) and on this site, served by the same static server with gzip and measured by the same code in the same run: ${times(sideBySide.visits, 'visit')} per site and condition, alternating between the sites, each in a fresh browser context. Each cell is the median of the visits with their range; the ratio is this site's median over the peer's, and ratio budgets are compared at the two decimals shown. "Phone" is Lighthouse's mobile throttling applied through DevTools (${PHONE.network.latency} ms added to every request, ${((PHONE.network.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down, ${(PHONE.network.uploadThroughput * 8) / 1024} kbit/s up, ${PHONE.cpuSlowdown}× CPU slowdown of the page's main thread) on a ${PHONE.screen.viewport.width} × ${PHONE.screen.viewport.height} touch screen; "unthrottled" is a desktop window on the local network. A visit loads the 4.7 page, waits for the network to go quiet, taps or clicks the search (the first interaction), types the query at once or at ${KEY_DELAY_MS} ms a key, and times from the last keydown to the first result of the full query on screen. A result counts only when the interface says it answers the whole query (this site: the \`highlight\` parameter of the result's link; Starlight: Pagefind's "N results for …" message) and its first result links to the query's expected hit (\`scripts/bench/sites.ts\`); before the visits, the bench types each query but its last letter on both sites and requires this to reject what is then shown: ${checkText(sideBySide)}. Bytes are those the server sent from the first interaction until that result was on screen, or until the network went quiet again. Starlight's interface searches ${STARLIGHT.searchDelayMs} ms after the last key, by its design; typed at full speed, a key takes as long as the browser needs to take it, so a long query's keys give a site time to load its search. Warm searches type ${sideBySide.warmQueries.length} queries over the last one in the same page (${sideBySide.warmQueries.join(', ')}), twice, and time the second round.

${comparisonTable(comparison)}
`
  : `## Side by side with Starlight

Not measured in this run: \`${PEER_SOURCE}\` was not there.
`;

writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks

Written by \`npm run bench\` on ${machine}, in ${minutes.toFixed(0)} minutes. Timings depend on what else the machine runs; the byte counts do not.

${sideBySideSection}
## At every size

Synthetic corpora have ${NOTES_PER_RELEASE} notes per release, spread over every category, architecture and status; every tenth note has a code block. Each corpus is built ${times(BUILD_RUNS, 'time')} from scratch, and the table shows the median build with the range of times. Bytes are as transferred, gzip-compressed by the server as a static host would. Every HTML page of every build is compressed the same way and measured; the largest is shown. A first search is measured twice: unthrottled with every keystroke answered before the next (the hits of every prefix), and on the phone profile above typed at ${KEY_DELAY_MS} ms a key, where the byte budget is judged. Its bytes count until the first result of the whole query; on this site the first results come from the notes' names, before Pagefind's code and index are fetched at the reader's first pause (the side-by-side table shows the bytes until the network is quiet too). Times run from the last keystroke (or, for warm searches, the one input event that sets the query) to the first result of the whole query on screen, measured in the page. Lighthouse runs ${times(LIGHTHOUSE_RUNS, 'time')} per page and form factor, as its own guidance on variability advises; the table shows the run with the median performance score, the range of that score, and the largest layout shift of any run. For scale, on this machine ${floorText}. Raw figures: [benchmarks.json](benchmarks.json).

${markdownTable(runs, table)}

Largest pages at ${largestBuild.name === 'real site' ? 'the real site' : largestBuild.name} (gzip; every page must stay under ${kB(BUDGET.htmlPageGzipBytes)} at every size, so that none grows with the corpus):

| page | gzip |
| --- | --- |
${largestBuild.pageSizes.largest.map((page) => `| \`${page.path}\` | ${kB(page.gzipBytes)} |`).join('\n')}
${smallerPagesOver.length > 0 ? `\nAlso at or over ${kB(BUDGET.htmlPageGzipBytes)}: ${smallerPagesOver.join('; ')}.\n` : ''}`,
);
console.log('\nWrote docs/benchmarks.json and docs/benchmarks.md');
const missed = [
  ...table.filter((row) => row.met === false).map((row) => row.figure),
  ...comparison.filter((row) => row.met === false).map((row) => `${row.figure} (ratio ${row.ratio}, ${row.budget})`),
];
if (missed.length > 0) {
  console.log(`Budgets missed:\n  ${missed.join('\n  ')}`);
  process.exitCode = 1;
}
