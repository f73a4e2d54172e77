// Renders Markdown notes off the main thread for parallel-glob.ts, with the
// same settings as the site (settings.ts). Node runs this file directly.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { markdownSettings } from './settings.ts';

export interface RenderRequest {
  job: number;
  body: string;
  data: Record<string, unknown>;
  filePath?: string | undefined;
}

export type RenderReply =
  | { job: number; rendered: { html: string; metadata: Record<string, unknown> } }
  | { job: number; error: string };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread');
const { processor, shikiConfig } = markdownSettings();
// The same call Astro's own Markdown entry type makes (vite-plugin-markdown/content-entry-type.js).
const renderer = await processor.createRenderer({ ...workerData, shikiConfig });

port.on('message', async ({ job, body, data, filePath }: RenderRequest) => {
  try {
    const result = await renderer.render(body, { frontmatter: data, fileURL: filePath ? pathToFileURL(filePath) : undefined });
    // The metadata's frontmatter repeats the entry's data (3 of the content store's
    // 24 MB at 10,000 notes); the site reads `data`, and no plugin adds to it.
    const { localImagePaths, remoteImagePaths, frontmatter: _unusedCopyOfData, ...metadata } = result.metadata;
    port.postMessage({
      job,
      rendered: { html: result.code, metadata: { ...metadata, localImagePaths, remoteImagePaths, imagePaths: [...localImagePaths, ...remoteImagePaths] } },
    } satisfies RenderReply);
  } catch (error) {
    port.postMessage({ job, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
  }
});
