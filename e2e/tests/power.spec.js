import { test, expect, appReady, metric } from './fixtures.js';

const REPORT_BLOCK = [
  '2026-11-23T10:00:00.000Z START RequestId: 1 Version: $LATEST',
  '2026-11-23T10:00:00.010Z\t1\tINFO\tprocessing order 42',
  'REPORT RequestId: a1\tDuration: 2398.51 ms\tBilled Duration: 2399 ms\tMemory Size: 128 MB\tMax Memory Used: 96 MB\tInit Duration: 310.22 ms',
  'REPORT RequestId: a2\tDuration: 2401.20 ms\tBilled Duration: 2402 ms\tMemory Size: 128 MB\tMax Memory Used: 97 MB',
  'END RequestId: 1',
  'REPORT RequestId: b1\tDuration: 1201.75 ms\tBilled Duration: 1202 ms\tMemory Size: 256 MB\tMax Memory Used: 97 MB',
  'REPORT RequestId: c1\tDuration: 601.02 ms\tBilled Duration: 602 ms\tMemory Size: 512 MB\tMax Memory Used: 98 MB',
  'some unrelated application output',
  'REPORT RequestId: d1\tDuration: 300.40 ms\tBilled Duration: 301 ms\tMemory Size: 1024 MB\tMax Memory Used: 98 MB',
  'REPORT RequestId: e1\tDuration: 190.10 ms\tBilled Duration: 191 ms\tMemory Size: 2048 MB\tMax Memory Used: 99 MB',
  'REPORT RequestId: broken\tBilled Duration: 5 ms',
].join('\n');

test('pasting REPORT lines with noise fits the model and recommends a size', async ({ page, consoleErrors }) => {
  await page.goto('calculators/power/');
  await appReady(page);
  await page.getByLabel('Paste CloudWatch REPORT lines').fill(REPORT_BLOCK);
  await page.getByRole('button', { name: 'Use these lines' }).click();
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText('Read 6 REPORT lines at 5 memory size(s): 5 warm, 1 cold');
  await expect(summary).toContainText('Skipped 4 other line(s)');
  await expect(summary).toContainText('1 REPORT line(s) without a usable Duration or Memory Size');
  await expect(page).toHaveURL(/points=128:2401.2,256:1201.75/);
  await expect(page).toHaveURL(/max_memory_used_mb=99/);
  const best = await metric(page, 'best_memory_mb');
  expect([128, 256, 512, 1024, 1536]).toContain(best);
  expect(await metric(page, 'fit_r2')).toBeGreaterThan(0.99);
  await page.getByLabel('Strategy', { exact: true }).selectOption('speed');
  await expect(page.locator('[data-metric="best_memory_mb"]').first()).toHaveAttribute('data-value', '2048');
  await expect(page.getByTestId('sweep-table')).toContainText('measured');
  await expect(page.getByTestId('power-chart-summary')).toContainText('5 measured sizes');
  expect(consoleErrors).toEqual([]);
});

test('a Power Tuning link is re-priced next to its own figures', async ({ page, consoleErrors }) => {
  const link = 'https://lambda-power-tuning.show/#gAAAAQACAAQABg==;AAAWRQAAlkQAABZEAACWQwAAlkM=;rMWnNqzFpzasxac2rMWnNoKo+zY=';
  await page.goto('calculators/power/');
  await appReady(page);
  await page.getByLabel('Power Tuning result').fill(link);
  const table = page.getByTestId('repriced-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(5);
  // 2400 ms × 0.125 GB × $0.0000166667 + $0.0000002 request fee = $0.00000520001
  expect(await metric(page, 'repriced_128_usd')).toBeCloseTo(0.00000520001, 12);
  await expect(table.locator('tbody tr').first()).toContainText('+4.0%');
  expect(consoleErrors).toEqual([]);
});

test('a malformed Power Tuning link gets a message, not a dead page', async ({ page, consoleErrors }) => {
  await page.goto('calculators/power/');
  await appReady(page);
  await page.getByLabel('Power Tuning result').fill('https://lambda-power-tuning.show/#gAAAAQA=;AAAWRQ==;rMWnNg==');
  await expect(page.getByTestId('error-summary')).toContainText('not a whole number of 2-byte values');
  expect(await metric(page, 'best_memory_mb')).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});

test('describing a function predicts Power Tuning example 2 (2.4 s at 128 MB → 300 ms at 1 GB)', async ({ page, consoleErrors }) => {
  await page.goto('calculators/power/?v=1&anchor_memory_mb=128&anchor_duration_ms=2400&cpu_fraction=1&memory_mb=1024');
  await appReady(page);
  expect(await metric(page, 'duration_ms')).toBeCloseTo(300, 6);
  await expect(page.getByTestId('versus')).toContainText('Against 1024 MB now');
  const csv = page.getByRole('link', { name: 'Export CSV' });
  expect(decodeURIComponent(await csv.getAttribute('href'))).toContain('memory_mb,duration_ms,source');
  expect(consoleErrors).toEqual([]);
});

test('points typed into the table are fitted and kept in the URL', async ({ page, consoleErrors }) => {
  await page.goto('calculators/power/');
  await appReady(page);
  for (const [mb, ms] of [['128', '1600'], ['1024', '220'], ['2048', '120']]) {
    await page.getByLabel('New point memory (MB)').fill(mb);
    await page.getByLabel('New point duration (ms)').fill(ms);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
  }
  await expect(page).toHaveURL(/points=128:1600,1024:220,2048:120/);
  // Three sizes: the model follows them by construction, so no R² is quoted.
  await expect(page.getByTestId('fit-quality')).toContainText('says nothing about other sizes');
  await expect(page.locator('[data-metric="fit_r2"]')).toHaveCount(0);
  for (const [mb, ms] of [['512', '400']]) {
    await page.getByLabel('New point memory (MB)').fill(mb);
    await page.getByLabel('New point duration (ms)').fill(ms);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
  }
  // Four sizes: a leave-one-out check, and the R² beside it.
  await expect(page.getByTestId('fit-quality')).toContainText('Leave-one-out check over 4 sizes');
  expect(await metric(page, 'fit_r2')).toBeGreaterThan(0.9);
  await page.getByRole('button', { name: 'Remove point 4' }).click();
  await page.getByRole('button', { name: 'Remove point 3' }).click();
  await expect(page).toHaveURL(/points=128:1600,1024:220(&|$)/);
  await page.getByLabel('Point 1 duration (ms)').fill('banana');
  await page.getByLabel('Point 1 duration (ms)').blur();
  await expect(page.getByTestId('error-summary')).toContainText('memory:duration pairs');
  expect(consoleErrors).toEqual([]);
});
