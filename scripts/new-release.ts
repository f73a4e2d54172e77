// npm run new:release -- 4.8 [--date 2016-12-06]
import { parseArgs } from 'node:util';
import { ScaffoldError, scaffoldRelease } from '../src/lib/scaffold.ts';
import { releaseIds, run, writeNew } from './scaffold-io.ts';

run(() => {
  const { values, positionals } = parseArgs({ options: { date: { type: 'string' } }, allowPositionals: true });
  const [version, ...extra] = positionals;
  if (!version || extra.length > 0) throw new ScaffoldError('usage: npm run new:release -- 4.8 [--date YYYY-MM-DD]');
  const today = new Date().toISOString().slice(0, 10);
  return writeNew(scaffoldRelease(version, values.date ?? today, releaseIds()));
});
