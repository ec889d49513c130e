import { defineConfig } from 'vitest/config';

// End-to-end journeys: a real Chromium against a running host (CW_E2E_BASE_URL), one file after another.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    // axe-core after every test (e2e/accessibility.ts).
    setupFiles: ['e2e/setup.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // expect.poll waits up to 1 s by default: a poll right after a navigation (a page's first list) failed CI once on a
    // busy machine while the page was still loading. Waiting longer only delays a failure; it never hides one.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
