// Redeploys (issue 28): a reader with a page of the old build open, or who
// comes back after a deploy, is never stranded. The host here behaves like
// GitHub Pages (every file `Cache-Control: max-age=600`, ETags) and can switch
// from one deploy to the next while pages are open; deploy B is deploy A with
// every content hash renamed, as a code change renames every module, and a
// marker in each page's head to tell the builds apart.
import { test, expect, appReady } from './fixtures.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const DIST = process.env.LAMBDA_LAB_DIST;
const PREFIX = '/lambda-lab/';
const NEW_VERSION = 'A new version of Lambda Lab is ready — reload to continue.';

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

/** A copy of `src` as deploy `name`: every content hash changed, a new worker version. */
function deploy(src, name, renameHashes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lambda-lab-deploy-${name}-`));
  const all = walk(src);
  const hashes = new Set();
  for (const p of all) for (const m of path.relative(src, p).matchAll(/-([0-9a-f]{12,16})(?=[/.]|$)/g)) hashes.add(m[1]);
  const next = (h) => [...h].map((c) => ((parseInt(c, 16) + 7) % 16).toString(16)).join('');
  const rename = (s) => {
    if (!renameHashes) return s;
    for (const h of hashes) s = s.split(h).join(next(h));
    return s;
  };
  for (const p of all) {
    const rel = path.relative(src, p);
    if (rel.endsWith('.gz')) continue;
    const out = path.join(dir, rename(rel));
    if (fs.statSync(p).isDirectory()) {
      fs.mkdirSync(out, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (/\.(html|js|css|json|xml|txt)$/.test(p)) {
      let text = rename(fs.readFileSync(p, 'utf8'));
      if (rel === 'sw.js') text = text.replace(/const VERSION = "([^"]+)";/, `const VERSION = "$1-${name}";`);
      if (p.endsWith('.html')) text = text.replace('<head>', `<head>\n<meta name="deploy" content="${name}">`);
      fs.writeFileSync(out, text);
    } else {
      fs.copyFileSync(p, out);
    }
  }
  return dir;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml' };

/** A host like GitHub Pages serving whichever deploy `site.root` names. */
async function pagesHost(root) {
  const site = { root, log: [] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://host');
    const p = decodeURIComponent(url.pathname);
    if (!p.startsWith(PREFIX)) { res.writeHead(404); res.end(); return; }
    let file = path.join(site.root, p.slice(PREFIX.length));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!p.endsWith('/')) { res.writeHead(301, { Location: `${p}/${url.search}` }); res.end(); return; }
      file = path.join(file, 'index.html');
    }
    const found = fs.existsSync(file);
    site.log.push({ path: p, method: req.method, status: found ? 200 : 404 });
    const body = fs.readFileSync(found ? file : path.join(site.root, '404.html'));
    const etag = `"${crypto.createHash('md5').update(body).digest('hex')}"`;
    const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'max-age=600', ETag: etag };
    if (found && req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
    res.writeHead(found ? 200 : 404, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  site.url = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  site.close = () => new Promise((r) => server.close(r));
  return site;
}

const deployOf = (page) => page.locator('meta[name="deploy"]').getAttribute('content');
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

/** Accepts the new version from the banner, as a returning reader does. */
async function acceptUpdate(page) {
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.getByTestId('update-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), banner.getByRole('button', { name: 'Reload' }).click()]);
  await appReady(page);
}

let A;
let B;
test.beforeAll(() => {
  A = deploy(DIST, 'A', false);
  B = deploy(DIST, 'B', true);
});
test.afterAll(() => {
  for (const d of [A, B]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

test('a reader without an offline copy: an open page says a new version is ready, Reload gives the new build, visited pages stay offline', async ({ browser }) => {
  test.setTimeout(240_000);
  const host = await pagesHost(A);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.url}calculators/cost/?memory_mb=512&requests=20000000`);
  await appReady(page);
  await controlled(page);
  // Visited only before the deploy: it must still open offline after it.
  await page.goto(`${host.url}calculators/managed-instances/`);
  await appReady(page);
  await page.goto(`${host.url}lessons/02-memory-is-cpu/`);
  await appReady(page);
  expect(await deployOf(page)).toBe('A');
  const cost = await context.newPage();
  await cost.goto(`${host.url}calculators/cost/?memory_mb=512&requests=20000000`);
  await appReady(cost);

  // Deploy B while the lesson is open at its first step (no calculator yet).
  // The browser's HTTP cache still holds build A's pages (max-age=600).
  host.root = B;
  await page.getByTestId('step-nav-bottom').getByRole('link', { name: /Next/ }).click();
  const status = page.getByTestId('module-status');
  await expect(status).toHaveText(NEW_VERSION, { timeout: 30_000 });
  await expect(status).not.toContainText('offline');
  await expect(page.getByTestId('update-banner')).toBeVisible();

  // The Embed button on a calculator page of build A, opened before the
  // deploy, says the same, never "offline" or "({})".
  await cost.getByTestId('embed-button').click();
  await expect(cost.locator('#app')).toContainText(NEW_VERSION, { timeout: 30_000 });
  await expect(cost.locator('#app')).not.toContainText('({})');
  await expect(cost.locator('#app')).not.toContainText('offline');
  await cost.close();

  // Reload from the banner: the new build, its pages and modules, no 404.
  const before = host.log.length;
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('update-banner').getByRole('button', { name: 'Reload' }).click()]);
  await appReady(page);
  expect(await deployOf(page)).toBe('B');
  await expect(page.locator('#app [data-metric]').first()).toBeVisible({ timeout: 30_000 });
  // A page fetched from A minutes ago (max-age=600) is B's now.
  await page.goto(`${host.url}calculators/cost/?memory_mb=512&requests=20000000`);
  await appReady(page);
  expect(await deployOf(page)).toBe('B');
  await expect(page.locator('#app [data-metric="total_usd"]').first()).toHaveAttribute('data-value', '17.13336');
  expect(host.log.slice(before).filter((r) => r.status === 404)).toEqual([]);
  const caches = await page.evaluate(() => caches.keys());
  expect(caches.filter((c) => c.startsWith('lambda-lab-') && c !== 'lambda-lab-meta')).toHaveLength(2);

  // The pages visited before the update stay available offline after it.
  await context.setOffline(true);
  await page.goto(`${host.url}calculators/cost/?memory_mb=1024&requests=20000000`);
  await appReady(page);
  expect(await deployOf(page)).toBe('B');
  await expect(page.locator('#app [data-metric="total_usd"]').first()).toHaveAttribute('data-value', /^\d/);
  await page.goto(`${host.url}lessons/02-memory-is-cpu/`);
  await appReady(page);
  expect(await deployOf(page)).toBe('B');
  await expect(page.locator('h1')).not.toHaveText('You are offline');
  await page.goto(`${host.url}calculators/managed-instances/`);
  await appReady(page);
  expect(await deployOf(page)).toBe('B');
  await expect(page.locator('#app [data-metric="total_usd"]').first()).toHaveAttribute('data-value', /^\d/);
  expect(errors).toEqual([]);
  await context.close();
  await host.close();
});

