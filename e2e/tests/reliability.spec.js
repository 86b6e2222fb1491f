import { test, expect, appReady } from './fixtures.js';

// What the fuzzers found (issues 15 and 16), checked as a user meets it.

test('every page carries a Content-Security-Policy without unsafe-inline, and nothing breaks it', async ({ page, consoleErrors }) => {
  for (const route of ['', 'calculators/cost/', 'calculators/power/', 'calculators/cold-start/', 'calculators/traffic/?v=1&sim_seconds=600', 'lessons/01-billing/', 'embed/power/']) {
    await page.goto(route);
    await appReady(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    // Charts measure their text under the policy: the figure's canvas has ink.
    const canvas = page.locator('canvas').first();
    if (await canvas.count()) {
      await expect.poll(() => canvas.evaluate((c) => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink += 1;
        return ink;
      })).toBeGreaterThan(500);
    }
  }
  expect(consoleErrors).toEqual([]);
});

test('the traffic page at 10,000 requests a second answers at once with a sensible 99% concurrency', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=1&rate_per_s=10000');
  await appReady(page);
  const analytic = page.getByTestId('analytic');
  await expect(analytic).toContainText('99% of the time at most', { timeout: 1000 });
  const read = async () => Number((await analytic.textContent()).match(/99% of the time at most ([\d,]+)/)[1].replaceAll(',', ''));
  // ρ = 10,000/s × 0.1 s = 1,000 in flight; the 99th percentile is about ρ + 2.33 √ρ.
  expect(await read()).toBeGreaterThanOrEqual(1060);
  expect(await read()).toBeLessThanOrEqual(1090);
  await page.locator('#p-rate_per_s').fill('7500');
  await expect(analytic).toContainText('750 requests in flight', { timeout: 1000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(consoleErrors).toEqual([]);
});

test('a 5 MB paste of REPORT lines is read in slices while the page keeps answering', async ({ page, consoleErrors }) => {
  await page.goto('calculators/power/');
  await appReady(page);
  const lines = await page.evaluate(() => {
    const sizes = [512, 1024, 2048];
    const parts = [];
    let length = 0;
    let i = 0;
    while (length < 5_000_000) {
      const mb = sizes[i % 3];
      const line = `2026-12-01T10:00:00.000Z\tREPORT RequestId: 5e2b7a8c-${String(i).padStart(8, '0')}\tDuration: ${(102400 / mb + (i % 7)).toFixed(2)} ms\tBilled Duration: 300 ms\tMemory Size: ${mb} MB\tMax Memory Used: 90 MB\n`;
      parts.push(line);
      length += line.length;
      i += 1;
    }
    document.getElementById('report-lines').value = parts.join('');
    return i;
  });
  const probe = await page.evaluate(() => new Promise((resolve) => {
    document.querySelector('[data-testid="report-use"]').click();
    const asked = performance.now();
    // A task queued now runs as soon as the page is free: while the lines are read, in under 200 ms.
    setTimeout(() => resolve({ late: performance.now() - asked, reading: !!document.querySelector('[data-testid="report-cancel"]') }), 0);
  }));
  expect(probe.reading).toBe(true);
  expect(probe.late).toBeLessThan(200);
  await expect(page.getByTestId('report-summary')).toContainText(`Read ${lines.toLocaleString('en-US')} REPORT lines at 3 memory size(s)`, { timeout: 30_000 });
  await expect(page).toHaveURL(/points=512:/);
  expect(consoleErrors).toEqual([]);
});

test('Cancel stops reading a long paste and changes nothing', async ({ page }) => {
  await page.goto('calculators/power/');
  await appReady(page);
  await page.evaluate(() => {
    const line = 'REPORT RequestId: x\tDuration: 120.00 ms\tMemory Size: 256 MB\n';
    document.getElementById('report-lines').value = line.repeat(400_000);
  });
  await page.getByTestId('report-use').click();
  await page.getByTestId('report-cancel').click();
  await expect(page.getByTestId('report-summary')).toHaveText('Stopped reading the lines; nothing was changed.');
  await expect(page).not.toHaveURL(/points=/);
});

test('a power page opened with only a bad Power Tuning link shows the defaults beside the message', async ({ page }) => {
  // An Int16 field with an odd byte length: Power Tuning's own page throws a RangeError on it.
  await page.goto('calculators/power/?v=1&power_tuning=https%3A%2F%2Flambda-power-tuning.show%2F%23gAAAAQA%3D%3BAAAWRQ%3D%3D%3BrMWnNg%3D%3D');
  await appReady(page);
  await expect(page.getByTestId('error-summary')).toContainText('Power Tuning result');
  await expect(page.getByTestId('error-summary')).toContainText('2-byte values');
  await expect(page.locator('#app [data-metric="best_memory_mb"]')).toHaveAttribute('data-value', /^\d+$/);
  await expect(page.locator('.result-card')).toHaveClass(/stale/);
});

test('a 14 MB trace file is read in slices: the page answers, and the first part or the mean rate is offered', async ({ page, consoleErrors }) => {
  await page.goto('calculators/traffic/?v=1&sim_seconds=600');
  await appReady(page);
  await expect(page.locator('#trace-file-hint')).toContainText('the first 20,000 characters of timestamps travel in the link');
  // A million Unix times in milliseconds, 4 ms apart (250 per second), after a CSV header.
  const lines = ['timestamp,status'];
  for (let i = 0; i < 1_000_000; i += 1) lines.push(`${1764762048000 + 4 * i},200`);
  const buffer = Buffer.from(lines.join('\n'));
  expect(buffer.length).toBeGreaterThan(14_000_000);
  await page.locator('#trace-file').setInputFiles({ name: 'access.csv', mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('trace-cancel')).toBeVisible();
  const late = await page.evaluate(() => new Promise((resolve) => {
    const asked = performance.now();
    setTimeout(() => resolve(performance.now() - asked), 0);
  }));
  expect(late).toBeLessThan(200);
  const note = page.getByTestId('trace-note');
  await expect(note).toContainText('Read 1,000,000 timestamps (Unix times in milliseconds) spanning 4,000 s: 250 requests per second on average.', { timeout: 60_000 });
  await expect(note).toContainText('Skipped 1 line(s) that were not Unix times in milliseconds (line 1: \u201ctimestamp\u201d).');
  await expect(note).toContainText('A link holds 20,000 characters');
  await expect(page.locator('#p-arrival')).not.toHaveValue('trace');
  await page.getByTestId('trace-rate').click();
  await expect(page).toHaveURL(/rate_per_s=250(&|$)/);
  await expect(page.locator('#p-arrival')).toHaveValue('poisson');
  await expect(note).toHaveText('Simulating 250 requests per second (Poisson arrivals).');

  await page.locator('#trace-file').setInputFiles({ name: 'access.csv', mimeType: 'text/csv', buffer });
  await page.getByTestId('trace-first').click({ timeout: 60_000 });
  await expect(page.locator('#p-arrival')).toHaveValue('trace');
  const trace = await page.locator('#p-trace').inputValue();
  expect(trace.length).toBeLessThanOrEqual(20_000);
  expect(trace.startsWith('0,0.004,0.008,0.012,')).toBe(true);
  await expect(note).toContainText(/^Loaded the first [\d,]+ timestamps\.$/);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.locator('[data-metric="requests"]')).toHaveAttribute('data-value', String(trace.split(',').length), { timeout: 30_000 });
  expect(consoleErrors).toEqual([]);
});

test('Cancel stops reading a trace file and changes nothing; a file with no timestamps says which forms work', async ({ page }) => {
  await page.goto('calculators/traffic/?v=1&sim_seconds=600');
  await appReady(page);
  const big = Buffer.from('0.5\n'.repeat(5_000_000));
  await page.locator('#trace-file').setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: big });
  await page.getByTestId('trace-cancel').click();
  await expect(page.getByTestId('trace-note')).toHaveText('Stopped reading the file; nothing was changed.');
  await expect(page.locator('#p-arrival')).not.toHaveValue('trace');
  await page.locator('#trace-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\nworld\n') });
  await expect(page.getByTestId('trace-note')).toContainText('No timestamps were found. Skipped 2 line(s) that were not timestamps (line 1: \u201chello\u201d). Use one per line');
});

