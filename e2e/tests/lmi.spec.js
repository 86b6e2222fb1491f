import { test, expect, appReady, metric } from './fixtures.js';

const EXAMPLE = 'calculators/managed-instances/?v=3&instance_type=m7g.xlarge&requests=100000000&duration_ms=200&ec2_discount_pct=72&instance_hours=2000';

test("AWS's Managed Instances example is priced exactly, with the note on its rounded rate", async ({ page, consoleErrors }) => {
  await page.goto(EXAMPLE);
  await appReady(page);
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('160.352');
  expect(await page.locator('[data-metric="ec2_usd"]').first().getAttribute('data-value')).toBe('91.392');
  expect(await page.locator('[data-metric="fee_usd"]').first().getAttribute('data-value')).toBe('48.96');
  expect(await page.locator('[data-metric="request_usd"]').first().getAttribute('data-value')).toBe('20');
  await expect(page.locator('[data-metric="total_usd"]').first()).toHaveText('$160.35');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('management fee: 15% × $326.4 (on-demand, never discounted) = $48.96');
  await expect(page.locator('.notes')).toContainText('$0.0457');
  expect(consoleErrors).toEqual([]);
});

test('the capacity model, the comparison and the crossover chart with its sentence and table', async ({ page, consoleErrors }) => {
  await page.goto('calculators/managed-instances/?v=3&ec2_discount_pct=72');
  await appReady(page);
  // 3 instances (one per Availability Zone) all month: 2,190 instance-hours.
  expect(await metric(page, 'instances')).toBe(3);
  expect(await metric(page, 'instance_hours')).toBe(2190);
  await expect(page.getByTestId('lmi-capacity')).toContainText('4 environments, 3 per m7g.xlarge, so 3 instances');
  // The same workload on functions: 10M GB-s − 400,000 free × $0.0000133334 + 99M requests.
  expect(await page.locator('[data-metric="lambda_usd"]').first().getAttribute('data-value')).toBe('147.80064');
  const x = await metric(page, 'crossover_rps');
  expect(x).toBeGreaterThan(44.5);
  expect(x).toBeLessThan(46.5);
  const summary = page.getByTestId('lmi-chart-summary');
  await expect(summary).toContainText('The lines cross at about 45');
  // The chart is drawn (not blank), and its data table lists both costs.
  const canvas = page.locator('figure.chart canvas');
  const inked = await canvas.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  });
  expect(inked).toBeGreaterThan(4);
  await page.getByText('Chart data table').click();
  const rows = page.getByTestId('lmi-table').locator('tbody tr');
  await expect(rows).toHaveCount(29);
  await expect(rows.first()).toContainText('Functions');
  await expect(rows.last()).toContainText('Managed Instances');
  // Without the Savings Plan the lines never cross: the sentence says so, and why.
  await page.getByLabel('EC2 discount (%)').fill('0');
  await expect(summary).toContainText('On-demand functions cost less at every traffic level');
  await expect(page.locator('[data-metric="crossover_rps"]').first()).toHaveText('—');
  expect(consoleErrors).toEqual([]);
});

test('bad values are named with what is valid, and the last result stays', async ({ page, consoleErrors }) => {
  await page.goto('calculators/managed-instances/?v=3&ec2_discount_pct=72');
  await appReady(page);
  const before = await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value');
  const memory = page.getByLabel('Memory per execution environment (MB)');
  await memory.fill('1024');
  await expect(page.getByText(/2,048 to 32,768/).first()).toBeVisible();
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe(before);
  // 8 GB needs 4 vCPUs: it does not fit an m7g.xlarge that keeps one for itself.
  await memory.fill('8192');
  await expect(page.getByTestId('error-summary')).toContainText('choose m7g.2xlarge or larger');
  await page.getByLabel('Instance type').selectOption('m7g.2xlarge');
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  // A region without this instance's price is refused by name.
  await page.getByLabel('Region').selectOption('ap-south-1');
  await expect(page.getByTestId('error-summary')).toContainText('us-east-1 or eu-west-1');
  expect(consoleErrors).toEqual([]);
});

test('a garbage link shows the defaults beside a message; the embed shows the chart', async ({ page, consoleErrors }) => {
  await page.goto('calculators/managed-instances/?v=3&requests=lots&instance_type=z9.huge');
  await appReady(page);
  await expect(page.getByTestId('error-summary')).toContainText('requests');
  await expect(page.locator('[data-metric="total_usd"]').first()).toBeVisible();
  await page.goto('embed/managed-instances/?v=3&ec2_discount_pct=72&show=result,inputs,chart');
  await appReady(page);
  await expect(page.getByTestId('lmi-chart-summary')).toContainText('cross');
  expect(consoleErrors).toEqual([]);
});
