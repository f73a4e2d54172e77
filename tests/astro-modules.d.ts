// Plain `tsc` cannot read .astro files (`astro check` can); the component tests
// import them, so give them their runtime type here.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  const component: AstroComponentFactory;
  export default component;
}
