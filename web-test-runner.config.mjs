// Widget tests and visual baselines in Debian's Chromium (never a downloaded browser), TypeScript compiled on the fly by esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

/**
 * Screenshots of test/visual/visual.test.ts: baselines committed in test/visual/baselines/, a failure's screenshot and
 * its diff in test/visual/failed/ (git-ignored). `UPDATE_VISUAL_BASELINES=1` rewrites the baselines instead of comparing.
 * Tolerance: pixelmatch's per-pixel colour threshold 0.1 (anti-aliasing ignored), and at most 0.1 % of the pixels may differ (a 2 px border on one card is ~0.8 %).
 * Runs on one machine are byte-identical; the tolerance is for anti-aliasing between Chromium builds.
 */
const visualBaselines = visualRegressionPlugin({
  update: Boolean(process.env.UPDATE_VISUAL_BASELINES),
  baseDir: fileURLToPath(new URL('./test/visual', import.meta.url)),
  getBaselineName: ({ name }) => `baselines/${name}`,
  getFailedName: ({ name }) => `failed/${name}`,
  getDiffName: ({ name }) => `failed/${name}-diff`,
  diffOptions: { threshold: 0.1, includeAA: false },
  failureThreshold: 0.1,
  failureThresholdType: 'percent',
});

export default {
  files: ['test/widgets/**/*.test.ts', 'test/visual/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 5000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' }), visualBaselines],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    }),
  ],
};
