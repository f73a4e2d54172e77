// Measures search on the built site in Chromium, against the real index:
// top-1 accuracy over tests/search-queries.json, warm query latency (median,
// 95th percentile), and the bytes a first search fetches. Prints the figures
// and writes them to bench-results/search.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { launchChromium } from '../tests/support/browser.ts';
import { startStaticServer } from './static-server.mjs';

interface QueryCase {
  query: string;
  expect: string;
}

const { queries } = JSON.parse(await readFile('tests/search-queries.json', 'utf8')) as { queries: QueryCase[] };
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
  await page.waitForLoadState('networkidle');
  const firstSearchFiles = [...fetched];
  const firstSearchBytes = firstSearchFiles.reduce((sum, entry) => sum + entry.bytes, 0);

  const timings = await page.evaluate(
    async ({ cases, rounds, base }) => {
      const pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
      const firsts: string[] = [];
      const durations: number[] = [];
      for (let round = 0; round <= rounds; round += 1) {
        for (const { query } of cases) {
          const start = performance.now();
          const found = await pagefind.search(query);
          const first = found.results[0] ? await found.results[0].data() : undefined;
          const elapsed = performance.now() - start;
          // Round 0 warms the index chunks; only later rounds are timed.
          if (round === 0) firsts.push(first?.url ?? '');
          else durations.push(elapsed);
        }
      }
      return { firsts, durations };
    },
    { cases: queries, rounds: WARM_ROUNDS, base: new URL(server.url).pathname },
  );

  const misses = queries
    .map((entry, index) => ({ query: entry.query, expected: entry.expect, got: timings.firsts[index] ?? '' }))
    .filter((entry) => entry.got !== entry.expected);
  const sorted = [...timings.durations].sort((left, right) => left - right);
  const figures = {
    queries: queries.length,
    top1Accuracy: (queries.length - misses.length) / queries.length,
    misses,
    warmLatencyMs: { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), samples: sorted.length },
    firstSearch: { bytes: firstSearchBytes, files: firstSearchFiles, msToFirstResult: firstSearchMs },
    chromium: browser.version(),
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/search.json', `${JSON.stringify(figures, null, 2)}\n`);

  console.log(`queries                 ${figures.queries}`);
  console.log(`top-1 accuracy          ${(figures.top1Accuracy * 100).toFixed(1)}%`);
  for (const miss of figures.misses) console.log(`  miss: "${miss.query}" → ${miss.got || 'nothing'} (expected ${miss.expected})`);
  console.log(`warm query latency      median ${figures.warmLatencyMs.median.toFixed(1)} ms, p95 ${figures.warmLatencyMs.p95.toFixed(1)} ms (${sorted.length} searches)`);
  console.log(
    `first search            ${firstSearchBytes} bytes in ${firstSearchFiles.length} files, first result after ${firstSearchMs} ms`,
  );
  for (const entry of firstSearchFiles) console.log(`  ${entry.bytes.toString().padStart(7)}  ${entry.url.replace(server.url, '/')}`);
  console.log('written to bench-results/search.json');
} finally {
  await browser.close();
  await server.close();
}
