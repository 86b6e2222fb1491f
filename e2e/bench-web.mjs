// `cargo xtask bench-web`: what a first visit costs on a slow network, per
// route, the way users feel it. Chromium is throttled to the slow-4G profile
// of issue 10 (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency), with the
// HTTP cache off and no service worker. For each route it prints the bytes on
// the wire and the time until the route's first computed figure (or, for a
// lesson, its first step's text) is on screen, the median of N runs, beside
// the physical floor: round trips × 150 ms + bytes ÷ 200 KB/s, where the
// round trips are the longest chain of requests that had to happen one after
// the other. Arguments come from the environment:
//   BENCH_BASE       the site, e.g. http://127.0.0.1:4321/lambda-lab/
//   BENCH_REFERENCE  optional: Power Tuning's result page (its index.html), to measure beside ours
//   BENCH_RUNS       runs per route (default 3)
//   BENCH_ONLY       optional: only the routes whose name contains this text (and no walk or repeat visits)
import { chromium } from '@playwright/test';

const base = process.env.BENCH_BASE;
const reference = process.env.BENCH_REFERENCE;
const runs = Number(process.env.BENCH_RUNS || 3);
const LATENCY = 150;
const DOWN = 1.6e6 / 8;
const UP = 750e3 / 8;

// Power Tuning's sample result link (shared/reference/samples.md).
const PT_HASH = 'gAAAAQACAAQABg==;AAAWRQAAlkQAABZEAACWQwAAlkM=;rMWnNqzFpzasxac2rMWnNoKo+zY=';
const PT_LINK = `https://lambda-power-tuning.show/#${PT_HASH}`;

// On screen: laid out, not hidden, with text, and painted (the DOM can hold
// an element before the stylesheet has arrived, and nothing is painted then).
const visible = (sel) => `(() => { const el = document.querySelector(${JSON.stringify(sel)}); return el && performance.getEntriesByType('paint').length > 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.textContent.trim() !== '' ? performance.now() : false; })()`;

// A calculator link's first figure: the first time the metric is on screen
// (not hidden) anywhere in the calculator's host, whether the figures module
// or the interactive one wrote it. Every distinct text it shows on the way is
// recorded (an init script), so a value other than the link's own shows up.
const figure = (metric) => ({ metric, ready: visible(`#app [data-metric="${metric}"]`) });
const PT_QUERY = `power_tuning=${encodeURIComponent(PT_LINK)}`;
const COST_Q = 'memory_mb=512&requests=20000000';
const ACCOUNT_Q = `f=${encodeURIComponent('memory_mb=2048&requests=30000000')}&f=${encodeURIComponent('arch=arm64&requests=90000000')}`;
const ROUTES = [
  { name: 'Power Tuning link in the power explorer', path: `calculators/power/?${PT_QUERY}`, ...figure('best_memory_mb') },
  { name: 'Embed: power, Power Tuning link', path: `embed/power/?${PT_QUERY}`, ...figure('best_memory_mb') },
  { name: 'Cost, deep link', path: `calculators/cost/?${COST_Q}`, ...figure('total_usd') },
  { name: 'Embed: cost', path: `embed/cost/?${COST_Q}`, ...figure('total_usd') },
  { name: 'Cold start, deep link', path: 'calculators/cold-start/?runtime=java21&memory_mb=2048', ...figure('init_p50_ms') },
  { name: 'Embed: cold start', path: 'embed/cold-start/?runtime=java21&memory_mb=2048', ...figure('init_p50_ms') },
  { name: 'Traffic, deep link', path: 'calculators/traffic/?rate_per_s=40&duration_ms=250', ...figure('cold_start_ratio') },
  { name: 'Embed: traffic', path: 'embed/traffic/?rate_per_s=40&duration_ms=250', ...figure('cold_start_ratio') },
  // The alternative that was measured and not taken (docs/BENCHMARKS.md): the
  // same traffic simulated for one full cycle (start-up, a lifetime, a
  // keep-alive: 8,040 s) instead of the automatic day.
  { name: 'Traffic, one cycle instead of a day (alternative)', path: 'calculators/traffic/?rate_per_s=40&duration_ms=250&sim_seconds=8040', ...figure('cold_start_ratio') },
  { name: 'Managed Instances, crossover', path: 'calculators/managed-instances/?ec2_discount_pct=72', ...figure('total_usd') },
  { name: 'Embed: Managed Instances', path: 'embed/managed-instances/?ec2_discount_pct=72', ...figure('total_usd') },
  { name: 'MicroVMs, deep link', path: 'calculators/microvms/?sessions=250&session_s=1800', ...figure('total_usd') },
  { name: 'Embed: MicroVMs', path: 'embed/microvms/?sessions=250&session_s=1800', ...figure('total_usd') },
  { name: 'Platforms, deep link', path: 'calculators/platforms/?requests=900000000&duration_ms=80', ...figure('cheapest_usd') },
  { name: 'Embed: platforms', path: 'embed/platforms/?requests=900000000&duration_ms=80', ...figure('cheapest_usd') },
  { name: 'Account, deep link (two functions)', path: `calculators/account/?${ACCOUNT_Q}`, ...figure('total_usd') },
  { name: 'Embed: account', path: `embed/account/?${ACCOUNT_Q}`, ...figure('total_usd') },
  { name: 'Account, defaults', path: 'calculators/account/', ...figure('total_usd') },
  { name: "AWS's examples, checked", path: 'about/prices/', ready: visible('[data-testid="conformance-summary"]') },
  { name: 'Lesson 4, first step text', path: 'lessons/04-cold-start-anatomy/', ready: visible('.lesson-step h2') },
  { name: 'Lesson 1, first step text', path: 'lessons/01-billing/', ready: visible('.lesson-step h2') },
  { name: "Lesson 1, its first calculator's figures", path: 'lessons/01-billing/', ready: visible('.lesson-calc [data-metric="total_usd"]') },
  { name: "Lesson 8, its first calculator's figures", path: 'lessons/08-concurrency-and-throttling/', ready: visible('.lesson-calc [data-metric]') },
  { name: 'Lesson 1, interactive', path: 'lessons/01-billing/', ready: `document.documentElement.dataset.app === 'ready' && document.querySelector('.lesson-calc [data-metric="total_usd"]') ? performance.now() : false` },
  { name: 'Home (worked example)', path: '', ready: visible('[data-metric="total_usd"]') },
  { name: 'Lesson index', path: 'lessons/', ready: visible('.lesson-card') },
];

