import { test, expect, appReady } from './fixtures.js';
import { startHost } from './host.js';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Embeds as bloggers use them: a host page on another origin (a second
// server on another port) frames /embed/<name>/ in the three ways hosts do.

const SITE = process.env.LAMBDA_LAB_BASE_URL || 'http://127.0.0.1:8080/lambda-lab/';
const PT_HASH = 'gAAAAQACAAQABg==;AAAWRQAAlkQAABZEAACWQwAAlkM=;rMWnNqzFpzasxac2rMWnNoKo+zY=';
const PT_LINK = `https://lambda-power-tuning.show/#${PT_HASH}`;

/** Serves host pages (name → HTML) from a folder of their own, on another port. */
async function hostPages(pages) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-lab-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>host</title>');
  for (const [name, html] of Object.entries(pages)) fs.writeFileSync(path.join(dir, name), html);
  return startHost(dir, '/');
}

const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title><link rel="icon" href="data:,"></head>
<body style="margin:0;font-family:sans-serif"><h1>A blog post</h1><p>Some words before the calculator.</p>${body}<p>After.</p></body></html>`;

/** What WordPress's host script does for an embed: height and link messages, checked by secret and source. */
const WORDPRESS = page(`
<iframe id="f" sandbox="allow-scripts" title="Cost calculator" style="width:600px;height:150px;border:0"
  src="${SITE}embed/cost/?v=1&memory_mb=512&requests=20000000&show=result,inputs,tools#?secret=abc123XYZ"></iframe>
<script>
  const f = document.getElementById('f');
  window.heights = [];
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (!d || typeof d !== 'object' || d.secret !== 'abc123XYZ' || e.source !== f.contentWindow) return;
    if (d.message === 'height') { f.style.height = Math.max(200, Math.min(d.value, 5000)) + 'px'; window.heights.push(d.value); }
    if (d.message === 'link' && new URL(d.value).host === new URL(f.src).host) location.href = d.value;
  });
  f.addEventListener('load', () => f.contentWindow.postMessage({ message: 'ready', secret: 'abc123XYZ' }, '*'));
</script>`);

/** An Embedly/iframely-style host: the JSON string message. */
const EMBEDLY = page(`
<iframe id="f" title="Power Tuning run" style="width:700px;height:150px;border:0"
  src="${SITE}embed/power/?power_tuning=${encodeURIComponent(PT_LINK)}"></iframe>
<script>
  const f = document.getElementById('f');
  window.addEventListener('message', (e) => {
    if (e.source !== f.contentWindow || typeof e.data !== 'string') return;
    let d; try { d = JSON.parse(e.data); } catch (_) { return; }
    if (d.context === 'iframe.resize' && typeof d.height === 'number') f.style.height = d.height + 'px';
  });
</script>`);

/** Every request's origin, to show nothing goes to a third one. */
function watchOrigins(context) {
  const origins = new Set();
  context.on('request', (r) => { if (/^https?:/.test(r.url())) origins.add(new URL(r.url()).origin); });
  return origins;
}

/** The iframe's height and the height of what is inside it. */
async function heights(hostPage) {
  const frameEl = hostPage.locator('iframe').first();
  const outer = await frameEl.evaluate((f) => f.getBoundingClientRect().height);
  const frame = await (await frameEl.elementHandle()).contentFrame();
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { outer, inner };
}

async function expectFitted(hostPage) {
  await expect.poll(async () => {
    const { outer, inner } = await heights(hostPage);
    return Math.abs(outer - inner);
  }, { timeout: 10_000 }).toBeLessThanOrEqual(20);
}

/** Expands "All inputs" inside the embed and checks the iframe follows. */
async function expandAndFollow(hostPage, frame) {
  const before = (await heights(hostPage)).outer;
  await frame.locator('.all-inputs > summary').click();
  await expect.poll(async () => (await heights(hostPage)).outer, { timeout: 10_000 }).toBeGreaterThan(before + 100);
  await expectFitted(hostPage);
}

function collectErrors(p) {
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`); });
  p.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('a WordPress-style sandboxed embed shows its figures, fits its height, and opens the calculator in the host page', async ({ browser }) => {
  const host = await hostPages({ 'wp.html': WORDPRESS });
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const origins = watchOrigins(context);
  const p = await context.newPage();
  const errors = collectErrors(p);
  await p.goto(`${host.url}wp.html`);
  const frame = p.frameLocator('#f');
  await expect(frame.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '17.13336');
  // Compact: no site chrome, results first, the key inputs, "All inputs" closed.
  await expect(frame.locator('.site-header')).toHaveCount(0);
  await expect(frame.locator('.part[data-part="result"]')).toBeVisible();
  await expect(frame.getByLabel('Memory (MB)')).toHaveValue('512');
  await expect(frame.locator('.all-inputs')).not.toHaveAttribute('open', '');
  await expectFitted(p);
  expect(await p.evaluate(() => window.heights.length)).toBeGreaterThan(0);
  await expandAndFollow(p, frame);
  // Sandboxed: the clipboard is refused, so the link is shown selected.
  await frame.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(frame.getByTestId('manual-copy')).toHaveValue(/\/lambda-lab\/calculators\/cost\/\?v=4&memory_mb=512&requests=20000000$/);
  // Export: downloads are off, so the JSON is shown.
  await frame.getByRole('link', { name: 'Export JSON' }).click();
  await expect(frame.getByTestId('manual-copy')).toHaveValue(/"calculator": "cost"/);
  // Typing changes the figures and the "Open in Lambda Lab" link, not the iframe's address.
  const before = await frame.locator('[data-metric="total_usd"]').first().getAttribute('data-value');
  await frame.getByLabel('Memory (MB)').fill('2048');
  await expect(frame.locator('[data-metric="total_usd"]').first()).not.toHaveAttribute('data-value', before);
  expect(p.frames()[1].url()).toContain('/embed/cost/?v=1&memory_mb=512&requests=20000000');
  // WordPress opens links of its embeds in the host page.
  await frame.getByTestId('open-in-lambda-lab').click();
  await p.waitForURL(/\/lambda-lab\/calculators\/cost\/\?v=4&memory_mb=2048&requests=20000000$/);
  await appReady(p);
  await expect(p.locator('#p-memory_mb')).toHaveValue('2048');
  expect([...origins].sort()).toEqual([new URL(host.url).origin, new URL(SITE).origin].sort());
  expect(errors).toEqual([]);
  await context.close();
  await host.close();
});

