import { test, expect, appReady, metric } from './fixtures.js';
import fs from 'node:fs';

const V3 = 'calculators/cost/?v=1&memory_mb=1536&duration_ms=120&requests=3000000';

test('loads AWS example V3 from the URL and reads total_usd 2.73', async ({ page, consoleErrors }) => {
  await page.goto(V3);
  await appReady(page);
  const total = await metric(page, 'total_usd');
  expect(Math.abs(total - 2.73)).toBeLessThanOrEqual(0.005);
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('2.733338');
  expect(await metric(page, 'duration_usd')).toBeCloseTo(2.333338, 9);
  expect(await metric(page, 'request_usd')).toBeCloseTo(0.4, 9);
  expect(await metric(page, 'gb_seconds')).toBe(540000);
  await expect(page.locator('[data-metric="total_usd"]').first()).toHaveText('$2.73');
  await expect(page.getByLabel('Memory (MB)')).toHaveValue('1536');
  expect(consoleErrors).toEqual([]);
});

test('changing the memory updates the URL and the total as you type', async ({ page, consoleErrors }) => {
  await page.goto(V3);
  await appReady(page);
  const memory = page.getByLabel('Memory (MB)');
  await memory.fill('3008');
  await expect(page).toHaveURL(/memory_mb=3008/);
  // 3M × 0.12 s × 3008/1024 GB = 1,057,500 GB-s; − 400k free = 657,500 × 0.0000166667 + $0.40
  await expect(page.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '11.35835525');
  await page.getByLabel('Requests', { exact: true }).fill('6000000');
  await expect(page).toHaveURL(/requests=6000000/);
  expect(await metric(page, 'billed_requests')).toBe(6000000);
  expect(consoleErrors).toEqual([]);
});

test('requests can be typed per second; the URL keeps requests per month', async ({ page }) => {
  await page.goto('calculators/cost/');
  await appReady(page);
  await page.getByLabel('Requests per').selectOption('second');
  await page.getByLabel('Requests', { exact: true }).fill('10');
  await expect(page).toHaveURL(/requests=26280000/);
  await expect(page).toHaveURL(/unit=second/);
});

test('invalid input gets an inline message and the last valid result stays', async ({ page, consoleErrors }) => {
  await page.goto(V3);
  await appReady(page);
  const memory = page.getByLabel('Memory (MB)');
  await memory.fill('64');
  await expect(page.locator('#err-memory_mb')).toContainText('from 128 to 10,240');
  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('error-summary')).toBeVisible();
  expect(await metric(page, 'total_usd')).toBeCloseTo(2.733338, 9);
  await memory.fill('NaN');
  await expect(page.locator('#err-memory_mb')).toContainText('not a number');
  expect(await metric(page, 'total_usd')).toBeCloseTo(2.733338, 9);
  // A cross-field rule: Lambda@Edge is x86_64 only.
  await memory.fill('1536');
  await page.getByText('Lambda@Edge and Savings Plans').click();
  await page.getByLabel('Architecture').selectOption('arm64');
  await page.getByLabel('Lambda@Edge').check();
  await expect(page.getByTestId('error-summary')).toContainText('x86_64 only');
  expect(consoleErrors).toEqual([]);
});

test('garbage in the URL gets messages, never a dead page', async ({ page, consoleErrors }) => {
  await page.goto('calculators/cost/?v=1&memory_mb=%F0%9F%92%A5&region=mars-1&duration_ms=-5&requests=1e99&zzz=1&free_tier=maybe');
  await appReady(page);
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('from 128 to 10,240');
  await expect(summary).toContainText('us-east-1');
  await expect(summary).toContainText('true or false');
  await expect(page.getByText('Ignored unknown link parameter(s): zzz.')).toBeVisible();
  await expect(page.getByLabel('Memory (MB)')).toHaveValue('💥');
  // defaults are priced meanwhile
  expect(await metric(page, 'total_usd')).toBeGreaterThanOrEqual(0);
  expect(consoleErrors).toEqual([]);
});

test('a JSON export round-trips through an import', async ({ page, consoleErrors }, testInfo) => {
  await page.goto('calculators/cost/?v=1&memory_mb=2048&arch=arm64&duration_ms=250.5&duration_cv=0.3&requests=12000000&region=eu-west-1');
  await appReady(page);
  const before = await metric(page, 'total_usd');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON' }).click()]);
  const file = testInfo.outputPath('scenario.json');
  await download.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(doc.calculator).toBe('cost');
  expect(doc.params.memory_mb).toBe(2048);
  expect(doc.params.arch).toBe('arm64');
  expect(doc.metrics.total_usd).toBeCloseTo(before, 9);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page).toHaveURL(/cost\/\?v=4$/);
  expect(await metric(page, 'total_usd')).not.toBeCloseTo(before, 6);
  await page.getByText('Import JSON').locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId('toolbar-status')).toHaveText('Scenario imported.');
  expect(await metric(page, 'total_usd')).toBeCloseTo(before, 9);
  await expect(page).toHaveURL(/memory_mb=2048/);
  await expect(page).toHaveURL(/region=eu-west-1/);
  expect(consoleErrors).toEqual([]);
});

