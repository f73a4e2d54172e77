import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import type { RenderReply, RenderRequest } from './render-worker.ts';

type Rendered = Extract<RenderReply, { rendered: unknown }>['rendered'];

/** One content entry type (Markdown, MDX…), as Astro hands the loaders its map of them. */
interface EntryType {
  getRenderFunction?: unknown;
}
type EntryTypes = Map<string, EntryType>;
/**
 * What Astro passes glob() beyond the documented loader context: its entry
 * types by extension (astro/dist/content/content-layer.js). The build tests
 * fail if that ever changes, since no note would be rendered.
 */
type GlobContext = LoaderContext & { entryTypes: EntryTypes };

/**
 * Worker threads that render Markdown. A worker holds the process open only
 * while it has work, so a build ends when its last note is rendered.
 */
function createRenderPool(size: number, settings: Record<string, unknown>) {
  const pending = new Map<number, { resolve: (rendered: Rendered) => void; reject: (error: Error) => void }>();
  const load = new Map<Worker, number>();
  let nextJob = 0;
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: settings });
    worker.unref();
    load.set(worker, 0);
    worker.on('message', (reply: RenderReply) => {
      const left = (load.get(worker) ?? 1) - 1;
      load.set(worker, left);
      if (left === 0) worker.unref();
      const waiting = pending.get(reply.job);
      pending.delete(reply.job);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.rendered);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
    return worker;
  });
  return (request: Omit<RenderRequest, 'job'>): Promise<Rendered> =>
    new Promise((resolve, reject) => {
      const job = nextJob++;
      pending.set(job, { resolve, reject });
      const worker = workers.reduce((least, candidate) => ((load.get(candidate) ?? 0) < (load.get(least) ?? 0) ? candidate : least));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      worker.ref();
      worker.postMessage({ job, ...request } satisfies RenderRequest);
    });
}

/** The entry types with Markdown (.md) rendered by `render`; MDX is compiled at page build, as before. */
function withPooledMarkdown(entryTypes: EntryTypes, render: ReturnType<typeof createRenderPool>): EntryTypes {
  return new Map(
    [...entryTypes].map(([extension, entryType]) =>
      extension === '.md' && entryType.getRenderFunction
        ? ([
            extension,
            {
              ...entryType,
              getRenderFunction: async () => async (entry: { body?: string; data: Record<string, unknown>; filePath?: string }) =>
                render({ body: entry.body ?? '', data: entry.data, filePath: entry.filePath }),
            },
          ] as const)
        : ([extension, entryType] as const),
    ),
  );
}

/**
 * One pool per set of settings, shared by every collection: a worker costs a
 * second or more of CPU to start, and the collections sync at the same time.
 */
const renderPools = new Map<string, ReturnType<typeof createRenderPool>>();

function renderPoolFor(settings: Record<string, unknown>): ReturnType<typeof createRenderPool> {
  const key = JSON.stringify(settings);
  let pool = renderPools.get(key);
  if (!pool) {
    pool = createRenderPool(Math.max(1, availableParallelism() - 1), settings);
    renderPools.set(key, pool);
  }
  return pool;
}

/**
 * Astro's glob() loader, with Markdown rendered in worker threads, one per
 * core beside the main thread: at 10,000 notes rendering was most of a build.
 * On 2 cores one worker synced 10,000 notes in 10.4 s, two in 12.4 s and none
 * in 13 s; the main thread reads, parses and stores every entry, and a second
 * worker takes CPU from it.
 * Errors are those of Astro's own renderer. glob() only logs a body that fails
 * to render and stores the entry without HTML, so a failure here also stops
 * the sync, with every such file named.
 */
export function parallelGlob(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'parallel-glob',
    load: async (loaderContext) => {
      const context = loaderContext as GlobContext;
      const { image, markdown } = context.config;
      const render = renderPoolFor({
        // Plain data only: the worker builds its own processor and Shiki settings.
        image: JSON.parse(JSON.stringify(image)),
        syntaxHighlight: markdown.syntaxHighlight,
        gfm: markdown.gfm,
        smartypants: markdown.smartypants,
      });
      const failures: string[] = [];
      const renderOrRecord: typeof render = (request) =>
        render(request).catch((error: Error) => {
          failures.push(error.message);
          throw error;
        });
      const pooled: GlobContext = { ...context, entryTypes: withPooledMarkdown(context.entryTypes, renderOrRecord) };
      await inner.load(pooled);
      if (failures.length > 0) {
        throw new Error(`${failures.length} Markdown ${failures.length === 1 ? 'body' : 'bodies'} could not be rendered:\n- ${failures.join('\n- ')}`);
      }
    },
  };
}
