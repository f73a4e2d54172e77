// The query set judged over the real index with the site's own answer code
// (src/lib/search-answer.ts), shared by tests/build/search-quality.test.ts and
// `npm run bench:search`. Imports carry their extensions: the bench runs it in
// plain Node.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { answerQuery, type Answer, type HitData, type SearchEngine } from '../../src/lib/search-answer.ts';
import type { Lexicon } from '../../src/lib/search-lexicon.ts';
import { nameHits, type NameIndex } from '../../src/lib/search-names.ts';
import { SEARCH_RANKING } from '../../src/lib/search-query.ts';

/** One line of tests/search-queries.json: the note to find first, or how the "not here" statement begins. */
export interface QueryCase {
  query: string;
  expect?: string;
  absent?: string;
}

export interface JudgedQuery {
  entry: QueryCase;
  answer: Answer;
  /** The URLs of the first three hits. */
  top: string[];
}

export interface QualityFigures {
  queries: number;
  answerable: number;
  top1: number;
  top3: number;
  /** Share of queries answered with no hit at all. */
  zeroResultRate: number;
  /** Share of queries whose words were corrected before searching. */
  correctedRate: number;
  absent: number;
  absentRight: number;
  misses: string[];
}

export function readQueryCases(file = 'tests/search-queries.json'): QueryCase[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: QueryCase[] }).queries;
}

/** How many hits a query loads: as many as the header shows on a desktop. */
const LIMIT = 9;

/** Answers every query of the set over the built site in `dist`, as the search box would. */
export async function judgeQueries(cases: readonly QueryCase[], dist = 'dist'): Promise<JudgedQuery[]> {
  const script = resolve(dist, 'pagefind/pagefind.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  const lexicon = JSON.parse(readFileSync(resolve(dist, 'search-lexicon.json'), 'utf8')) as Lexicon;
  const server = await startStaticServer({ root: dist, base: '/' });
  try {
    const pagefind = (await import(pathToFileURL(script).href)) as {
      options(options: Record<string, unknown>): Promise<void>;
      search(query: string): Promise<{ results: { data(): Promise<HitData> }[] } | null>;
    };
    await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/', ranking: SEARCH_RANKING });
    const search: SearchEngine = async (query, limit) => {
      const results = (await pagefind.search(query))?.results ?? [];
      return { total: results.length, hits: await Promise.all(results.slice(0, limit).map((result) => result.data())) };
    };
    const judged: JudgedQuery[] = [];
    for (const entry of cases) {
      const answer = await answerQuery(search, lexicon, entry.query, LIMIT);
      judged.push({ entry, answer, top: answer.hits.slice(0, 3).map((hit) => hit.url) });
    }
    return judged;
  } finally {
    await server.close();
  }
}

/** Top-1 and top-3 over the answerable queries, the statements over the absent ones, and the zero-result and corrected rates. */
export function qualityFigures(judged: readonly JudgedQuery[]): QualityFigures {
  const answerable = judged.filter(({ entry }) => entry.expect !== undefined);
  const absent = judged.filter(({ entry }) => entry.absent !== undefined);
  const misses: string[] = [];
  let top1 = 0;
  let top3 = 0;
  for (const { entry, answer, top } of answerable) {
    if (top[0] === entry.expect && !answer.statement) top1 += 1;
    else misses.push(`"${entry.query}": expected ${entry.expect}, got ${answer.statement ?? top[0] ?? 'nothing'}`);
    if (top.includes(entry.expect!)) top3 += 1;
  }
  let absentRight = 0;
  for (const { entry, answer } of absent) {
    if (answer.statement?.startsWith(entry.absent!)) absentRight += 1;
    else misses.push(`"${entry.query}": expected the statement "${entry.absent}…", got ${answer.statement ?? 'none'}`);
  }
  return {
    queries: judged.length,
    answerable: answerable.length,
    top1: top1 / answerable.length,
    top3: top3 / answerable.length,
    zeroResultRate: judged.filter(({ answer }) => answer.hits.length === 0).length / judged.length,
    correctedRate: judged.filter(({ answer }) => answer.corrected).length / judged.length,
    absent: absent.length,
    absentRight,
    misses,
  };
}

/** How the names file (src/lib/search-names.ts) answers the query set, before Pagefind would. */
export interface NameFigures {
  /** Queries the names answer with at least one hit. */
  answered: number;
  /** Of those, the queries whose first hit is the note expected. */
  right: number;
  wrong: string[];
}

/** Judges the first hits the names give over the query set, against the notes the queries expect. */
export function nameFigures(cases: readonly QueryCase[], dist = 'dist'): NameFigures {
  const index = JSON.parse(readFileSync(resolve(dist, 'search-names.json'), 'utf8')) as NameIndex;
  const figures: NameFigures = { answered: 0, right: 0, wrong: [] };
  for (const entry of cases) {
    const [first] = nameHits(index, entry.query, LIMIT);
    if (!first) continue;
    figures.answered += 1;
    if (first.url === entry.expect) figures.right += 1;
    else figures.wrong.push(`"${entry.query}": expected ${entry.expect ?? `the statement "${entry.absent}…"`}, the names give ${first.url}`);
  }
  return figures;
}