test('a Power Tuning run embedded Embedly-style is re-priced with its chart and table, and its link opens a new tab', async ({ browser }) => {
  const host = await hostPages({ 'embedly.html': EMBEDLY });
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const origins = watchOrigins(context);
  const p = await context.newPage();
  const errors = collectErrors(p);
  await p.goto(`${host.url}embedly.html`);
  const frame = p.frameLocator('#f');
  // Cost strategy on the sample run: 1,024 MB (measured, as cheap as 128 MB and 8× faster). Re-priced
  // exactly at 128 MB: 2.4 s × 0.125 GB × $0.0000166667 + $0.0000002 request fee.
  await expect(frame.locator('[data-metric="best_memory_mb"]')).toHaveAttribute('data-value', '1024');
  await expect(frame.locator('[data-testid="power-chart-summary"]')).toContainText(/the cost strategy recommends 1,024 MB \(as cheap(, | to within [\d.]+%, )and faster\)/);
  await expect(frame.getByTestId('repriced-table')).toBeVisible();
  await expect(frame.locator('[data-metric="repriced_128_usd"]')).toHaveAttribute('data-value', '0.00000520001');
  await expect(frame.locator('form.inputs')).toHaveCount(0);
  await expectFitted(p);
  const [popup] = await Promise.all([context.waitForEvent('page'), frame.getByTestId('open-in-lambda-lab').click()]);
  await popup.waitForLoadState();
  // A link without v is today's version (free tier on, as the navigation's
  // page); the link out writes its version.
  expect(popup.url()).toContain('/lambda-lab/calculators/power/?v=4&power_tuning=');
  expect(p.frames()[1].url()).toContain('/embed/power/');
  expect([...origins].sort()).toEqual([new URL(host.url).origin, new URL(SITE).origin].sort());
  expect(errors).toEqual([]);
  await context.close();
  await host.close();
});

