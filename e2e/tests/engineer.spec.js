// The engineer's journey (issue 22): a Node.js 22 API of 1,024 MB behind an
// HTTP API, 20 M requests a month, 180 ms mean and 1.2 s p99, 1.5 KB of logs
// per call kept 30 days, asked through every page in its own region:
// cost → tune memory with pasted REPORT lines → price the size → simulate →
// back to cost → account view → Managed Instances. Figures agree where they
// should, and no page on the way shows an error.
import { test, expect, appReady, metric } from './fixtures.js';

const FUNCTION = 'memory_mb=1024&requests=20000000&duration_ms=180&duration_p99_ms=1200'
  + '&front_door=http_api&log_kb_per_invocation=1.5&log_retention_days=30';

// REPORT lines measured at 128 MB (10.9–11.1 s) and 1,024 MB (about 1.4 s).
function reportLines() {
  const lines = [];
  const at128 = [10900, 11032.9, 11100, 11050, 10980, 11010];
  const at1024 = [1390, 1420.5, 1405, 1398, 1411];
  at128.forEach((ms, i) => lines.push(`REPORT RequestId: a${i}\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(ms)} ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB`));
  at1024.forEach((ms, i) => lines.push(`REPORT RequestId: b${i}\tDuration: ${ms} ms\tBilled Duration: ${Math.ceil(ms)} ms\tMemory Size: 1024 MB\tMax Memory Used: 72 MB`));
  return lines.join('\n');
}

async function value(page, name) {
  const el = page.locator(`[data-metric="${name}"]`).first();
  await expect(el).toHaveAttribute('data-value', /.+/, { timeout: 60_000 });
  return el.getAttribute('data-value');
}

// No page on the way shows an error, a refusal or a "not priced" line.
async function noErrors(page) {
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await expect(page.getByTestId('leaves-out')).toHaveCount(0);
  await expect(page.locator('.error-box')).toHaveCount(0);
}

const DOOR = { 'us-east-1': '20', 'eu-west-1': '22.2' };
const LOG_RATE = { 'us-east-1': 0.5, 'eu-west-1': 0.57 };

