// One function through every calculator (issue 13): an engineer sizing a
// Node.js API in eu-west-1 carries it from the cost page to the simulator,
// back with the simulated cold-start ratio, into the power explorer with
// REPORT lines at two sizes, and back to price the size it picks.
import { test, expect, appReady, metric } from './fixtures.js';

// Warm invocations at 512 and 1024 MB only, as a CloudWatch export has them.
function reportLines() {
  const lines = [];
  for (let i = 0; i < 20; i++) {
    lines.push(`REPORT RequestId: a${i}\tDuration: ${(262 + (i % 5)).toFixed(2)} ms\tBilled Duration: 265 ms\tMemory Size: 512 MB\tMax Memory Used: 140 MB`);
    lines.push(`REPORT RequestId: b${i}\tDuration: ${(151 + (i % 4)).toFixed(2)} ms\tBilled Duration: 153 ms\tMemory Size: 1024 MB\tMax Memory Used: 141 MB`);
  }
  return lines.join('\n');
}

async function figure(page, name) {
  const el = page.locator(`[data-metric="${name}"]`).first();
  await expect(el).toHaveAttribute('data-value', /.+/);
  return el.getAttribute('data-value');
}

async function typeInto(page, label, value) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.blur();
}

test('one function through cost, simulator, power and back, in one link', async ({ page, context, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.goto('calculators/cost/');
  await appReady(page);
  // Numbers as people type them; the link stays plain digits.
  await page.getByLabel('Region').selectOption('eu-west-1');
  await typeInto(page, 'Memory (MB)', '512');
  await typeInto(page, 'Duration (mean) (ms)', '250');
  await typeInto(page, 'Duration p99 (ms)', '900');
  await typeInto(page, 'Requests', '20,000,000');
  await typeInto(page, 'Cold-start ratio', '0.02');
  await typeInto(page, 'Init duration (ms)', '600');
  await expect(page).toHaveURL(/requests=20000000/);
  await expect(page).toHaveURL(/duration_p99_ms=900/);
  const guessed = Number(await figure(page, 'total_usd'));

  // Cost → simulator: 20 M a month is 7.61 requests a second.
  await page.getByRole('link', { name: 'Simulate this traffic' }).click();
  await appReady(page);
  await expect(page).toHaveURL(/calculators\/traffic\/\?/);
  await expect(page.locator('#p-rate_per_s')).toHaveValue(/^7\.61/);
  await expect(page.getByTestId('sim-monthly')).toContainText('A month of this traffic', { timeout: 60_000 });
  const simMonthly = await figure(page, 'monthly_usd');
  const simCold = await metric(page, 'cold_start_ratio');
  expect(simCold).toBeLessThan(0.002); // the guessed 2 % was far too high

  // Simulator → cost with the steady-state cold-start ratio: the same month, to the atto-dollar.
  await page.getByRole('link', { name: 'Use this cold-start ratio in cost' }).click();
  await appReady(page);
  await expect(page).toHaveURL(/calculators\/cost\/\?/);
  expect(await figure(page, 'total_usd')).toBe(simMonthly);
  expect(Number(simMonthly)).toBeLessThan(guessed);
  const ratio = Number(await page.getByLabel('Cold-start ratio', { exact: true }).inputValue());
  expect(ratio).toBeLessThan(0.002);
  await expect(page.getByLabel('Requests', { exact: true })).toHaveValue('20000000');

  // Cost → power, then measurements at 512 and 1024 MB only.
  await page.getByRole('link', { name: 'Tune memory' }).click();
  await appReady(page);
  await expect(page).toHaveURL(/calculators\/power\/\?/);
  await page.getByLabel('Paste CloudWatch REPORT lines').fill(reportLines());
  await page.getByRole('button', { name: 'Use these lines' }).click();
  await expect(page.getByTestId('report-summary')).toContainText('Read 40 REPORT lines at 2 memory size(s)');
  const best = await metric(page, 'best_memory_mb');
  expect([512, 1024]).toContain(best);
  await expect(page.getByTestId('fit-quality')).toContainText('says nothing about other sizes');
  await expect(page.locator('[data-metric="fit_r2"]')).toHaveCount(0);
  // The model prefers a size nobody measured: named, never the answer.
  const next = page.getByTestId('measure-next');
  await expect(next).toContainText(/worth measuring next/i);
  const nextMb = await metric(page, 'next_memory_mb');
  expect([512, 1024]).not.toContain(nextMb);
  await expect(page.getByTestId('sweep-table')).toContainText('measure next');
  const bestMonthly = await figure(page, 'best_monthly_usd');

  // Power → cost at the picked size: the cold starts typed earlier came along.
  await page.getByRole('link', { name: `Price ${best} MB in the cost calculator` }).click();
  await appReady(page);
  await expect(page.getByLabel('Memory (MB)', { exact: true })).toHaveValue(String(best));
  expect(Number(await page.getByLabel('Cold-start ratio', { exact: true }).inputValue())).toBe(ratio);
  await expect(page.getByLabel('Region')).toHaveValue('eu-west-1');
  // The power page's month for that size is this page's month without INIT
  // and without the lognormal spread the power page does not model.
  const total = Number(await figure(page, 'total_usd'));
  const init = Number(await figure(page, 'init_usd'));
  expect(total).toBeGreaterThan(0);
  const link = page.url();
  const totalExact = await figure(page, 'total_usd');

  // The whole scenario survives a copied link opened in a fresh context.
  const fresh = await context.browser().newContext({ baseURL: undefined });
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await appReady(p2);
  expect(await figure(p2, 'total_usd')).toBe(totalExact);
  await expect(p2.getByLabel('Memory (MB)', { exact: true })).toHaveValue(String(best));
  await fresh.close();

  // With the spread and INIT taken out, the cost page prices the size exactly as power does.
  const plain = new URL(link);
  plain.searchParams.set('duration_cv', '0');
  plain.searchParams.delete('duration_p99_ms');
  plain.searchParams.set('cold_start_ratio', '0');
  await page.goto(plain.toString());
  await appReady(page);
  expect(await figure(page, 'total_usd')).toBe(bestMonthly);
  expect(init).toBeGreaterThanOrEqual(0);
  expect(consoleErrors).toEqual([]);
});

test('"Copy link" says what the clipboard really did', async ({ page, consoleErrors }) => {
  // The real Clipboard object, with its writeText replaced: it succeeds, or
  // refuses when the address says so, as a browser may.
  await page.addInitScript(() => {
    window.__copied = [];
    Clipboard.prototype.writeText = function (t) {
      if (location.hash.includes('refuse')) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
      window.__copied.push(t);
      return Promise.resolve();
    };
  });
  await page.goto('calculators/cost/?memory_mb=512');
  await appReady(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => window.__copied)).toEqual([expect.stringContaining('memory_mb=512')]);
  await page.goto('calculators/cost/?memory_mb=256#refuse');
  await appReady(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByText('did not let the page copy')).toBeVisible();
  await expect(page.getByText('Link copied.')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

// Every chart canvas on every calculator page and in the lessons that embed
// the simulator is drawn: it has more than its background colour.
const PAGES = [
  ['calculators/cost/', 1],
  ['calculators/power/?points=128:2400,512:620,1024:330,2048:200', 1],
  ['calculators/cold-start/', 2],
  ['calculators/traffic/?sim_seconds=600', 5],
  ['calculators/account/', 0],
];

// A canvas is blank when it has fewer than three colours; it is drawn wrong
// when its background is not the theme's --bg (colours read from the
// stylesheet fell back to gray).
async function blankCanvases(page) {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
    document.body.append(probe);
    const bg = getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).join(',');
    probe.remove();
    const out = [];
    for (const c of document.querySelectorAll('canvas')) {
      if (!c.offsetParent || c.width === 0 || c.height === 0) continue;
      const name = c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || 'canvas';
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length && seen.size < 3; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
      if (seen.size < 3) out.push(`${name}: blank`);
      const corner = `${d[0]},${d[1]},${d[2]}`;
      if (corner !== bg) out.push(`${name}: background ${corner}, not the theme's ${bg}`);
    }
    return out;
  });
}

