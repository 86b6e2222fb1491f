import { test, expect, appReady, metric } from './fixtures.js';

test('cold-start model: runtime medians, breakdown and comparison', async ({ page, consoleErrors }) => {
  await page.goto('calculators/cold-start/?v=1&runtime=python3.12&memory_mb=512');
  await appReady(page);
  const p50 = await metric(page, 'init_p50_ms');
  expect(Math.abs(p50 - 84) / 84).toBeLessThan(0.1);
  expect(await metric(page, 'cold_latency_p99_ms')).toBeGreaterThan(await metric(page, 'cold_latency_p50_ms'));
  await expect(page.getByTestId('cold-breakdown-summary')).toContainText('A cold start of python3.12 takes');
  await page.getByText('Runtime data table').click();
  await expect(page.getByTestId('runtime-table').locator('tbody tr')).toHaveCount(34);
  // VPC adds about 100 ms, not 5–10 s.
  const before = await metric(page, 'cold_latency_p50_ms');
  await page.getByLabel('In a VPC').check();
  await expect.poll(async () => (await metric(page, 'cold_latency_p50_ms')) - before).toBeGreaterThan(90);
  expect((await metric(page, 'cold_latency_p50_ms')) - before).toBeLessThan(110);
  // SnapStart on Python 3.12 replaces Init with a restore; on Node it is refused.
  await page.getByLabel('SnapStart').check();
  await expect.poll(async () => metric(page, 'billed_init_ms')).toBe(0);
  await page.getByLabel('Runtime').selectOption('nodejs22.x');
  await expect(page.getByTestId('error-summary')).toContainText('SnapStart (snapstart) does not support nodejs22.x; it supports python3.14, python3.13, python3.12, java25, java21');
  expect(consoleErrors).toEqual([]);
});