async function throttled(browser, { cache = false } = {}) {
  // The pages' Content-Security-Policy forbids eval; the probes that time the
  // first figure are evaluated by the harness, so it bypasses CSP (no effect on
  // what the page loads).
  const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY, downloadThroughput: DOWN, uploadThroughput: UP });
  const net = { bytes: 0, requests: [], depth: new Map(), log: [] };
  const sent = new Map();
  // Chromium reports a memory-cache hit before its response.
  const memoryHits = new Set();
  cdp.on('Network.requestServedFromCache', (e) => memoryHits.add(e.requestId));
  cdp.on('Network.requestWillBeSent', (e) => {
    const i = e.initiator || {};
    const parent = i.url || (i.stack && i.stack.callFrames && i.stack.callFrames[0] && i.stack.callFrames[0].url) || null;
    const depth = parent && net.depth.has(parent) ? net.depth.get(parent) + 1 : 1;
    if (!net.depth.has(e.request.url)) net.depth.set(e.request.url, depth);
    sent.set(e.requestId, { url: e.request.url, depth });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = sent.get(e.requestId);
    if (r) net.log.push({ url: r.url, fromCache: memoryHits.has(e.requestId) || e.response.fromDiskCache || e.response.fromPrefetchCache || false, status: e.response.status });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = sent.get(e.requestId);
    net.bytes += e.encodedDataLength;
    if (r) net.requests.push({ ...r, bytes: e.encodedDataLength });
  });
  return { context, page, net };
}