for (const region of ['us-east-1', 'eu-west-1']) {
  test(`the engineer's journey in ${region}: one right answer across pages`, async ({ page, consoleErrors }) => {
    test.setTimeout(180_000);
    await page.goto(`calculators/cost/?region=${region}&${FUNCTION}`);
    await appReady(page);
    await noErrors(page);
    // The whole bill in the engineer's region: the HTTP API and the logs priced.
    expect(await value(page, 'front_door_usd')).toBe(DOOR[region]);
    const gb = 20e6 * 1.5 / 1048576;
    expect(Number(await value(page, 'logs_usd'))).toBeCloseTo((gb - 5) * LOG_RATE[region] + gb * 0.03, 9);
    await expect(page.locator('.whatif .card').first()).toBeVisible();
    const costTotal = Number(await value(page, 'total_usd'));

    // Tune memory: the explorer asks how much of the 180 ms is computing.
    await page.getByRole('link', { name: 'Tune memory' }).click();
    await appReady(page);
    await expect(page.getByTestId('cpu-share-question')).toContainText('Is all of the 180 ms at 1024 MB computing?');
    await page.getByLabel('Paste CloudWatch REPORT lines').fill(reportLines());
    await page.getByRole('button', { name: 'Use these lines' }).click();
    await expect(page.getByTestId('report-summary')).toContainText('Read 11 REPORT lines at 2 memory size(s)');
    await expect(page.getByTestId('cpu-share-question')).toHaveCount(0);
    await page.getByLabel('Strategy', { exact: true }).selectOption('cost');
    expect(await metric(page, 'best_memory_mb')).toBe(128);
    // The cheapest size is far slower: the page says so before anyone acts on it.
    await expect(page.getByTestId('tradeoff')).toContainText('128 MB saves');
    await expect(page.getByTestId('tradeoff')).toContainText('times as long');
    await expect(page.getByTestId('tradeoff')).toContainText('the balanced strategy picks 1024 MB');

    // Price 128 MB: the measured mean and the spread measured there, never the old p99.
    await page.getByRole('link', { name: 'Price 128 MB in the cost calculator' }).click();
    await appReady(page);
    await noErrors(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('memory_mb')).toBe('128');
    expect(Number(url.searchParams.get('duration_ms'))).toBeCloseTo(11012.15, 1);
    expect(url.searchParams.get('duration_p99_ms')).toBeNull();
    expect(Number(url.searchParams.get('duration_cv'))).toBeLessThan(0.01);
    expect(url.searchParams.get('region') ?? 'us-east-1').toBe(region);
    expect(await value(page, 'front_door_usd')).toBe(DOOR[region]);
    const priced = Number(await value(page, 'total_usd'));
    expect(priced).toBeGreaterThan(0);

    // Simulate this traffic: a whole day by default, with 11 s requests, not 72 s ones.
    await page.getByRole('link', { name: 'Simulate this traffic' }).click();
    await appReady(page);
    await expect(page.getByTestId('sim-monthly')).toContainText('A month of this traffic', { timeout: 90_000 });
    await noErrors(page);
    expect(await metric(page, 'simulated_s')).toBe(86400);
    await expect(page.getByTestId('run-length')).toContainText('automatic');
    expect(await metric(page, 'p99_ms')).toBeLessThan(12_500);
    // Little's law: 7.6 requests a second × 11 s ≈ 84 environments busy.
    expect(await metric(page, 'mean_concurrency')).toBeGreaterThan(78);
    expect(await metric(page, 'mean_concurrency')).toBeLessThan(90);
    const simMonth = Number(await value(page, 'monthly_usd'));
    await expect(page.getByTestId('sim-monthly')).toContainText('Only the function');
    // Its difference from the cost page's month, in words.
    await expect(page.getByTestId('sim-monthly')).toContainText('more than the');
    await expect(page.getByTestId('sim-monthly')).toContainText('the cost calculator prices with the cold-start ratio it had (0.0000%)');

    // Back to cost with the simulated ratio: the function's month plus the lines around it.
    await page.getByRole('link', { name: 'Use this cold-start ratio in cost' }).click();
    await appReady(page);
    await noErrors(page);
    const back = Number(await value(page, 'total_usd'));
    const around = Number(await value(page, 'front_door_usd')) + Number(await value(page, 'logs_usd'));
    expect(back).toBeCloseTo(simMonth + around, 9);
    expect(back).toBeGreaterThanOrEqual(priced);

    // The account view shows the function, whole.
    await page.getByRole('link', { name: /account view/ }).click();
    await appReady(page);
    expect(Number(await value(page, 'function_1_total_usd'))).toBeCloseTo(back, 9);
    await expect(page.locator('.error-box')).toHaveCount(0);

    // Managed Instances with the same workload, the on-demand side on its own architecture.
    await page.goBack();
    await appReady(page);
    await page.getByRole('link', { name: 'Compare with Managed Instances' }).click();
    await appReady(page);
    await noErrors(page);
    await expect(page.getByLabel('Memory as an on-demand function (MB)')).toHaveValue('128');
    await expect(page.getByLabel('Architecture')).toHaveValue('x86_64');
    await expect(page.getByLabel('Region')).toHaveValue(region);
    expect(Number(await value(page, 'lambda_usd'))).toBeGreaterThan(0);
    await expect(page.getByTestId('lmi-on-demand')).toContainText(`128 MB x86_64 functions in ${region}`);
    expect(costTotal).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });
}

test('a region without a verified rate still prices the function and names what it leaves out', async ({ page, consoleErrors }) => {
  await page.goto(`calculators/cost/?region=af-south-1&${FUNCTION}&front_door=rest_api&egress_gb=500`);
  await appReady(page);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await expect(page.getByTestId('leaves-out')).toContainText('Not in this total, for want of a verified rate in af-south-1: Front door (API Gateway or ALB) (REST API requests up to 333 million a month); Data out to the internet (data out up to 10 TB a month).');
  await expect(page.locator('[data-metric="front_door_usd"]').first()).toHaveText('not priced in af-south-1');
  expect(Number(await value(page, 'logs_usd'))).toBeGreaterThan(0);
  expect(Number(await value(page, 'duration_usd'))).toBeGreaterThan(0);
  // The account view opened from here still lists the function.
  await page.getByRole('link', { name: /account view/ }).click();
  await appReady(page);
  expect(Number(await value(page, 'function_1_total_usd'))).toBeGreaterThan(0);
  expect(consoleErrors).toEqual([]);
});

