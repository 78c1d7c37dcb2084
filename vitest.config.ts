// Test runner configuration: unit + integration run in Node; e2e drives Debian's Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// CLI processes the tests start keep their library cache in a folder of this run's, not the user's ~/.cache.
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-test-cache-'));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          env: { BRIEFING_CACHE_DIR: cacheDir },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          env: { BRIEFING_CACHE_DIR: cacheDir },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The UI answers through real services on a shared 2-core machine: give polled UI states time.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
