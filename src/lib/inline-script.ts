import { minifySync } from 'rolldown/utils';

/**
 * The text of an inline <script> that calls `fn` with `options`, minified.
 * `fn` must be self-contained: only its own source is kept, not its imports.
 */
export function inlineCall<Options>(fn: (options: Options) => void, options: Options): string {
  const source = `(${fn.toString()})(${JSON.stringify(options)})`;
  const { code, errors } = minifySync('inline.js', source);
  if (errors.length > 0) throw new Error(`Cannot minify the inline script: ${errors.map((error) => error.message).join('; ')}`);
  return code.trim();
}