test('show the math explains AWS example V1 and the chart has a summary and table', async ({ page, consoleErrors }) => {
  await page.goto('calculators/cost/?v=1&memory_mb=512&duration_ms=1000&requests=3000000');
  await appReady(page);
  await expect(page.locator('[data-metric="total_usd"]').first()).toHaveText('$18.73');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('1100000 GB-s × $0.0000166667 (tier 1) = $18.33337');
  await expect(page.locator('.notes')).toContainText('$18.74');
  await expect(page.getByTestId('cost-chart-summary')).toContainText('The monthly total is $18.73');
  await expect(page.getByTestId('cost-chart-summary')).toContainText('on arm64 it would be');
  await page.getByText('Chart data table').click();
  await expect(page.locator('figure.chart table tbody tr')).toHaveCount(3);
  const canvas = page.locator('figure.chart canvas');
  const px = await canvas.evaluate((c) => ({ w: c.width, css: c.getBoundingClientRect().width, ratio: window.devicePixelRatio }));
  expect(px.w).toBe(Math.round(px.css * px.ratio));
  expect(consoleErrors).toEqual([]);
});

test('the account view shares the free tier across functions', async ({ page, consoleErrors }) => {
  const f = encodeURIComponent('v=1&memory_mb=1024&duration_ms=1000&requests=300000');
  const g = encodeURIComponent('v=1&arch=arm64&memory_mb=1024&duration_ms=1000&requests=300000');
  await page.goto(`calculators/account/?f=${f}&f=${g}`);
  await appReady(page);
  expect(await metric(page, 'duration_usd')).toBeCloseTo(2.66668, 9);
  await page.getByLabel('Free GB-s go first to').selectOption('arm64_first');
  await expect(page.locator('[data-metric="duration_usd"]').first()).toHaveAttribute('data-value', '3.33334');
  await expect(page).toHaveURL(/free_tier_order=arm64_first/);
  expect(consoleErrors).toEqual([]);
});

test('the account view prices tenant isolation, durable functions, pollers and the front door per function, in its own section', async ({ page, consoleErrors }) => {
  const f = encodeURIComponent('v=3&memory_mb=1024&duration_ms=1000&requests=300000&sqs_poller_hours=1460');
  const g = encodeURIComponent('v=3&arch=arm64&memory_mb=1024&duration_ms=1000&requests=300000');
  await page.goto(`calculators/account/?f=${f}&f=${g}`);
  await appReady(page);
  // The section is open because function 1 uses a poller; its line is in the breakdown.
  await expect(page.locator('summary', { hasText: 'Tenant isolation, durable functions, event pollers, front door and network' })).toBeVisible();
  await expect(page.getByLabel('Function 1 SQS event poller hours')).toBeVisible();
  expect(await page.locator('[data-metric="poller_usd"]').first().getAttribute('data-value')).toBe('13.505');
  const kafka = page.getByLabel('Function 2 Kafka event poller hours');
  await kafka.fill('730');
  await kafka.press('Tab');
  await expect(page.locator('[data-metric="poller_usd"]').first()).toHaveAttribute('data-value', '148.555');
  await expect(page).toHaveURL(/kafka_poller_hours%3D730/);
  // A value below the 1-minute minimum is refused by name; the last bill stays.
  await kafka.fill('0.001');
  await kafka.press('Tab');
  await expect(page.getByRole('alert')).toContainText('Function 2');
  await expect(page.getByRole('alert')).toContainText('0.0167');
  expect(await page.locator('[data-metric="poller_usd"]').first().getAttribute('data-value')).toBe('148.555');
  // A front door per function: 300,000 requests through an HTTP API, $0.30.
  await kafka.fill('730');
  await kafka.press('Tab');
  await page.getByLabel('Function 1 Front door').selectOption('http_api');
  await expect(page.locator('[data-metric="front_door_usd"]').first()).toHaveAttribute('data-value', '0.3');
  expect(consoleErrors).toEqual([]);
});

