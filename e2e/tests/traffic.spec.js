import { test, expect, appReady, metric } from './fixtures.js';

test('a 1,000,000-request simulation runs in slices with a progress bar', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=1&rate_per_s=1000&sim_seconds=1000&duration_ms=100');
  await appReady(page);
  await expect(page.getByTestId('analytic')).toContainText('keeps 100 requests in flight');
  const progress = page.locator('#sim-progress');
  await expect(progress).toBeVisible();
  await expect(page.locator('[data-metric="requests"]')).toHaveAttribute('data-value', /.+/, { timeout: 60_000 });
  expect(Number(await progress.getAttribute('data-steps'))).toBeGreaterThan(1);
  expect(await progress.evaluate((p) => p.value)).toBe(1);
  const requests = await metric(page, 'requests');
  expect(requests).toBeGreaterThan(990_000);
  const cold = await metric(page, 'cold_start_ratio');
  expect(cold).toBeGreaterThan(0);
  expect(cold).toBeLessThan(0.01);
  const p99 = await metric(page, 'p99_ms');
  expect(p99).toBeGreaterThan(100);
  expect(p99).toBeLessThan(1000);
  await expect(page.getByTestId('hist-summary')).toContainText('Most requests took');
  const speed = await metric(page, 'sim_throughput_per_s');
  console.log(`budget: simulator in Chromium (wasm), ${(speed / 1e6).toFixed(2)} M requests/s on a 1,000,000-request run`);
  expect(consoleErrors).toEqual([]);
});

test('the same seed gives the same result, and Cancel stops a long run', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=1&rate_per_s=50&sim_seconds=3600&seed=7');
  await appReady(page);
  const first = await page.locator('[data-metric="cold_starts"]').getAttribute('data-value', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  expect(await page.locator('[data-metric="cold_starts"]').getAttribute('data-value')).toBe(first);
  await page.getByLabel('Simulated time (s)').fill('2000000');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Cancelled;')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the PC advisor recommends the cheapest size that meets the target', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=1&rate_per_s=2&duration_ms=500&idle_ttl_s=60&cold_start_ms=800&sim_seconds=20000');
  await appReady(page);
  await expect(page.locator('[data-metric="requests"]')).toHaveAttribute('data-value', /.+/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Find the cheapest provisioned concurrency' }).click();
  await expect(page.getByTestId('advisor-summary')).toContainText('The cheapest setting that meets the target is', { timeout: 60_000 });
  expect(await metric(page, 'pc_recommended_units')).toBeGreaterThan(0);
  await expect(page.getByTestId('advisor-table').locator('tbody tr').first()).toContainText('0');
  expect(consoleErrors).toEqual([]);
});

test('a bad trace gets a message and nothing runs', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=1&arrival=trace&trace=1,2,banana');
  await appReady(page);
  await expect(page.getByTestId('error-summary')).toContainText('banana');
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeDisabled();
  expect(consoleErrors).toEqual([]);
});

test('an uploaded trace file drives the simulation', async ({ page, consoleErrors }, testInfo) => {
  const file = testInfo.outputPath('arrivals.txt');
  const fs = await import('node:fs');
  fs.writeFileSync(file, ['0', '0.5', '1', '700', '700.2'].join('\n'));
  await page.goto('calculators/traffic/?v=1&sim_seconds=1000&idle_ttl_s=420&duration_dist=const');
  await appReady(page);
  await page.getByLabel('Or upload timestamps').setInputFiles(file);
  await expect(page.getByTestId('trace-note')).toHaveText('Read 5 timestamps (seconds from the start) spanning 700.2 s: 0.01 requests per second on average. Loaded them all.');
  await expect(page).toHaveURL(/arrival=trace/);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.locator('[data-metric="requests"]')).toHaveAttribute('data-value', '5');
  // 0 s cold; 0.5 and 1 s warm; 700 s is past the 420 s idle TTL: cold again; 700.2 s
  // arrives while that cold start (250 ms + 100 ms) is still running: a second new environment.
  expect(await metric(page, 'cold_starts')).toBe(3);
  expect(consoleErrors).toEqual([]);
});

test('the products set on the cost page travel through the simulator, which prices the function alone and says so', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=3&sim_seconds=600&front_door=http_api&egress_gb=200');
  await appReady(page);
  await expect(page.getByTestId('sim-monthly')).toContainText('Only the function', { timeout: 60_000 });
  const link = await page.locator('a[data-handoff="cost"]').getAttribute('href');
  expect(link).toContain('front_door=http_api');
  expect(link).toContain('egress_gb=200');
  expect(consoleErrors).toEqual([]);
});
