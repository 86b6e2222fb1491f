// Where should it run? (issue 27): one workload priced as Lambda, Managed
// Instances, Fargate and EC2, walked as an engineer does: from the cost page
// and from the Managed Instances page, with figures that agree across the
// hand-offs, a crossover chart with its sentence and table, bad input named
// with what is valid, regions without rates, the embed and lesson 16.
import { test, expect, appReady } from './fixtures.js';

const value = (page, name) => page.locator(`[data-metric="${name}"]`).first().getAttribute('data-value');

test('the default workload on every platform, with the crossings drawn, said and tabulated', async ({ page, consoleErrors }) => {
  await page.goto('calculators/platforms/');
  await appReady(page);
  // The engine's hand-checked figures (crates/model/src/calculators/platforms/tests.rs).
  expect(await value(page, 'lambda_usd')).toBe('179.80032');
  expect(await value(page, 'fargate_usd')).toBe('140.734188888888');
  expect(await value(page, 'lmi_usd')).toBe('431.0192');
  expect(await value(page, 'ec2_usd')).toBe('390.021888888888');
  expect(await value(page, 'cheapest_usd')).toBe('140.734188888888');
  await expect(page.locator('.result-card .kpi-label').first()).toHaveText('Cheapest this month: Fargate');
  await expect(page.getByTestId('platforms-sizing')).toContainText('3 Fargate tasks of 1 vCPU and 2 GB');
  const lines = page.getByTestId('platforms-lines');
  await expect(lines.locator('[data-metric="crossover_fargate_rps"]')).toHaveText('29.69 req/s');
  await expect(lines.locator('[data-metric="crossover_lmi_rps"]')).toHaveText('never');
  // Provisioned concurrency where it pays: the 7 environments busy all month.
  await expect(lines.locator('[data-metric="lambda_pc_usd"]')).toHaveAttribute('data-value', '161.50825630355');
  await expect(lines).toContainText('with 7 environments provisioned');
  await expect(page.getByTestId('platforms-leaves-out')).toContainText('the 15-minute limit per invocation');
  const sentence = page.getByTestId('platforms-chart-summary');
  await expect(sentence).toContainText('Fargate becomes cheaper than Lambda on demand above about 29.69 requests/s');
  await expect(sentence).toContainText('Managed Instances never costs less than Lambda');
  await page.getByText('Chart data table').click();
  await expect(page.getByTestId('platforms-table').locator('tbody tr')).toHaveCount(29);
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('vCPU: 2190 vCPU-hours × $0.04048 (x86_64, us-east-1) = $88.6512');

  // The sentence follows a change: a 50 % Fargate discount moves the crossing left.
  const discount = page.getByLabel('Fargate discount');
  await discount.fill('50');
  await discount.press('Enter');
  await expect(page.locator('[data-metric="fargate_usd"]').first()).toHaveAttribute('data-value', '86.674038888888');
  await expect(sentence).not.toContainText('above about 29.69 requests/s');
  expect(consoleErrors).toEqual([]);
});

test('cost page → Compare platforms → Managed Instances → back: the figures agree at every step', async ({ page, consoleErrors }) => {
  await page.goto('calculators/cost/?memory_mb=2048&duration_ms=350&requests=40000000&arch=arm64&region=eu-west-1&savings_plan_pct=17');
  await appReady(page);
  const costTotal = await value(page, 'total_usd');
  await page.locator('a[data-handoff="platforms"]').click();
  await appReady(page);
  await expect(page).toHaveURL(/calculators\/platforms\//);
  expect(await value(page, 'lambda_usd')).toBe(costTotal);
  await expect(page.getByLabel('Region')).toHaveValue('eu-west-1');
  await expect(page.getByLabel('Architecture')).toHaveValue('arm64');
  expect(await value(page, 'fargate_usd')).not.toBe('');
  const lmiHere = await value(page, 'lmi_usd');
  await page.locator('a[data-handoff="lmi"]').click();
  await appReady(page);
  await expect(page).toHaveURL(/calculators\/managed-instances\//);
  expect(await value(page, 'total_usd')).toBe(lmiHere);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await page.locator('a[data-handoff="platforms"]').click();
  await appReady(page);
  expect(await value(page, 'lmi_usd')).toBe(lmiHere);
  await expect(page.locator('#p-memory_mb')).toHaveValue(/^2,?048$/);
  expect(consoleErrors).toEqual([]);
});

test('a task size Fargate does not run is named with the sizes it has, and the last good result stays', async ({ page, consoleErrors }) => {
  await page.goto('calculators/platforms/?fargate_vcpu=0.5&fargate_gb=1');
  await appReady(page);
  const good = await value(page, 'fargate_usd');
  const gb = page.getByLabel('Fargate task memory');
  await gb.fill('8');
  await gb.press('Enter');
  await expect(page.getByTestId('error-summary')).toContainText('a task of 0.5 vCPU takes 1, 2, 3 or 4 GB, not 8 GB');
  expect(await value(page, 'fargate_usd')).toBe(good);
  expect(consoleErrors).toEqual([]);
});

test('in a region without Fargate or EC2 rates, Lambda is priced and the others say so', async ({ page, consoleErrors }) => {
  await page.goto('calculators/platforms/?region=ap-south-1');
  await appReady(page);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  expect(Number(await value(page, 'lambda_usd'))).toBeGreaterThan(0);
  await expect(page.getByTestId('platforms-lines').locator('[data-metric="fargate_usd"]')).toHaveText('not priced here');
  await expect(page.getByTestId('platforms-chart-summary')).toContainText('Only Lambda is priced in ap-south-1 here');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('not priced: no Fargate rates for ap-south-1 are here (they are for us-east-1 and eu-west-1)');
  // An instance type without a price in a region that has others says which it has.
  await page.goto('calculators/platforms/?region=eu-west-1&ec2_instance_type=c7i.large');
  await appReady(page);
  await expect(page.getByTestId('platforms-chart-summary')).toContainText('EC2 is not priced: no EC2 price for c7i.large in eu-west-1 is here (eu-west-1 has c7g, m7g, r7g, m7i)');
  expect(await value(page, 'fargate_usd')).not.toBe('');
  expect(consoleErrors).toEqual([]);
});

test('the embed and lesson 16 show the same figures as the page', async ({ page, consoleErrors }) => {
  await page.goto('embed/platforms/?requests=100000000&duration_ms=200&fargate_discount_pct=65');
  await appReady(page);
  expect(await value(page, 'fargate_usd')).toBe('70.455993888888');
  await page.goto('lessons/16-lambda-or-a-container/?step=one-workload');
  await appReady(page);
  const calc = page.locator('.lesson-calc').first();
  await expect(calc.locator('[data-metric="fargate_usd"]').first()).toHaveAttribute('data-value', '140.734188888888');
  expect(consoleErrors).toEqual([]);
});
