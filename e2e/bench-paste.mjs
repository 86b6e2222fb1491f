// Measures what a reader feels pasting a large CloudWatch log into the power
// page (issue 28): time to the first progress, the longest task while
// reading, how fast Cancel answers, and the whole read. Two ways in: a real
// paste (Ctrl+V from the clipboard: the page reads it without keeping it in
// the box) and a box already holding the text (filled by a script), read with
// "Use these lines".
// Run against a served build:
//   BENCH_BASE=http://127.0.0.1:8099/lambda-lab/ node bench-paste.mjs [MB]
// Prints one JSON line per run; results go to docs/BENCHMARKS.md by hand.
import { chromium } from '@playwright/test';

const base = process.env.BENCH_BASE || 'http://127.0.0.1:8099/lambda-lab/';
const mb = Number(process.argv[2] || 50);
const runs = Number(process.env.BENCH_RUNS || 3);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

async function fill(page) {
  return page.evaluate((bytes) => {
    const sizes = [512, 1024, 2048];
    const parts = [];
    let length = 0;
    let i = 0;
    while (length < bytes) {
      const m = sizes[i % 3];
      const line = `2026-12-01T10:00:00.000Z\tREPORT RequestId: 5e2b7a8c-${String(i).padStart(8, '0')}\tDuration: ${(102400 / m + (i % 7)).toFixed(2)} ms\tBilled Duration: 300 ms\tMemory Size: ${m} MB\tMax Memory Used: 90 MB\n`;
      parts.push(line);
      length += line.length;
      i += 1;
    }
    document.getElementById('report-lines').value = parts.join('');
    return i;
  }, mb * 1_000_000);
}

const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
for (const mode of ['paste', 'box']) {
  for (let run = 0; run < runs; run += 1) {
    const page = await context.newPage();
    await page.goto(`${base}calculators/power/`);
    await page.waitForSelector('html[data-app="ready"]');
    const lines = await fill(page);
    if (mode === 'paste') {
      await page.evaluate(async () => {
        const box = document.getElementById('report-lines');
        await navigator.clipboard.writeText(box.value);
        box.value = '';
      });
      await page.waitForTimeout(2000);
      await page.focus('#report-lines');
    } else {
      await page.waitForTimeout(2000);
    }
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
      window.__t0 = performance.now();
      window.__progress = null;
      const poll = () => {
        if (window.__progress === null && document.querySelector('[data-testid="report-cancel"]')) window.__progress = performance.now() - window.__t0;
        if (!document.querySelector('[data-testid="report-summary"]').textContent.startsWith('Read ')) setTimeout(poll, 5);
        else window.__done = performance.now() - window.__t0;
      };
      setTimeout(poll, 0);
    });
    if (mode === 'paste') await page.keyboard.press('Control+V');
    else await page.click('[data-testid="report-use"]');
    await page.waitForFunction(() => window.__done !== undefined, null, { timeout: 120_000, polling: 100 });
    const read = await page.evaluate(() => ({
      progressMs: Math.round(window.__progress), totalMs: Math.round(window.__done),
      longest: Math.round(Math.max(0, ...window.__long)), longTasks: window.__long.length,
    }));
    console.log(JSON.stringify({ mode, mb, lines, ...read }));
    await page.close();
  }
}
// Cancel, 1 s into reading a paste: from the moment it is asked (a task
// queued then waits for whatever holds the page) until the page says it stopped.
{
  const page = await context.newPage();
  await page.goto(`${base}calculators/power/`);
  await page.waitForSelector('html[data-app="ready"]');
  await fill(page);
  await page.evaluate(async () => {
    const box = document.getElementById('report-lines');
    await navigator.clipboard.writeText(box.value);
    box.value = '';
  });
  await page.focus('#report-lines');
  await page.keyboard.press('Control+V');
  const cancel = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now() + 1000;
    setTimeout(() => {
      document.querySelector('[data-testid="report-cancel"]').click();
      const poll = () => {
        const s = document.querySelector('[data-testid="report-summary"]').textContent;
        if (s.startsWith('Stopped')) resolve(performance.now() - t0);
        else setTimeout(poll, 1);
      };
      poll();
    }, 1000);
  }));
  console.log(JSON.stringify({ mode: 'cancel', mb, cancelMs: Math.round(cancel) }));
}
await browser.close();
