// The Electron end-to-end suite: `npx playwright test -c playwright.electron.config.ts`.
// It needs the Electron binary (node node_modules/electron/install.js); where that cannot
// be downloaded, every test reports itself skipped with the reason. On Linux without a
// display run it under `xvfb-run -a`.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  // One Electron app and one Redis per test file; the machine has few cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
})
