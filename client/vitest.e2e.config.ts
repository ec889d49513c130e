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
  },
});
