// npm run new:note -- --release 4.7 --category security-features --feature "Live patching" --enabled-by-default false
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
      'enabled-by-default': { type: 'string' },
    },
  });
  const { release, category, feature, 'enabled-by-default': enabledByDefault, ...rest } = values;
  if (!release || !category || feature === undefined) {
    throw new ScaffoldError(
      'usage: npm run new:note -- --release 4.7 --category security-features --feature "Title" --enabled-by-default true|false',
    );
  }
  return writeNew(scaffoldNote({ ...rest, release, category, feature, enabledByDefault }, releaseIds(), notesOf(release)));
});
