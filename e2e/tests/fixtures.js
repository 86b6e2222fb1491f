// Shared helpers: a page fixture that records console errors and uncaught
// exceptions, so every spec can assert a clean console.
import { test as base, expect } from '@playwright/test';

// The static server answers an unknown address the way GitHub Pages does:
// status 404 with the friendly 404.html. Chromium logs that document status
// as a console error; it is expected, so exactly that message, for exactly a
// navigated document that got 404, is left out. A missing asset still counts.
export const test = base.extend({
  consoleErrors: async ({ page }, use) => {
    const errors = [];
    // Content-Security-Policy violations (in the page and its frames) count as errors too.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || location.href}:${e.lineNumber}`);
      });
    });
    const spaFallbacks = new Set();
    page.on('response', (resp) => {
      if (resp.status() === 404 && resp.request().isNavigationRequest()) spaFallbacks.add(resp.url());
    });
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const isFallback = msg.text().startsWith('Failed to load resource: the server responded with a status of 404')
        && spaFallbacks.has(msg.location().url);
      if (!isFallback) errors.push(`${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
  },
});

export { expect };

/**
 * Waits until the page is ready: its wasm module (if it has one) is mounted.
 * The site script marks the document `data-app="ready"`.
 */
export async function appReady(page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready', { timeout: 30_000 });
}

/**
 * Reads a figure's exact value from data-value by its data-metric name, once
 * no typed value is waiting to be taken (fields take text after a pause in
 * typing, on Enter or on leaving the field; the results say so with
 * `data-pending` meanwhile).
 */
export async function metric(page, name) {
  await expect(page.locator('[data-pending]')).toHaveCount(0);
  const el = page.locator(`[data-metric="${name}"]`).first();
  await expect(el).toHaveAttribute('data-value', /.+/);
  return Number(await el.getAttribute('data-value'));
}

/**
 * Decodes the QR code drawn by an inline SVG, as a phone would read it from
 * the screen: the SVG is rasterised on a blank page (outside the site's
 * Content-Security-Policy) and read by jsQR. Returns the text, or null.
 */
export async function decodeQr(page, svg) {
  const markup = await svg.evaluate((el) => el.outerHTML);
  const blank = await page.context().newPage();
  try {
    await blank.addScriptTag({ path: new URL('../node_modules/jsqr/dist/jsQR.js', import.meta.url).pathname });
    return await blank.evaluate(async (text) => {
      const img = new Image();
      const size = 480;
      const sized = text.replace('<svg ', `<svg width="${size}" height="${size}" `);
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(sized);
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, size, size);
      ctx.drawImage(img, 0, 0, size, size);
      const found = window.jsQR(ctx.getImageData(0, 0, size, size).data, size, size);
      return found ? found.data : null;
    }, markup);
  } finally {
    await blank.close();
  }
}