test('a REPORT log file is read a slice at a time into measured points', async ({ page, consoleErrors }) => {
  await page.goto('calculators/power/');
  await appReady(page);
  const sizes = [512, 1024, 2048];
  const lines = [];
  for (let i = 0; i < 60_000; i += 1) {
    const mb = sizes[i % 3];
    lines.push(`2026-12-03T10:00:00.000Z\tSTART RequestId: r${i}`);
    lines.push(`2026-12-03T10:00:00.100Z\tREPORT RequestId: r${i}\tDuration: ${(1024 * 100 / mb).toFixed(2)} ms\tBilled Duration: 200 ms\tMemory Size: ${mb} MB\tMax Memory Used: 90 MB`);
  }
  await page.getByLabel('Or choose a log file').setInputFiles({ name: 'lambda.log', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('report-summary')).toContainText('Read 60,000 REPORT lines at 3 memory size(s): 60,000 warm, 0 cold. Skipped 60,000 other line(s).', { timeout: 30_000 });
  await expect(page).toHaveURL(/points=512:200,1024:100,2048:50/);
  await expect(page).toHaveURL(/max_memory_used_mb=90/);
  expect(consoleErrors).toEqual([]);
});

test('a Power Tuning link with one size is blamed on the link, not on points the user never typed', async ({ page }) => {
  await page.goto('calculators/power/?v=1&power_tuning=https%3A%2F%2Flambda-power-tuning.show%2F%23gAA%3D%3BAAAWRQ%3D%3D%3BrMWnNg%3D%3D');
  await appReady(page);
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Power Tuning result');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#p-power_tuning');
});
