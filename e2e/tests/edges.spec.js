// Issue 28's edges on the page: sizes AWS does not provision, and pages that
// open on an invalid link (whose figures are the defaults', never "the last
// valid inputs": there were none).
import { test, expect, appReady, metric } from './fixtures.js';

test('Managed Instances refuses an environment between two whole vCPUs and names the sizes that exist', async ({ page, consoleErrors }) => {
  await page.goto('calculators/managed-instances/?memory_mb=4097&requests=1000000000');
  await appReady(page);
  await expect(page.locator('#app')).toContainText('at 2 GB per vCPU an environment has one vCPU per 2,048 MB');
  await expect(page.locator('#app')).toContainText('4,096 MB or 6,144 MB, not 4,097');
  const note = page.getByTestId('stale-note');
  await expect(note).toContainText('With the default');
  await expect(note).not.toContainText('last valid');
  // A size that exists is taken; typed wrong again, the figures stay 4,096 MB's.
  const memory = page.getByLabel('Memory per execution environment (MB)');
  await memory.fill('4096');
  await memory.press('Enter');
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
  const four = await metric(page, 'total_usd');
  await memory.fill('4097');
  await memory.press('Enter');
  // Typed wrong after a valid size: now the last valid inputs are 4,096 MB's.
  await expect(page.getByTestId('stale-note')).toContainText('last valid');
  expect(await metric(page, 'total_usd')).toBe(four);
  expect(consoleErrors).toEqual([]);
});

test('an account link with an invalid value says its total uses the default, not "the last valid result"', async ({ page }) => {
  await page.goto('calculators/account/?f=memory_mb%3D99999%26requests%3D1000000');
  await appReady(page);
  const box = page.locator('.error-box');
  await expect(box).toContainText('Function 1:');
  await expect(box).toContainText('These values from the link could not be used; the total uses their defaults.');
  await expect(box).not.toContainText('last valid');
  await expect(page.locator('#app [data-metric="total_usd"]').first()).toHaveAttribute('data-value', /^\d/);
});

for (const [route, needle] of [
  ['calculators/traffic/?rate_per_s=100000&sim_seconds=31536000', 'Simulated time (sim_seconds): that is about'],
  ['calculators/power/?candidates=128,256&max_memory_used_mb=1000', 'Max Memory Used (max_memory_used_mb): every one of the Candidate sizes (candidates)'],
]) {
  test(`a message names its field as "Label (key)": ${route.split('?')[0]}`, async ({ page }) => {
    await page.goto(route);
    await appReady(page);
    await expect(page.locator('#app')).toContainText(needle);
    await expect(page.locator('#app')).not.toContainText('last valid');
  });
}

test('the presenter view fetches the teaching module only; the lesson view the lessons module only', async ({ page, consoleErrors }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('lessons/01-billing/?view=present&step=two-meters');
  await appReady(page);
  expect(fetched.filter((p) => p.includes('/modules/teach-')).length).toBeGreaterThan(0);
  expect(fetched.filter((p) => p.includes('/modules/lessons-'))).toEqual([]);
  fetched.length = 0;
  await page.goto('lessons/02-memory-is-cpu/');
  await appReady(page);
  expect(fetched.filter((p) => p.includes('/modules/lessons-')).length).toBeGreaterThan(0);
  expect(fetched.filter((p) => p.includes('/modules/teach-'))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a large paste is read without being kept in the box, with progress, Cancel and the exact count', async ({ browser }) => {
  const base = test.info().project.use.baseURL;
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}calculators/power/`);
  await appReady(page);
  // About 3 MB of REPORT lines with Windows line ends, and a character
  // written as two UTF-16 units in every line (so pieces end mid-character).
  const lines = await page.evaluate(async () => {
    const sizes = [512, 1024, 2048];
    const parts = [];
    let n = 0;
    let i = 0;
    while (n < 3_000_000) {
      const m = sizes[i % 3];
      const l = `2026-12-01T10:00:00.000Z 🚀\tREPORT RequestId: ${i}\tDuration: ${(102400 / m + (i % 7)).toFixed(2)} ms\tBilled Duration: 300 ms\tMemory Size: ${m} MB\tMax Memory Used: 90 MB\r\n`;
      parts.push(l);
      n += l.length;
      i += 1;
    }
    await navigator.clipboard.writeText(parts.join(''));
    return i;
  });
  await page.focus('#report-lines');
  await page.keyboard.press('Control+V');
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText(`Read ${lines.toLocaleString('en-US')} REPORT lines at 3 memory size(s): ${lines.toLocaleString('en-US')} warm, 0 cold. Skipped 0 other line(s).`, { timeout: 60_000 });
  await expect(page.locator('#report-lines')).toHaveValue('');
  await expect(page).toHaveURL(/points=512:/);
  // A paste ten times the size, cancelled: nothing changes.
  const url = page.url();
  await page.evaluate(async () => {
    document.getElementById('report-lines').value = '';
    await navigator.clipboard.writeText((await navigator.clipboard.readText()).repeat(10));
  });
  await page.focus('#report-lines');
  await page.keyboard.press('Control+V');
  await page.getByTestId('report-cancel').click();
  await expect(summary).toHaveText('Stopped reading the lines; nothing was changed.');
  expect(page.url()).toBe(url);
  // A small paste goes into the box as usual.
  await page.evaluate(() => navigator.clipboard.writeText('REPORT RequestId: x\tDuration: 120.00 ms\tMemory Size: 256 MB\n'));
  await page.focus('#report-lines');
  await page.keyboard.press('Control+V');
  await expect(page.locator('#report-lines')).toHaveValue(/Memory Size: 256 MB/);
  expect(errors).toEqual([]);
  await context.close();
});