test('a reader with an offline copy: an open page of the old build loads its modules on demand, and the new build is saved whole', async ({ browser }) => {
  test.setTimeout(300_000);
  const host = await pagesHost(A);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.url}about/`);
  const box = page.locator('[data-offline]');
  await expect(box).toHaveAttribute('data-offline-state', 'online', { timeout: 30_000 });
  await box.getByRole('button', { name: 'Make available offline' }).click();
  await expect(box).toHaveAttribute('data-offline-state', 'ready', { timeout: 150_000 });
  await page.goto(`${host.url}lessons/02-memory-is-cpu/`);
  await appReady(page);

  host.root = B;
  // Some time later: the browser's HTTP cache (max-age=600) no longer holds build A's files.
  await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
  // In another tab the reader accepts the new version: build B's worker takes
  // over every tab, the lesson of build A included.
  const other = await context.newPage();
  await other.goto(`${host.url}calculators/`);
  await appReady(other);
  await acceptUpdate(other);
  expect(await deployOf(other)).toBe('B');
  await other.close();
  expect(await deployOf(page)).toBe('A');
  await page.getByTestId('step-nav-bottom').getByRole('link', { name: /Next/ }).click();
  // Build A's power module comes from A's saved copy, kept for open pages:
  // the calculator runs.
  await expect(page.locator('#app [data-metric="best_memory_mb"]').first()).toHaveAttribute('data-value', /^\d+$/, { timeout: 30_000 });
  await expect(page.getByTestId('module-status')).toHaveCount(0);

  await page.reload();
  await appReady(page);
  expect(await deployOf(page)).toBe('B');
  await page.goto(`${host.url}about/`);
  await expect(page.locator('[data-offline]')).toHaveAttribute('data-offline-state', 'ready', { timeout: 30_000 });

  // Offline, pages never visited run on build B.
  await context.setOffline(true);
  for (const [route, metric] of [['calculators/power/', 'best_memory_mb'], ['calculators/managed-instances/', 'total_usd'], ['lessons/09-doing-less/?step=2', null]]) {
    await page.goto(`${host.url}${route}`);
    await appReady(page);
    expect(await deployOf(page), route).toBe('B');
    if (metric) await expect(page.locator(`#app [data-metric="${metric}"]`).first()).toHaveAttribute('data-value', /^\d/);
  }
  expect(errors).toEqual([]);
  await context.close();
  await host.close();
});