test('the Embed dialog previews the embed and its snippet reproduces it on another site', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(SITE).origin });
  const p = await context.newPage();
  const errors = collectErrors(p);
  await p.goto('calculators/cost/?v=1&memory_mb=2048&arch=arm64&requests=5000000');
  await appReady(p);
  await p.getByTestId('embed-button').click();
  const dialog = p.getByRole('dialog', { name: /Embed this calculator/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Chart').check();
  await dialog.getByLabel('Region').check();
  await dialog.getByLabel('Theme').selectOption('dark');
  const preview = p.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.locator('.part[data-part="chart"]')).toBeVisible();
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
  const previewTotal = await preview.locator('[data-metric="total_usd"]').first().getAttribute('data-value');
  const snippet = await dialog.getByTestId('snippet-script').inputValue();
  expect(snippet).toContain('embed.js');
  expect(snippet).toContain('show=result,inputs,chart');
  expect(snippet).toContain('lock=region');
  // The copy button says what really happened.
  await dialog.getByRole('button', { name: 'Copy HTML with auto-height' }).click();
  await expect(dialog.getByTestId('embed-copy-status')).toHaveText('HTML with auto-height copied.');
  expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  // Its height in the snippet is the preview's, measured.
  const previewHeight = await p.getByTestId('embed-preview').evaluate((f) => f.getBoundingClientRect().height);
  const snippetHeight = Number(snippet.match(/height="(\d+)"/)[1]);
  expect(Math.abs(snippetHeight - previewHeight)).toBeLessThanOrEqual(10);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Pasted into a page on another site, with its script.
  const host = await hostPages({ 'snippet.html': page(`<div style="width:600px">${snippet}</div>`) });
  const origins = watchOrigins(context);
  const hp = await context.newPage();
  const hostErrors = collectErrors(hp);
  await hp.goto(`${host.url}snippet.html`);
  const frame = hp.frameLocator('iframe');
  await expect(frame.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', previewTotal);
  await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(frame.locator('.part[data-part="chart"]')).toBeVisible();
  await expect(frame.locator('.part[data-part="table"]')).toHaveCount(0);
  await expect(frame.getByLabel('Architecture')).toHaveValue('arm64');
  await expandAndFollow(hp, frame);
  await expect(frame.getByLabel('Region')).toBeDisabled();
  await expectFitted(hp);
  const [popup] = await Promise.all([context.waitForEvent('page'), frame.getByTestId('open-in-lambda-lab').click()]);
  await popup.waitForLoadState();
  // New snippets pin today's price table (issue 24), and the link keeps the pin.
  expect(popup.url()).toMatch(/\/lambda-lab\/calculators\/cost\/\?v=4&arch=arm64&memory_mb=2048&requests=5000000&prices=\d{4}-\d{2}-\d{2}$/);
  expect([...origins].sort()).toEqual([new URL(host.url).origin, new URL(SITE).origin].sort());
  expect(errors).toEqual([]);
  expect(hostErrors).toEqual([]);
  await context.close();
  await host.close();
});

test('embed.js resizes only iframes from its own site, and only from their own window', async ({ browser }) => {
  const spoof = (h) => `<script>parent.postMessage(JSON.stringify({context:'iframe.resize',height:${h}}),'*')</script>`;
  const host = await hostPages({
    'other.html': `<!doctype html><title>other</title><link rel="icon" href="data:,">${spoof(4444)}`,
    'spoof.html': page(`
      <iframe id="ours" src="${SITE}embed/cost/" style="width:600px;height:100px;border:0" title="ours"></iframe>
      <iframe id="other" src="other.html" style="width:600px;height:100px;border:0" title="other"></iframe>
      <script async src="${SITE}embed.js"></script>
      <script>setTimeout(() => window.postMessage(JSON.stringify({ context: 'iframe.resize', height: 3333 }), '*'), 300);</script>`),
  });
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.goto(`${host.url}spoof.html`);
  await expect(p.frameLocator('#ours').locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', /.+/);
  await expectFitted(p);
  // The other frame re-sends once it has loaded, in case embed.js came later.
  await p.locator('#other').evaluate((f) => { f.src = 'other.html?again'; });
  await p.waitForTimeout(800);
  expect(await p.locator('#other').evaluate((f) => f.getBoundingClientRect().height)).toBe(100);
  const ours = await p.locator('#ours').evaluate((f) => f.getBoundingClientRect().height);
  expect([3333, 4444]).not.toContain(ours);
  await context.close();
  await host.close();
});

test('an embed page names the oEmbed endpoint, and the static oEmbed file still describes its iframe', async ({ page, request }) => {
  await page.goto('embed/cost/');
  const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
  const discovery = new URL(href);
  expect(discovery.pathname).toBe('/oembed');
  expect(discovery.searchParams.get('url')).toBe(new URL('calculators/cost/', SITE).href);
  expect((await (await request.get(href)).json()).html).toContain('/lambda-lab/embed/cost/"');
  // A build without an endpoint names this file instead.
  const json = await (await request.get('oembed/cost.json')).json();
  expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Lambda Lab', title: 'Lambda cost calculator', width: 600 });
  expect(json.html).toMatch(/^<blockquote data-lambda-lab-fallback><a href="[^"]+\/lambda-lab\/calculators\/cost\/">Lambda cost calculator<\/a>: \$0\.40 a month for 3,000,000 requests/);
  expect(json.html).toMatch(/<\/blockquote><iframe src="[^"]+\/lambda-lab\/embed\/cost\/" width="600" height="\d+" title="Lambda cost calculator \(Lambda Lab\)" frameborder="0"><\/iframe>$/);
  expect(json.height).toBeGreaterThan(200);
});

for (const scheme of ['light', 'dark']) {
  for (const route of ['embed/cost/?memory_mb=512', 'embed/power/', 'embed/cold-start/', 'embed/traffic/?sim_seconds=600', 'embed/account/']) {
    test(`/${route} at 320 px fits and has no WCAG 2.2 AA violations (${scheme})`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 700 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(route);
      await appReady(page);
      await expect(page.locator('#app [data-metric]').first()).toHaveAttribute('data-value', /.+/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    });
  }
}
