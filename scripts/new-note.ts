// npm run new:note -- --release 4.7 --category security-features --feature "Live patching"
//   [--architecture x86] [--status tech-preview] [--anchor live-patching]
import { parseArgs } from 'node:util';
import { ScaffoldError, scaffoldNote } from '../src/lib/scaffold.ts';
import { notesOf, releaseIds, run, writeNew } from './scaffold-io.ts';

run(() => {
  const { values } = parseArgs({
    options: {
      release: { type: 'string' },
      category: { type: 'string' },
      feature: { type: 'string' },
      architecture: { type: 'string' },
      status: { type: 'string' },
      anchor: { type: 'string' },
    },
  });
  const { release, category, feature } = values;
  if (!release || !category || feature === undefined) {
    throw new ScaffoldError('usage: npm run new:note -- --release 4.7 --category security-features --feature "Title"');
  }
  return writeNew(scaffoldNote({ ...values, release, category, feature }, releaseIds(), notesOf(release)));
});
