import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// CI collects Vitest's JSON reports to print one "N passed, N failed" line over every project run.
const reportDir = process.env.TEST_REPORT_DIR;
const reporting = reportDir
  ? {
      reporters: ['default', 'json'],
      outputFile: { json: `${reportDir}/vitest-${process.pid}-${Date.now()}.json` },
    }
  : {};

// One config for the client build and both test projects: unit (node + jsdom) and e2e (real Chromium).
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { outDir: 'dist/client', sourcemap: true },
  test: {
    ...reporting,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          setupFiles: ['test/setup-dom.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
