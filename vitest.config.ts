import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // End-to-end files each start a Chromium; two at a time suits a 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
