// Shared helpers: a page fixture that records console errors and uncaught
// exceptions, so every spec can assert a clean console.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  consoleErrors: async ({ page }, use) => {
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
  },
});

export { expect };

/** Waits until the wasm app has mounted (the header is rendered by Rust). */
export async function appReady(page) {
  await expect(page.locator('header.site-header')).toBeVisible();
}

/** Reads a figure's exact value from data-value by its data-metric name. */
export async function metric(page, name) {
  const el = page.locator(`[data-metric="${name}"]`).first();
  await expect(el).toHaveAttribute('data-value', /.+/);
  return Number(await el.getAttribute('data-value'));
}
