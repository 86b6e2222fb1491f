// Issue 26: a calculator link shows its own first figures before the
// interactive module, computed by the calculator's small figures module
// (the engine alone), in the places the calculator then takes over; never
// the defaults or any other value first; without JavaScript, the defaults,
// said to be the defaults; and no layout shift on the way.
import { test, expect, appReady } from './fixtures.js';

// Every load here reaches the network: a service worker would answer the
// interactive module from its cache, past the routes that block it.
test.use({ serviceWorkers: 'block' });

const PT_HASH = 'gAAAAQACAAQABg==;AAAWRQAAlkQAABZEAACWQwAAlkM=;rMWnNqzFpzasxac2rMWnNoKo+zY=';
const LINKS = [
  { slug: 'cost', query: 'memory_mb=1024&requests=20000000&duration_ms=120', metric: 'total_usd', text: '$37.13' },
  { slug: 'power', query: `power_tuning=${encodeURIComponent(`https://lambda-power-tuning.show/#${PT_HASH}`)}`, metric: 'best_memory_mb' },
  { slug: 'cold-start', query: 'runtime=java21&memory_mb=2048&init_work_ms=300', metric: 'init_p50_ms' },
  { slug: 'traffic', query: 'rate_per_s=40&duration_ms=250', metric: 'cold_start_ratio' },
  { slug: 'managed-instances', query: 'ec2_discount_pct=72&requests=500000000', metric: 'total_usd' },
  { slug: 'microvms', query: 'sessions=250&session_s=1800', metric: 'total_usd' },
  { slug: 'platforms', query: 'requests=900000000&duration_ms=80', metric: 'cheapest_usd' },
  // Two functions priced as one account (each function's query in an `f=`).
  {
    slug: 'account',
    query: `f=${encodeURIComponent('memory_mb=2048&requests=30000000')}&f=${encodeURIComponent('arch=arm64&requests=90000000')}&free_tier_order=arm64_first`,
    metric: 'total_usd',
  },
];

/** The figure as the interactive calculator shows it for this address. */
async function fromTheCalculator(page, url, metric) {
  await page.goto(url);
  await appReady(page);
  await expect(page.locator('[data-testid="first-figures"]')).toHaveCount(0);
  const el = page.locator(`#app [data-metric="${metric}"]`).first();
  await expect(el).toHaveAttribute('data-value', /.+/);
  return { value: await el.getAttribute('data-value'), text: (await el.textContent()).trim() };
}

for (const mode of ['calculators', 'embed']) {
  for (const link of LINKS) {
    test(`${mode}/${link.slug}: a link's own first figure comes from the figures module alone, as the calculator then shows it`, async ({ page, consoleErrors }) => {
      const url = `${mode}/${link.slug}/?${link.query}`;
      const want = await fromTheCalculator(page, url, link.metric);
      if (link.text) expect(want.text).toBe(link.text);
      // Now without the interactive module: only the page, the shared assets and the figures module.
      await page.route('**/modules/**', (route) => route.abort());
      await page.goto(url);
      const card = page.locator('[data-testid="first-figures"]');
      await expect(card).toHaveClass(/ff-done/);
      const figure = card.locator(`[data-metric="${link.metric}"]`);
      await expect(figure).toBeVisible();
      await expect(figure).toHaveAttribute('data-value', want.value);
      await expect(figure).toHaveText(want.text);
      await expect(card.locator('.ff-yours')).toBeVisible();
      await expect(card.locator('.ff-yours')).toHaveText('For the values in your link.');
      await expect(card.locator('.ff-defaults')).toBeHidden();
      await expect(card.locator('.ff-wait')).toBeHidden();
      // (The aborted module logs its failure; nothing else may.)
      expect(consoleErrors.filter((e) => !/modules\//.test(e) && !/ERR_FAILED|net::/.test(e))).toEqual([]);
    });
  }
}

for (const link of [LINKS[0], LINKS[LINKS.length - 1]]) {
  test(`${link.slug}: a deep link never shows another value before its own, and the page does not shift`, async ({ page }) => {
    const want = await fromTheCalculator(page, `calculators/${link.slug}/?${link.query}`, link.metric);
    await page.addInitScript((metric) => {
      window.__seen = [];
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
      const look = () => {
        for (const el of document.querySelectorAll(`[data-metric="${metric}"]`)) {
          const r = el.getBoundingClientRect();
          // (Painted: nothing is on screen before the stylesheet.)
          const painted = performance.getEntriesByType('paint').length > 0;
          const shown = painted && r.width > 0 && getComputedStyle(el).visibility !== 'hidden' && el.textContent.trim() !== '';
          if (shown && window.__seen[window.__seen.length - 1] !== el.textContent.trim()) window.__seen.push(el.textContent.trim());
        }
        // (Until the calculator is ready and something has been painted: a
        // warm cache can make it ready before the first paint.)
        if (document.documentElement.dataset.app !== 'ready' || !performance.getEntriesByType('paint').length) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, link.metric);
    for (const [width, height] of [[1280, 800], [375, 740]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`calculators/${link.slug}/?${link.query}`);
      await appReady(page);
      await page.waitForTimeout(500);
      const { seen, cls } = await page.evaluate(() => ({ seen: window.__seen, cls: window.__cls }));
      expect(seen.length, `${width}px: seen nothing`).toBeGreaterThan(0);
      expect(seen.every((t) => t === want.text), `${width}px: seen ${seen.join(', ')}, want ${want.text}`).toBe(true);
      expect(cls, `${width}px`).toBeLessThanOrEqual(0.02);
    }
  });
}

test('with the figures module missing, a deep link shows no figure until the calculator does, never the defaults', async ({ page }) => {
  await page.route('**/figures/**', (route) => route.abort());
  await page.route('**/modules/**', (route) => route.abort());
  await page.goto('calculators/cost/?memory_mb=1024&requests=20000000&duration_ms=120');
  await expect(page.getByTestId('module-status')).toContainText(/could not be loaded|offline/);
  const figure = page.locator('[data-testid="first-figures"] [data-metric="total_usd"]');
  await expect(figure).toBeHidden();
  await expect(page.locator('.ff-wait')).toBeVisible();
  await expect(page.locator('.ff-wait')).toHaveText('Working out the figures for your link …');
  await expect(page.locator('.ff-defaults')).toBeHidden();
});

test('invalid values in a link show no first figure; the calculator says what is valid', async ({ page }) => {
  await page.goto('calculators/cost/?memory_mb=7');
  await appReady(page);
  await expect(page.locator('[role="alert"], .error-box, .error-text').first()).toContainText(/128/);
});

test('account: a link with a value that is not valid shows no first figure; the page names it and what it uses', async ({ page }) => {
  const q = `f=${encodeURIComponent('memory_mb=7')}&f=${encodeURIComponent('memory_mb=512')}`;
  await page.route('**/modules/**', (route) => route.abort());
  await page.goto(`calculators/account/?${q}`);
  await expect(page.locator('.ff-wait')).toBeVisible();
  await expect(page.locator('[data-testid="first-figures"] [data-metric="total_usd"]')).toBeHidden();
  await page.unroute('**/modules/**');
  await page.goto(`calculators/account/?${q}`);
  await appReady(page);
  await expect(page.locator('.error-box')).toContainText('Function 1:');
  await expect(page.locator('.error-box')).toContainText('the total uses their defaults');
  await expect(page.locator('#app [data-metric="total_usd"]')).toHaveText(/^\$\d/);
});

test('without JavaScript, each calculator page shows its default figures and says they are the defaults', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const link of LINKS) {
    await page.goto(`calculators/${link.slug}/?${link.query}`);
    const card = page.locator('[data-testid="first-figures"]');
    await expect(card.locator(`[data-metric="${link.metric}"]`)).toBeVisible();
    await expect(card.locator(`[data-metric="${link.metric}"]`)).toHaveText(/\d/);
    await expect(card.locator('.ff-defaults')).toBeVisible();
    await expect(card.locator('.ff-defaults')).toHaveText("With the calculator's default values.");
    await expect(card.locator('.ff-wait')).toBeHidden();
  }
  await context.close();
});

test('the default figures written at build time are the calculator\'s own', async ({ page }) => {
  for (const link of LINKS) {
    const want = await fromTheCalculator(page, `calculators/${link.slug}/`, link.metric);
    await page.route('**/modules/**', (route) => route.abort());
    await page.goto(`calculators/${link.slug}/`);
    const figure = page.locator(`[data-testid="first-figures"] [data-metric="${link.metric}"]`);
    await expect(figure).toBeVisible();
    await expect(figure).toHaveAttribute('data-value', want.value);
    await expect(figure).toHaveText(want.text);
    await page.unroute('**/modules/**');
  }
});

test("a lesson's calculator shows its first figures from the page, and keeps them until its own module mounts", async ({ page }) => {
  // The figure as the live calculator shows it.
  await page.goto('lessons/01-billing/');
  await appReady(page);
  const live = page.locator('.lesson-step .lesson-calc [data-metric="total_usd"]').first();
  await expect(live).toHaveAttribute('data-value', /.+/);
  const want = { value: await live.getAttribute('data-value'), text: (await live.textContent()).trim() };
  // No module at all: the page's own first figures, for the step's values.
  await page.route('**/modules/**', (route) => route.abort());
  await page.goto('lessons/01-billing/');
  const first = page.locator('.lesson-step .lesson-calc [data-testid="lesson-first-figures"] [data-metric="total_usd"]').first();
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('data-value', want.value);
  await expect(first).toHaveText(want.text);
  await page.unroute('**/modules/**');
  // The lessons module mounted, the calculator's module not yet (held back):
  // the calculator's place shows the same figures, once.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/modules/cost-*/**', async (route) => { await held; await route.continue(); });
  await page.goto('lessons/01-billing/');
  await appReady(page);
  const waiting = page.locator('.lesson-step .lesson-calc .module-host [data-metric="total_usd"]').first();
  await expect(waiting).toBeVisible();
  await expect(waiting).toHaveAttribute('data-value', want.value);
  await expect(page.locator('.lesson-step .lesson-calc').first().locator('[data-metric="total_usd"]')).toHaveCount(1);
  release();
  await expect(page.locator('.lesson-step .lesson-calc [data-testid="lesson-first-figures"]')).toHaveCount(0);
  await expect(live).toHaveAttribute('data-value', want.value);
});

// The takeover keeps a link's first figure where it stood: its place in the
// document once its figures module has written it and after the calculator
// has taken over (for the traffic simulator, after its own run's result),
// at a desktop and a phone width on each page and at two widths of an
// embed; the figure never leaves the screen on the way (the simulator keeps
// the first figures until its result is there), and nothing shifts.
for (const [mode, widths] of [['calculators', [[1280, 800], [375, 740]]], ['embed', [[375, 740], [700, 800]]]]) {
  test(`${mode}: each calculator takes over its link's first figure where it stood, with no gap and no shift`, async ({ page }) => {
    test.setTimeout(240_000);
    // The interactive module comes a little later, as on a real network, so
    // the first figures are on screen before the takeover.
    await page.route('**/modules/**', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.addInitScript(() => {
      const metric = new URLSearchParams(location.hash.slice(1)).get('m');
      const t = (window.__track = { shown: false, gaps: 0, first: null, last: null, cls: 0 });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) t.cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
      const look = () => {
        if (performance.getEntriesByType('paint').length > 0) {
          const el = [...document.querySelectorAll(`#app [data-metric="${metric}"]`)]
            .find((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && e.textContent.trim() !== '');
          if (el) {
            const at = { y: Math.round(el.getBoundingClientRect().top + window.scrollY), text: el.textContent.trim() };
            if (!t.shown) t.first = at;
            t.shown = true;
            t.last = at;
          } else if (t.shown) {
            t.gaps += 1;
          }
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    for (const [width, height] of widths) {
      await page.setViewportSize({ width, height });
      for (const link of LINKS) {
        const what = `${mode}/${link.slug} at ${width}px`;
        await page.goto(`${mode}/${link.slug}/?${link.query}#m=${link.metric}`);
        await appReady(page);
        // The simulator's own run: its result replaces the first figures it kept.
        await expect(page.locator('[data-testid="sim-first-figures"]')).toHaveCount(0, { timeout: 30_000 });
        await page.waitForTimeout(300);
        const t = await page.evaluate(() => window.__track);
        expect(t.shown, `${what}: no figure`).toBe(true);
        expect(t.last.text, `${what}: the figure changed`).toBe(t.first.text);
        expect(Math.abs(t.last.y - t.first.y), `${what}: the figure moved from ${t.first.y} to ${t.last.y}`).toBeLessThanOrEqual(2);
        expect(t.gaps, `${what}: frames without the figure`).toBe(0);
        expect(t.cls, `${what}: layout shift`).toBeLessThanOrEqual(0.02);
      }
    }
  });
}

test('traffic: the first figures are the simulator\'s key figures, in its order and words', async ({ page }) => {
  const url = 'calculators/traffic/?rate_per_s=40&duration_ms=250';
  await page.route('**/modules/**', (route) => route.abort());
  await page.goto(url);
  await expect(page.locator('[data-testid="first-figures"]')).toHaveClass(/ff-done/);
  const first = await page.locator('[data-testid="first-figures"] .kpi').evaluateAll((ks) => ks.map((k) => [k.querySelector('.label').textContent.trim(), k.querySelector('.value').textContent.trim()]));
  await page.unroute('**/modules/**');
  await page.goto(url);
  await appReady(page);
  await expect(page.locator('[data-testid="sim-first-figures"]')).toHaveCount(0, { timeout: 30_000 });
  const own = await page.locator('[data-part="result"] .kpi').evaluateAll((ks) => ks.map((k) => [k.querySelector('.label').textContent.trim(), k.querySelector('.value').textContent.trim()]));
  expect(first.length).toBeGreaterThan(4);
  expect(first).toEqual(own);
});
