// Lambda MicroVMs (issue 27): AWS's two worked examples priced exactly on the
// page, the gap to AWS's rounded rates said, bad input named with what is
// valid while the last good result stays, and the embed.
import { test, expect, appReady } from './fixtures.js';

const SANDBOXES = 'baseline_gb=2&peak_multiple=4&peak_share=0.25&sessions=2000&session_s=9000&suspends_per_session=6&suspended_s=19800&images=5&image_gb=2';
const CI_JOBS = 'baseline_gb=8&peak_multiple=4&peak_share=0.1&sessions=10000&session_s=600&images=1&image_gb=2';
const value = (page, name) => page.locator(`[data-metric="${name}"]`).first().getAttribute('data-value');

test("AWS's two MicroVM examples are priced exactly, each with the note on AWS's rounded rates", async ({ page, consoleErrors }) => {
  await page.goto(`calculators/microvms/?${SANDBOXES}`);
  await appReady(page);
  expect(await value(page, 'total_usd')).toBe('1241.08594363');
  expect(await value(page, 'compute_usd')).toBe('1103.3757');
  expect(await value(page, 'snapshot_write_usd')).toBe('91.1451312');
  expect(await value(page, 'snapshot_read_usd')).toBe('43.3095572');
  expect(await value(page, 'storage_usd')).toBe('3.25555523');
  await expect(page.locator('[data-metric="total_usd"]').first()).toHaveText('$1,241.09');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('31500000 vCPU-seconds × $0.0000276944 = $872.3736');
  await expect(page.locator('.notes')).toContainText('$1,241.22');

  await page.goto(`calculators/microvms/?${CI_JOBS}`);
  await appReady(page);
  expect(await value(page, 'total_usd')).toBe('1123.964980206');
  await page.getByText('Show the math').click();
  await expect(page.locator('.notes')).toContainText('$1,124.03');
  // The price-check page links to the calculator with the example's values.
  await page.goto('about/prices/');
  const row = page.locator('tr[data-example="microvms-sandboxes"]');
  await expect(row.locator('[data-metric="total_usd"]')).toHaveAttribute('data-value', '1241.08594363');
  await row.getByRole('link').click();
  await appReady(page);
  expect(await value(page, 'total_usd')).toBe('1241.08594363');
  expect(consoleErrors).toEqual([]);
});

test('a lifetime past 8 hours is named with what is valid, and the last good result stays', async ({ page, consoleErrors }) => {
  await page.goto('calculators/microvms/?session_s=20000');
  await appReady(page);
  const good = await value(page, 'total_usd');
  const field = page.getByLabel(/Suspended time of each/);
  await field.fill('10000');
  await field.press('Enter');
  await expect(page.getByTestId('error-summary')).toContainText('use 0 to 8,800 s');
  expect(await value(page, 'total_usd')).toBe(good);
  expect(consoleErrors).toEqual([]);
});

test('the embed shows the month and its key inputs', async ({ page, consoleErrors }) => {
  await page.goto(`embed/microvms/?${SANDBOXES}`);
  await appReady(page);
  await expect(page.locator('[data-metric="total_usd"]').first()).toHaveText('$1,241.09');
  await expect(page.getByLabel(/MicroVMs launched/)).toHaveValue(/^2,?000$/);
  expect(consoleErrors).toEqual([]);
});