test('an address without v is today\'s version, on pages and in embeds', async ({ page, consoleErrors }) => {
  for (const path of ['calculators/power/', 'embed/power/']) {
    await page.goto(path);
    await appReady(page);
    // The free tier is on by default, as on the cost page and in the CLI.
    await expect(page.getByLabel('Apply the free tier')).toBeChecked();
    expect(await metric(page, 'monthly_usd')).toBe(0);
  }
  await page.goto('calculators/traffic/');
  await appReady(page);
  await expect(page.getByTestId('startup')).toBeVisible({ timeout: 60_000 });
  expect(await metric(page, 'simulated_s')).toBe(86400);
  // An old link keeps its meaning.
  await page.goto('calculators/traffic/?v=3&rate_per_s=2');
  await appReady(page);
  expect(await metric(page, 'simulated_s')).toBe(3600);
  await expect(page.getByTestId('run-length')).toContainText('misses lifetime recycling');
  expect(consoleErrors).toEqual([]);
});

test('typing never publishes a value the person did not finish', async ({ page, consoleErrors }) => {
  // Record every address the page writes.
  await page.addInitScript(() => {
    window.__queries = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (s, t, u) => { window.__queries.push(String(u)); return replace(s, t, u); };
  });
  await page.goto('calculators/cost/?memory_mb=1024');
  await appReady(page);
  const before = await value(page, 'total_usd');
  const memory = page.getByLabel('Memory (MB)', { exact: true });
  await memory.fill('');
  await memory.pressSequentially('20000', { delay: 40 });
  // Out of range once finished, never 2, 20, 200 or 2,000 MB on the way.
  await expect(page.locator('#err-memory_mb')).toContainText('out of range');
  await expect(page.getByTestId('stale-note')).toContainText('For the last valid inputs: Memory (memory_mb) 1024 MB');
  expect(await value(page, 'total_usd')).toBe(before);
  await memory.fill('');
  await memory.pressSequentially('2048', { delay: 40 });
  await memory.press('Enter');
  await expect(page).toHaveURL(/memory_mb=2048/);
  await expect(page.getByTestId('stale-note')).toHaveCount(0);
  const requests = page.getByLabel('Requests', { exact: true });
  await requests.fill('');
  await requests.pressSequentially('1e30', { delay: 40 });
  await expect(page.locator('#err-requests')).toContainText('out of range');
  const duration = page.getByLabel('Duration (mean) (ms)', { exact: true });
  await duration.fill('');
  await duration.pressSequentially('2s', { delay: 40 });
  await duration.blur();
  await expect(page.locator('#err-duration_ms')).toContainText('not a number');
  const written = await page.evaluate(() => window.__queries);
  const param = (u, k) => new URL(u, page.url()).searchParams.get(k);
  const mems = written.map((u) => param(u, 'memory_mb')).filter(Boolean);
  expect(mems.every((m) => ['1024', '2048'].includes(m)), mems.join(' ')).toBe(true);
  const reqs = written.map((u) => param(u, 'requests')).filter(Boolean);
  expect(reqs, 'no half-typed request count').toEqual([]);
  const durs = written.map((u) => param(u, 'duration_ms')).filter(Boolean);
  expect(durs, 'no "2" from "2s"').toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('choices read as words, and Managed Instances is one click from home', async ({ page, consoleErrors }) => {
  await page.goto('calculators/cost/?front_door=http_api');
  await appReady(page);
  await expect(page.locator('#p-front_door option:checked')).toHaveText('API Gateway HTTP API');
  await expect(page.locator('#p-region option:checked')).toHaveText('us-east-1 · US East (N. Virginia)');
  await expect(page.locator('label[for="p-payload_kb"]')).toHaveText('Request + response size, per call (KB)');
  await page.goto('');
  await page.getByRole('link', { name: 'Compare the two' }).click();
  await appReady(page);
  await expect(page).toHaveURL(/calculators\/managed-instances\//);
  expect(consoleErrors).toEqual([]);
});
