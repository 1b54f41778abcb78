// Browser end-to-end tests: Debian's Chromium against the web mode and a real, private
// redis-server per test (see test/e2e/support/fixtures.ts). No `npx playwright install`.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'test/e2e',
  // Its own folder: Playwright empties outputDir on start; screenshots live next to it.
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/support/build-renderer.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Two cores: each test starts its own Redis and web server and up to three browser contexts.
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
})
