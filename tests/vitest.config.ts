/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Four suites: pure logic and components (fast), checks over the built site
 * and fixture builds (need `astro build` first), and real-browser tests in
 * Chromium. Astro's Vite setup lets the component tests render .astro files.
 */
export default getViteConfig(
  {
    test: {
      root: new URL('..', import.meta.url).pathname,
      projects: [
        { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
        {
          extends: true,
          test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            // One Chromium at a time: the machine has two cores.
            fileParallelism: false,
            // A browser test waits for the state it reads (expect.poll). On a busy machine a search or a
            // module can take seconds to show it; a test that passes does not wait for this bound.
            expect: { poll: { timeout: 15_000 } },
          },
        },
      ],
    },
  },
  { devToolbar: { enabled: false } },
);
