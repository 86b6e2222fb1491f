// Playwright config for Lambda Lab. `cargo xtask test` builds dist/, serves it
// under /lambda-lab/ with its own static server and sets LAMBDA_LAB_BASE_URL.
// The browser is Debian's Chromium: nothing here downloads a browser.
import { defineConfig } from '@playwright/test';

const baseURL = process.env.LAMBDA_LAB_BASE_URL || 'http://127.0.0.1:8080/lambda-lab/';

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['./closing-line-reporter.js']],
  use: {
    baseURL,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