test('durable functions and event pollers: AWS examples priced exactly, their sections, the math, a bad value named', async ({ page, consoleErrors }) => {
  // AWS's durable-functions example: $490.46, 1 GB counted as 1,000,000 KB.
  await page.goto('calculators/cost/?v=3&arch=arm64&duration_ms=16000&requests=2000000&durable_executions=1000000&durable_ops_per_execution=4&durable_kb_per_execution=104&durable_days=7&durable_retention_days=14');
  await appReady(page);
  expect(await page.locator('[data-metric="durable_usd"]').first().getAttribute('data-value')).toBe('68.92');
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('490.45544');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('104 GB × (7 days running + 14 days after completion) ÷ 30 = 72.8 GB-months × $0.15 = $10.92');
  // The section opens with the values the link set; a retention AWS does not
  // offer is refused by name, and the last bill stays.
  const retention = page.locator('#p-durable_retention_days');
  await expect(retention).toBeVisible();
  await retention.fill('120');
  await retention.press('Tab');
  await expect(page.getByText(/1 to 90/).first()).toBeVisible();
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('490.45544');

  // AWS's ESM example 1 (Kafka, 800 EPU-hours): AWS writes $1,153.30; the page explains the gap.
  await page.goto('calculators/cost/?v=3&duration_ms=2000&requests=30000000&kafka_poller_hours=800');
  await appReady(page);
  expect(await page.locator('[data-metric="poller_usd"]').first().getAttribute('data-value')).toBe('148');
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('1147.13532');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('Kafka: 800 EPU-hours × $0.185 = $148');
  await expect(page.getByText(/bills 60M requests/).first()).toBeVisible();
  const sqs = page.locator('#p-sqs_poller_hours');
  await sqs.fill('0.01');
  await sqs.press('Tab');
  await expect(page.getByTestId('error-summary')).toContainText('SQS event poller hours (sqs_poller_hours)');
  await expect(page.getByTestId('error-summary')).toContainText('0.0334');
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('1147.13532');
  expect(consoleErrors).toEqual([]);
});

test('the front door: AWS API Gateway examples priced exactly, the note where AWS is off, bad values named', async ({ page, consoleErrors }) => {
  // AWS's HTTP API example 1: 432M requests, $300 + $118.80.
  await page.goto('calculators/cost/?v=3&requests=432000000&front_door=http_api&payload_kb=12');
  await appReady(page);
  expect(await page.locator('[data-metric="front_door_usd"]').first().getAttribute('data-value')).toBe('418.8');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('132000000 requests × $0.0000009 (tier 2) = $118.8');
  // AWS's 15-billion-call REST API example flat-rates its data out: the page says so.
  await page.goto('calculators/cost/?v=3&requests=15000000000&front_door=rest_api&egress_gb=57220.458984375&free_tier=false');
  await appReady(page);
  expect(await page.locator('[data-metric="egress_usd"]').first().getAttribute('data-value')).toBe('4824.63212890625');
  await page.getByText('Show the math').click();
  await expect(page.locator('.notes')).toContainText('$41,177.73, not $41,502.94');
  // An ALB passes at most 1 MB to a function.
  await page.goto('calculators/cost/?v=3&front_door=alb&requests=26280000&payload_kb=100');
  await appReady(page);
  const before = await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value');
  expect(await page.locator('[data-metric="front_door_usd"]').first().getAttribute('data-value')).toBe('76.285');
  const size = page.locator('#p-payload_kb');
  await size.fill('2048');
  await size.press('Tab');
  await expect(page.getByTestId('error-summary')).toContainText('Request + response size, per call (payload_kb)');
  await expect(page.getByTestId('error-summary')).toContainText('1 MB');
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe(before);
  await size.fill('100');
  await size.press('Tab');
  // In eu-west-1 the ALB is priced at its own rates; where a rate is not
  // verified (af-south-1's LCU-hour), the line says so and the total leaves it out.
  await page.locator('#p-region').selectOption('eu-west-1');
  await expect(page.locator('[data-metric="front_door_usd"]').first()).not.toHaveAttribute('data-value', '76.285');
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await page.locator('#p-region').selectOption('af-south-1');
  await expect(page.getByTestId('leaves-out')).toContainText('verified rate in af-south-1: Front door (API Gateway or ALB) (ALB capacity units');
  await expect(page.locator('[data-metric="front_door_usd"]').first()).toHaveText('not priced in af-south-1');
  await expect(page.locator('[data-metric="front_door_usd"]').first()).toHaveAttribute('data-value', '');
  expect(consoleErrors).toEqual([]);
});

test('tenant isolation: AWS example priced exactly, its section, the math, and what it cannot be combined with', async ({ page, consoleErrors }) => {
  await page.goto('calculators/cost/?v=3&duration_ms=2000&requests=10000000&free_tier=false&tenant_environments=200000');
  await appReady(page);
  expect(await page.locator('[data-metric="tenant_usd"]').first().getAttribute('data-value')).toBe('33.3334');
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('368.6674');
  await page.getByText('Show the math').click();
  await expect(page.getByTestId('math')).toContainText('200000 environments created × 1024 MB ÷ 1024 = 200000 GB × $0.000166667 = $33.3334');
  // Its own collapsible section; a combination AWS refuses gets a message
  // naming the field, and the last valid bill stays.
  await page.locator('summary', { hasText: 'Provisioned concurrency' }).click();
  await page.locator('#p-pc_units').fill('2');
  await expect(page.getByTestId('error-summary')).toContainText('Tenant-isolated environments created (tenant_environments)');
  await expect(page.getByTestId('error-summary')).toContainText('cannot be combined with provisioned concurrency');
  expect(await page.locator('[data-metric="total_usd"]').first().getAttribute('data-value')).toBe('368.6674');
  expect(consoleErrors).toEqual([]);
});