for (const [path, least] of PAGES) {
  test(`no chart is left blank on ${path}`, async ({ page, consoleErrors }) => {
    await page.goto(path);
    await appReady(page);
    if (path.includes('traffic')) {
      await expect(page.getByTestId('hist-summary')).toBeVisible({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Find the cheapest provisioned concurrency' }).click();
      await expect(page.getByTestId('advisor-summary')).toBeVisible({ timeout: 90_000 });
    }
    await page.waitForTimeout(300);
    const visible = await page.locator('canvas:visible').count();
    expect(visible).toBeGreaterThanOrEqual(least);
    expect(await blankCanvases(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

for (const lesson of ['04-cold-start-anatomy', '07-provisioned-and-snapstart']) {
  test(`no chart is left blank in lesson ${lesson}`, async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    await page.goto(`lessons/${lesson}/`);
    await appReady(page);
    const count = page.getByTestId('step-nav-top').getByTestId('step-count');
    await expect(count).toHaveText(/Step 1 of \d+/);
    const steps = Number((await count.textContent()).match(/of (\d+)/)[1]);
    let drawn = 0;
    for (let i = 1; i <= steps; i++) {
      if (i > 1) await page.keyboard.press('ArrowRight');
      await expect(count).toHaveText(`Step ${i} of ${steps}`);
      const calcs = page.locator('.lesson-step > .lesson-calc');
      for (let k = 0; k < await calcs.count(); k++) {
        await expect(calcs.nth(k).locator('[data-metric]').filter({ visible: true }).first()).toBeVisible({ timeout: 30_000 });
      }
      const hist = page.getByTestId('hist-summary');
      if (await hist.count()) await expect(hist.first()).toBeVisible({ timeout: 60_000 });
      await page.waitForTimeout(300);
      drawn += await page.locator('canvas:visible').count();
      expect(await blankCanvases(page), `step ${i}`).toEqual([]);
    }
    expect(drawn).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
}

test('editing a function in the account view keeps the focus where the reader tabbed', async ({ page, consoleErrors }) => {
  await page.goto('calculators/account/');
  await appReady(page);
  const before = await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value');
  const memory = page.getByLabel('Function 1 Memory', { exact: true });
  await memory.fill('2048');
  await page.keyboard.press('Tab');
  const duration = page.getByLabel('Function 1 Duration (mean)', { exact: true });
  await expect(duration).toBeFocused();
  await expect(page.locator('[data-metric="total_usd"]').first()).not.toHaveAttribute('data-value', before);
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Function 1 Requests per month', { exact: true })).toBeFocused();
  await expect(duration).toHaveValue(/5$/);
  // A second function; removing the first keeps the second's row and values,
  // renumbered.
  await page.getByRole('button', { name: 'Add a function' }).click();
  const second = page.getByLabel('Function 2 Memory', { exact: true });
  await second.fill('3008');
  await second.blur();
  await expect(page.locator('[data-metric="function_2_total_usd"]')).toHaveAttribute('data-value', /.+/);
  await page.getByRole('button', { name: 'Remove function 1' }).click();
  await expect(page.getByLabel('Function 1 Memory', { exact: true })).toHaveValue('3008');
  await expect(page.getByLabel('Function 2 Memory', { exact: true })).toHaveCount(0);
  await expect(page.locator('[data-metric="function_1_total_usd"]')).toHaveAttribute('data-value', /.+/);
  await expect(page).toHaveURL(/memory_mb%3D3008/);
  expect(consoleErrors).toEqual([]);
});
