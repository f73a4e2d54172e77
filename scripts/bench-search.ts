// Measures search on the built site against the real index: the answers of
// tests/search-queries.json as the search box gives them (top-1 and top-3
// over the answerable queries, the "not here" statements, the zero-result and
// corrected-query rates), then in Chromium warm query latency (median, 95th
// percentile) and the bytes a first search fetches; and how many queries the
// notes' names answer before Pagefind has arrived, and whether rightly.
// Prints the figures and writes them to bench-results/search.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { launchChromium } from '../tests/support/browser.ts';
import { judgeQueries, nameFigures, qualityFigures, readQueryCases } from '../tests/support/search-quality.ts';
import { startStaticServer } from './static-server.mjs';
import { answerHits } from '../tests/support/search-hits.ts';

const queries = readQueryCases();
const quality = qualityFigures(await judgeQueries(queries));
const byName = nameFigures(queries);
const WARM_ROUNDS = 5;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const server = await startStaticServer({ root: 'dist' });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}releases/4.7/`, { waitUntil: 'networkidle' });

  // Everything fetched, by the page or Pagefind's worker, from the first keystroke to the first result.
  const fetched: { url: string; bytes: number }[] = [];
  page.context().on('requestfinished', (request) => {
    void request.sizes().then((sizes) =>
      fetched.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize }),
    );
  });
  const started = Date.now();
  await page.locator('#site-search').focus();
  await page.keyboard.type('live patching');
  await page.locator('#site-search-results [data-search-result]').first().waitFor();
  const firstSearchMs = Date.now() - started;
  await page.locator(answerHits()).first().waitFor();
  const fullAnswerMs = Date.now() - started;
  await page.waitForLoadState('networkidle');
  const firstSearchFiles = [...fetched];
  const firstSearchBytes = firstSearchFiles.reduce((sum, entry) => sum + entry.bytes, 0);

  const timings = await page.evaluate(
    async ({ cases, rounds, base }) => {
      const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
      const durations: number[] = [];
      for (let round = 0; round <= rounds; round += 1) {
        for (const { query } of cases) {
          const start = performance.now();
          const found = await pagefind.search(query);
          if (found.results[0]) await found.results[0].data();
          const elapsed = performance.now() - start;
          // Round 0 warms the index chunks; only later rounds are timed.
          if (round > 0) durations.push(elapsed);
        }
      }
      return { durations };
    },
    { cases: queries, rounds: WARM_ROUNDS, base: new URL(server.url).pathname },
  );

  const sorted = [...timings.durations].sort((left, right) => left - right);
  const figures = {
    ...quality,
    byName,
    warmLatencyMs: { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples: sorted.length },
    firstSearch: { bytes: firstSearchBytes, files: firstSearchFiles, msToFirstResult: firstSearchMs, msToFullAnswer: fullAnswerMs },
    chromium: browser.version(),
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/search.json', `${JSON.stringify(figures, null, 2)}\n`);

  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  console.log(`queries                 ${figures.queries} (${figures.answerable} answerable, ${figures.absent} absent identifiers)`);
  console.log(`top-1 accuracy          ${percent(figures.top1)}`);
  console.log(`top-3 accuracy          ${percent(figures.top3)}`);
  console.log(`absent statements       ${figures.absentRight} of ${figures.absent} right`);
  console.log(`zero-result rate        ${percent(figures.zeroResultRate)}`);
  console.log(`corrected-query rate    ${percent(figures.correctedRate)}`);
  for (const miss of figures.misses) console.log(`  miss: ${miss}`);
  console.log(`answered by name        ${byName.answered} of ${figures.queries} before Pagefind, ${byName.right} with the expected note first`);
  for (const wrong of byName.wrong) console.log(`  wrong by name: ${wrong}`);
  console.log(`warm query latency      median ${figures.warmLatencyMs.median.toFixed(1)} ms, p95 ${figures.warmLatencyMs.p95.toFixed(1)} ms (${sorted.length} searches)`);
  console.log(
    `first search            ${firstSearchBytes} bytes in ${firstSearchFiles.length} files until the network is quiet, first result (by name) after ${firstSearchMs} ms, Pagefind's answer after ${fullAnswerMs} ms`,
  );
  for (const entry of firstSearchFiles) console.log(`  ${entry.bytes.toString().padStart(7)}  ${entry.url.replace(server.url, '/')}`);
  console.log('written to bench-results/search.json');
} finally {
  await browser.close();
  await server.close();
}