async function measure(browser, url, route) {
  const { context, page, net } = await throttled(browser);
  if (route.metric) {
    await page.addInitScript((metric) => {
      window.__seen = [];
      window.__cls = 0;
      try {
        new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
          .observe({ type: 'layout-shift', buffered: true });
      } catch (e) { /* no layout-shift entries */ }
      const look = () => {
        for (const el of document.querySelectorAll(`#app [data-metric="${metric}"]`)) {
          const t = el.textContent.trim();
          if (performance.getEntriesByType('paint').length > 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && t !== '' && window.__seen[window.__seen.length - 1] !== t) window.__seen.push(t);
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, route.metric);
  }
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(route.ready, null, { polling: 'raf', timeout: 120_000 });
  const ms = await handle.jsonValue();
  const bytes = net.requests.reduce((s, r) => s + r.bytes, 0);
  const trips = Math.max(1, ...net.requests.map((r) => r.depth));
  const requests = net.requests.length;
  let others = 0;
  let cls = null;
  if (route.metric) {
    // Until the calculator is interactive: the values it showed, and how much the page moved.
    await page.waitForFunction(() => ['ready', 'failed'].includes(document.documentElement.dataset.app), null, { timeout: 120_000 });
    // The value the calculator settles on (a simulation may still be running):
    // the same text for a second.
    let [text, same] = ['', 0];
    for (let i = 0; i < 60 && same < 4; i += 1) {
      await page.waitForTimeout(250);
      const now = await page.evaluate((metric) => { const el = document.querySelector(`#app [data-metric="${metric}"]`); return el ? el.textContent.trim() : ''; }, route.metric);
      same = now === text ? same + 1 : 0;
      text = now;
    }
    const r = await page.evaluate((metric) => {
      const el = document.querySelector(`#app [data-metric="${metric}"]`);
      return { seen: window.__seen, cls: window.__cls, last: el ? el.textContent.trim() : null };
    }, route.metric);
    // (A placeholder such as "—" while a simulation runs is not a value.)
    others = r.seen.filter((t) => t !== r.last && /\d/.test(t)).length;
    // Layout shift until the figure has settled: the takeover and, for the
    // simulator, its own run's result.
    cls = r.cls;
  }
  await context.close();
  return { ms, bytes, trips, requests, others, cls };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (b) => `${(b / 1000).toFixed(0)} KB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function row(browser, name, url, route) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await measure(browser, url, route));
  const ms = median(samples.map((x) => x.ms));
  const bytes = median(samples.map((x) => x.bytes));
  const trips = median(samples.map((x) => x.trips));
  const floor = trips * LATENCY + (bytes / DOWN) * 1000;
  const others = Math.max(...samples.map((x) => x.others));
  const cls = route.metric ? Math.max(...samples.map((x) => x.cls)).toFixed(3) : '–';
  const vsPt = pt ? `${(ms / pt.ms).toFixed(2)}×` : '–';
  console.log(`| ${name} | ${kb(bytes)} | ${median(samples.map((x) => x.requests))} | ${s(ms)} | ${vsPt} | ${s(floor)} (${trips} × 150 ms + ${kb(bytes)} ÷ 200 KB/s) | ${(ms / floor).toFixed(2)} | ${route.metric ? others : '–'} | ${cls} | ${samples.map((x) => s(x.ms)).join(', ')} |`);
  return { ms, bytes };
}

/** Bytes to read three lessons step by step, with the cache on, as one visitor. */
async function walk(browser, slugs) {
  const { context, page, net } = await throttled(browser, { cache: true });
  for (const slug of slugs) {
    await page.goto(`${base}lessons/${slug}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 120_000 });
    for (;;) {
      await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="module-status"]')].some((e) => /Loading/.test(e.textContent)), null, { timeout: 120_000 });
      const count = await page.locator('[data-testid="step-nav-top"] [data-testid="step-count"]').textContent();
      const [, n, total] = count.match(/Step (\d+) of (\d+)/);
      if (n === total) break;
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((want) => document.querySelector('[data-testid="step-nav-top"] [data-testid="step-count"]').textContent.startsWith(`Step ${want} `), Number(n) + 1);
    }
  }
  const bytes = net.requests.reduce((sum, r) => sum + r.bytes, 0);
  await context.close();
  return { bytes, requests: net.requests.length };
}

/** Requests for hashed files on a second visit with a warm cache. */
async function repeat(browser, path) {
  const { context, page, net } = await throttled(browser, { cache: true });
  await page.goto(base + path);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 120_000 });
  net.log.length = 0;
  await page.goto(base + path);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready', null, { timeout: 120_000 });
  const hashed = net.log.filter((r) => /-[0-9a-f]{12,16}[./]/.test(r.url) && !r.fromCache);
  await context.close();
  return { hashed: hashed.length, all: net.log.filter((r) => !r.fromCache).length, urls: hashed.map((r) => new URL(r.url).pathname) };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
console.log(`bench-web: ${base}, slow-4G (1.6 Mbit/s down, 750 kbit/s up, 150 ms), cache off, median of ${runs}`);
console.log('| Route | Bytes by the first figure | Requests | First figure | vs Power Tuning | Floor | Ratio to floor | Other values shown first | Layout shift | Runs |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
let pt = null;
if (reference) pt = await row(browser, "Power Tuning's own result page (reference)", `${reference}#${PT_HASH}`, { ready: `(() => { const el = document.getElementById('min-cost'); return el && el.textContent.trim() !== 'XXXMB' ? performance.now() : false; })()` });
const results = {};
const only = process.env.BENCH_ONLY;
for (const r of ROUTES.filter((x) => !only || x.name.includes(only))) results[r.name] = await row(browser, r.name, base + r.path, r);
if (only) {
  await browser.close();
  process.exit(0);
}
if (pt) {
  const ours = results['Power Tuning link in the power explorer'];
  console.log(`\nbench-web: power explorer vs Power Tuning's page: ${(ours.ms / pt.ms).toFixed(2)}× the time, ${(ours.bytes / pt.bytes).toFixed(2)}× the bytes`);
}
const w = await walk(browser, ['01-billing', '04-cold-start-anatomy', '07-provisioned-and-snapstart']);
console.log(`bench-web: walking lessons 1, 4 and 7 step by step (cache on): ${kb(w.bytes)} over ${w.requests} requests`);
for (const path of ['calculators/cost/', 'lessons/01-billing/', '']) {
  const r = await repeat(browser, path);
  console.log(`bench-web: repeat visit of /${path} with a warm cache: ${r.hashed} requests for hashed files${r.hashed ? ` (${r.urls.join(", ")})` : ""}, ${r.all} requests in all`);
}
await browser.close();
