import type { Page } from 'playwright-core';

export interface ExecutedScript {
  /** The script's URL; an inline script has its page's. */
  url: string;
  /** Length of the script's source, in characters. */
  length: number;
}

/**
 * Starts V8's precise coverage on a page, before it navigates. The returned
 * function lists the scripts of the page's origin that have run any code
 * since it was last called (taking the coverage resets its counts): a module
 * that was only preloaded or parsed is not among them.
 */
export async function watchExecutedScripts(page: Page): Promise<() => Promise<ExecutedScript[]>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  return async () => {
    const { result } = await session.send('Profiler.takePreciseCoverage');
    const origin = new URL(page.url()).origin;
    return result
      .filter((script) => script.url.startsWith(origin))
      .filter((script) => script.functions.some((fn) => fn.ranges.some((range) => range.count > 0)))
      .map((script) => ({
        url: script.url,
        length: Math.max(...script.functions.flatMap((fn) => fn.ranges.map((range) => range.endOffset))),
      }));
  };
}
