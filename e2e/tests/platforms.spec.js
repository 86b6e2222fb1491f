import { test, expect } from './fixtures.js';
import { startHost } from './host.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Bloggers' platforms, walked as a blogger does: a link pasted into
// WordPress (discovery, WordPress's own query arguments, its filter for an
// untrusted provider, its wp-embed host script), against the oEmbed handler
// that `cargo xtask static` serves exactly as the deployed function does.

const SITE = process.env.LAMBDA_LAB_BASE_URL || 'http://127.0.0.1:8080/lambda-lab/';
const PASTED = `${SITE}calculators/cost/?memory_mb=1024&requests=20000000&duration_ms=120`;

/** A folder of host pages served on its own port (a blog on another origin). */
async function blog(pages = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-lab-blog-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>blog</title>');
  for (const [name, html] of Object.entries(pages)) fs.writeFileSync(path.join(dir, name), html);
  const host = await startHost(dir, '/');
  return { ...host, write: (name, html) => fs.writeFileSync(path.join(dir, name), html) };
}

/** WordPress's discovery (`WP_oEmbed::discover`) and fetch: the pasted page's
 * json+oembed link, with maxwidth, maxheight, url, dnt and format set by
 * WordPress (replacing any of the same name). */
async function wordpressFetch(request, pasted, width) {
  const page = await request.get(pasted);
  expect(page.status()).toBe(200);
  const html = await page.text();
  const link = html.match(/<link[^>]+type="application\/json\+oembed"[^>]*>/);
  expect(link, 'the pasted page names an oEmbed provider').toBeTruthy();
  const href = link[0].match(/href="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const provider = new URL(href);
  const args = { maxwidth: String(width), maxheight: String(Math.min(Math.ceil(width * 1.5), 1000)), url: pasted, dnt: '1', format: 'json' };
  for (const [k, v] of Object.entries(args)) provider.searchParams.set(k, v);
  const answer = await request.get(provider.href);
  expect(answer.status()).toBe(200);
  return { provider, data: await answer.json() };
}

/** `wp_filter_oembed_result()` (wp-includes/embed.php) in the browser:
 * wp_kses with WordPress's list, the first blockquote and the iframe, a
 * secret on both, the iframe hidden while a blockquote stands in for it, and
 * the sandbox. */
function wordpressFilter(html) {
  const allowed = { a: ['href'], blockquote: [], iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'] };
  const kses = (input, extra = {}) => {
    const doc = new DOMParser().parseFromString(`<body>${input}</body>`, 'text/html');
    const clean = (node) => {
      for (const child of [...node.childNodes]) {
        if (child.nodeType === Node.ELEMENT_NODE) {
          const name = child.localName;
          clean(child);
          if (!(name in allowed)) { child.replaceWith(...child.childNodes); continue; }
          for (const a of [...child.attributes]) {
            if (!allowed[name].includes(a.name) && !(extra[name] || []).includes(a.name)) child.removeAttribute(a.name);
          }
        } else if (child.nodeType !== Node.TEXT_NODE) child.remove();
      }
    };
    clean(doc.body);
    return doc.body.innerHTML;
  };
  let out = kses(html);
  const m = out.match(/(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s);
  if (!m || !m[2]) return false;
  out = (m[1] || '') + m[2];
  const src = out.match(/ src=(['"])(.*?)\1/);
  const secret = 'Ab3dE6gH9k';
  out = out.replace(src[0], ` src="${src[2]}#?secret=${secret}" data-secret="${secret}"`).replace('<blockquote', `<blockquote data-secret="${secret}"`);
  out = kses(out, { blockquote: ['data-secret'], iframe: ['data-secret'] });
  if (m[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"').replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** What wp-embed.js does on the post: any message with a known secret hides
 * the blockquote and shows the iframe; heights are clamped to 200–1000 px. */
const WP_EMBED = `<script>
window.heights = [];
window.addEventListener('message', function (e) {
  var d = e.data;
  if (!d || !(d.secret || d.message || d.value) || /[^a-zA-Z0-9]/.test(d.secret)) return;
  document.querySelectorAll('blockquote[data-secret="' + d.secret + '"]').forEach(function (b) { b.style.display = 'none'; });
  document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
    if (e.source !== f.contentWindow) return;
    f.removeAttribute('style');
    if (d.message === 'height') {
      var h = parseInt(d.value, 10);
      if (h > 1000) h = 1000; else if (~~h < 200) h = 200;
      f.height = h;
      window.heights.push(h);
    }
  });
});
window.addEventListener('load', function () {
  document.querySelectorAll('iframe.wp-embedded-content').forEach(function (f) {
    f.contentWindow.postMessage({ message: 'ready', secret: f.getAttribute('data-secret') }, '*');
  });
});
</script>`;

const post = (body, width) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My Lambda bill</title>
<meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">
<style>body{margin:0;font-family:serif}.entry-content{max-width:${width}px;margin:0 auto;padding:0 8px}</style></head>
<body><article class="entry-content"><h1>My Lambda bill</h1><p>Here is what 20 million requests cost us:</p>
<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">
${body}
</div></figure><p>The words after the calculator.</p></article>${WP_EMBED}</body></html>`;

test('a calculator link pasted into WordPress shows its own values, becomes visible and fits without an inner scrollbar', async ({ browser, request }) => {
  const host = await blog();
  const { provider, data } = await wordpressFetch(request, PASTED, 600);
  // Discovery names the endpoint (served by the same handler as the Lambda function).
  expect(provider.pathname).toBe('/oembed');
  expect(data).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Lambda Lab', width: 600 });
  expect(data.title).toContain('$37.13');
  expect(data.html).toContain('$37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await p.goto(`${host.url}index.html`);
  const filtered = await p.evaluate(wordpressFilter, data.html);
  expect(filtered).toMatch(/^<blockquote class="wp-embedded-content" data-secret="Ab3dE6gH9k"><a href="[^"]+">Lambda cost calculator<\/a>: \$37\.13 a month/);
  expect(filtered).toContain('/embed/cost/?memory_mb=1024&amp;requests=20000000&amp;duration_ms=120#?secret=Ab3dE6gH9k');
  // The reader's view of the post, before and after the frame talks.
  host.write('post.html', post(filtered, 600));
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${host.url}post.html`);
  const iframe = p.locator('iframe.wp-embedded-content');
  const frame = p.frameLocator('iframe.wp-embedded-content');
  await expect(frame.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '37.1334');
  await expect(frame.locator('[data-metric="total_usd"]').first()).toContainText('37.13');
  await expect(frame.getByLabel('Memory (MB)')).toHaveValue('1024');
  // Shown: WordPress's clip is gone, the blockquote hidden.
  await expect.poll(() => iframe.getAttribute('style')).toBeNull();
  await expect(p.locator('blockquote.wp-embedded-content')).toBeHidden();
  await expect(iframe).toBeVisible();
  // Fitted, under WordPress's 1,000 px: no inner scrollbar.
  await expect.poll(async () => {
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await (await (await iframe.elementHandle()).contentFrame()).evaluate(() => document.documentElement.scrollHeight);
    return inner - outer;
  }, { timeout: 10_000 }).toBeLessThanOrEqual(1);
  expect(Math.max(...await p.evaluate(() => window.heights))).toBeLessThanOrEqual(1000);
  // "Open in Lambda Lab" carries the pasted values (defaults are left out of links).
  const open = frame.getByTestId('open-in-lambda-lab');
  await expect(open).toHaveAttribute('href', /\/calculators\/cost\/\?v=4&requests=20000000$/);
  expect(errors).toEqual([]);
  await context.close();
  await host.close();
});

test('a reader without frames (RSS, e-mail) gets the figure and a link with the values from the oEmbed answer', async ({ request }) => {
  const { data } = await wordpressFetch(request, PASTED, 600);
  const quote = data.html.match(/^<blockquote[^>]*>(.*?)<\/blockquote>/s);
  expect(quote).toBeTruthy();
  const text = quote[1].replace(/<[^>]+>/g, '');
  expect(text).toBe('Lambda cost calculator: $37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB. Open it in Lambda Lab');
  const links = [...quote[1].matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  expect(links.length).toBe(2);
  for (const l of links) expect(l).toBe(PASTED);
});

test('the oEmbed endpoint refuses other sites and formats, naming what it answers', async ({ request }) => {
  const endpoint = new URL('/oembed', SITE);
  const ask = (q) => request.get(`${endpoint.href}?${q}`);
  const other = await ask(`url=${encodeURIComponent('https://example.org/calculators/cost/')}&format=json`);
  expect(other.status()).toBe(404);
  expect(await other.text()).toContain(`${SITE}calculators/`);
  expect((await ask(`url=${encodeURIComponent(PASTED)}&format=xml`)).status()).toBe(501);
  expect((await ask('format=json')).status()).toBe(400);
  const ok = await ask(`url=${encodeURIComponent(PASTED)}`);
  expect(ok.headers()['access-control-allow-origin']).toBe('*');
  expect(ok.headers()['content-type']).toBe('application/json; charset=utf-8');
});

/** The "HTML with auto-height" snippet of a calculator page, as a blogger copies it. */
async function snippetOf(browser, route) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await p.goto(new URL(route, SITE).href);
  await expect(p.locator('html')).toHaveAttribute('data-app', 'ready');
  await p.getByTestId('embed-button').click();
  const dialog = p.getByRole('dialog', { name: /Embed this calculator/ });
  // The preview reports its height before the snippet is taken.
  await expect(p.frameLocator('[data-testid="embed-preview"]').locator('[data-metric]').first()).toBeAttached();
  await expect.poll(async () => (await dialog.getByTestId('snippet-script').inputValue()).match(/height="(\d+)"/)[1]).not.toBe('640');
  const snippet = await dialog.getByTestId('snippet-script').inputValue();
  await context.close();
  return snippet;
}

const LOREM = 'Cold starts, memory sizes and the bill move together, and this post walks through them with the numbers. ';
const CLS_POST = (a, b) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two calculators</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<script>window.cls = 0; window.shifts = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { window.cls += e.value; window.shifts.push(e.value); } })
  .observe({ type: 'layout-shift', buffered: true });</script>
<style>body{margin:0;font:18px/1.6 Georgia,serif}article{max-width:680px;margin:0 auto;padding:0 16px}</style></head>
<body><article><h1>What our Lambda functions cost</h1><p>${LOREM.repeat(3)}</p>
${a}
<p>${LOREM.repeat(4)}</p>
${b}
<p>${LOREM.repeat(4)}</p></article></body></html>`;

for (const [width, height] of [[1280, 800], [375, 667]]) {
  test(`a post with two embeds does not jump while they load at ${width} px (layout shift ≤ 0.05)`, async ({ browser }) => {
    const a = await snippetOf(browser, 'calculators/cost/?memory_mb=1024&requests=20000000&duration_ms=120');
    const b = await snippetOf(browser, 'calculators/cold-start/');
    expect(a).toContain('data-heights="');
    expect(a).toContain('<blockquote data-lambda-lab-fallback>');
    const host = await blog({ 'post.html': CLS_POST(a, b) });
    const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 600, hasTouch: width < 600 });
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${host.url}post.html`);
    const frames = p.locator('iframe');
    await expect(p.frameLocator('iframe >> nth=0').locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '37.1334');
    // The reader scrolls down through the post to the second calculator.
    for (let i = 0; i < 12; i++) { await p.mouse.wheel(0, height * 0.6); await p.waitForTimeout(150); }
    await expect(p.frameLocator('iframe >> nth=1').locator('[data-metric]').first()).toBeAttached();
    await expect(p.locator('blockquote[data-lambda-lab-fallback]').nth(1)).toBeHidden();
    await expect(p.locator('blockquote[data-lambda-lab-fallback]').nth(0)).toBeHidden();
    await p.waitForTimeout(1000);
    // Each frame fits what is inside it.
    for (let i = 0; i < 2; i++) {
      const f = frames.nth(i);
      const outer = await f.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await (await (await f.elementHandle()).contentFrame()).evaluate(() => document.documentElement.getBoundingClientRect().height);
      expect(Math.abs(outer - inner)).toBeLessThanOrEqual(2);
    }
    const cls = await p.evaluate(() => window.cls);
    console.log(`layout shift of a two-embed post at ${width}x${height}: ${cls.toFixed(4)} (${await p.evaluate(() => window.shifts.map((s) => s.toFixed(4)).join(', '))})`);
    expect(cls).toBeLessThanOrEqual(0.05);
    expect(errors).toEqual([]);
    await context.close();
    await host.close();
  });
}

test('the quote beside an embed steps aside at once, and comes back if the calculator never reports', async ({ browser }) => {
  const a = await snippetOf(browser, 'calculators/cost/?memory_mb=1024&requests=20000000&duration_ms=120');
  // The reader's browser runs no script in the frame: the calculator never reports.
  const host = await blog({ 'post.html': CLS_POST(a.replace('<iframe ', '<iframe sandbox="" '), '') });
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const p = await context.newPage();
  await p.clock.install();
  await p.goto(`${host.url}post.html`);
  const quote = p.locator('blockquote[data-lambda-lab-fallback]');
  // Hidden with the sizing, before any report: the text below never jumps up later.
  await expect(p.locator('iframe')).toHaveAttribute('data-lambda-lab', 'sized');
  await expect(quote).toBeHidden();
  await p.clock.runFor(19000);
  await expect(quote).toBeHidden();
  await p.clock.runFor(2000);
  await expect(quote).toBeVisible();
  await expect(quote).toContainText('$37.13 a month');
  await context.close();
  await host.close();
});

test('every calculator page has a 1200×630 social card and a large-image summary', async ({ page, request }) => {
  for (const slug of ['cost', 'power', 'cold-start', 'traffic', 'managed-instances', 'account']) {
    for (const route of [`calculators/${slug}/`, `embed/${slug}/`]) {
      await page.goto(route);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(new URL(image).pathname).toBe(`/lambda-lab/og/${slug}.png`);
      await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
      await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute('content', '630');
      await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /\S/);
      await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
      const png = await (await request.get(image)).body();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  }
  // The cost card's alt text is its figure.
  await page.goto('calculators/cost/');
  await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /\$0\.40 a month for 3,000,000 requests/);
});

/** Hugo's and Jekyll's templating, as far as the files use it: the named
 * arguments of the use in a post put into the file. */
function renderTemplate(file, usage, kind) {
  const args = Object.fromEntries([...usage.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&quot;/g, '"')]));
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  if (kind === 'hugo') {
    return file
      .replace(/\{\{ with \.Get "summary" \}\}: \{\{ \. \}\}\.\{\{ else \}\}\.\{\{ end \}\}/, args.summary ? `: ${esc(args.summary)}.` : '.')
      .replace(/\{\{ \.Get "(\w+)" \}\}/g, (_, k) => esc(args[k] ?? ''));
  }
  return file
    .replace(/\{% if include\.summary %\}: \{\{ include\.summary \}\}\.\{% else %\}\.\{% endif %\}/, args.summary ? `: ${esc(args.summary)}.` : '.')
    .replace(/\{\{ include\.(\w+) \}\}/g, (_, k) => esc(args[k] ?? ''));
}

test('the Embed dialog gives each platform its snippet, and Hugo, Jekyll and a share link show the same values', async ({ browser, request }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const route = 'calculators/cost/?memory_mb=1024&requests=20000000&duration_ms=120';
  await p.goto(route);
  await expect(p.locator('html')).toHaveAttribute('data-app', 'ready');
  await p.getByTestId('embed-button').click();
  const dialog = p.getByRole('dialog', { name: /Embed this calculator/ });
  const pick = (v) => dialog.getByLabel('Where will you paste it?').selectOption(v);
  const text = (id) => dialog.getByTestId(id).inputValue();
  // HTML: with its script and its fallback; without a script, the fallback as a caption.
  expect(await text('snippet-script')).toMatch(/<\/iframe>\n<blockquote data-lambda-lab-fallback><a href="[^"]+">Lambda cost calculator<\/a>: \$37\.13 a month for 20,000,000 requests of 120 ms at 1,024 MB\. <a href="[^"]+">Open it in Lambda Lab<\/a><\/blockquote>\n<script async src="[^"]+\/embed\.js"><\/script>$/);
  expect(await text('snippet-iframe')).toMatch(/frameborder="0"[^>]*><\/iframe>\n<blockquote data-lambda-lab-fallback>/);
  // WordPress: this build has an endpoint, so the link itself is the snippet.
  await pick('wordpress');
  // New snippets pin today's price table (issue 24): the post keeps its figures after a price change.
  expect(await text('snippet-wordpress-link')).toBe(`${new URL(route, SITE).href.replace('?', '?v=4&').replace(/&memory_mb=1024|&duration_ms=120/g, '')}&prices=2026-11-23`);
  await pick('address');
  expect(await text('snippet-address')).toMatch(/\/lambda-lab\/embed\/cost\/\?v=4&requests=20000000&prices=2026-11-23$/);
  await pick('markdown');
  expect(await text('snippet-markdown')).toBe(`[Lambda cost calculator: $37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB. Open it in Lambda Lab](${SITE}calculators/cost/?v=4&requests=20000000&prices=2026-11-23)`);
  await pick('mdx');
  expect(await text('snippet-mdx')).toMatch(/^import LambdaLab from '@site\/src\/components\/LambdaLab';\n\n<LambdaLab src="[^"]+" page="[^"]+" title="Lambda cost calculator" height=\{\d+\} summary="\$37\.13 a month/);
  expect(await text('snippet-mdx-file')).toContain('export default function LambdaLab(');
  const pages = {};
  for (const kind of ['hugo', 'jekyll']) {
    await pick(kind);
    const usage = await text(`snippet-${kind}`);
    const file = await text(`snippet-${kind}-file`);
    expect(usage).toContain(kind === 'hugo' ? '{{< lambda-lab src="' : '{% include lambda-lab.html src="');
    pages[`${kind}.html`] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${kind}</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><div style="width:600px">${renderTemplate(file, usage, kind)}</div></body></html>`;
  }
  await pick('social');
  const share = await text('snippet-share');
  expect(new URL(share).pathname).toBe('/share/cost/');
  await context.close();

  // The Hugo shortcode and the Jekyll include, rendered, show the values and hide their fallback.
  const host = await blog(pages);
  const reader = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const r = await reader.newPage();
  for (const kind of ['hugo', 'jekyll']) {
    await r.goto(`${host.url}${kind}.html`);
    await expect(r.frameLocator('iframe').locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '37.1334');
    await expect(r.locator('blockquote[data-lambda-lab-fallback]')).toBeHidden();
  }
  await reader.close();
  await host.close();

  // The share address: its card and headline for crawlers (no script), the calculator for people.
  const html = await (await request.get(share)).text();
  expect(html).toContain('<meta property="og:title" content="Lambda cost calculator: $37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB">');
  const card = html.match(/<meta property="og:image" content="([^"]+)">/)[1].replace(/&amp;/g, '&');
  const png = await (await request.get(card)).body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  const person = await browser.newPage();
  await person.goto(share);
  await person.waitForURL(/\/lambda-lab\/calculators\/cost\/\?v=4&requests=20000000&prices=2026-11-23$/);
  await expect(person.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '37.1334');
  await person.close();
});

const SLUGS = ['cost', 'power', 'cold-start', 'traffic', 'managed-instances', 'microvms', 'platforms', 'account'];

async function embedHeight(browser, slug, width, query = '') {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const p = await context.newPage();
  await p.goto(new URL(`embed/${slug}/${query}`, SITE).href);
  await expect(p.locator('html')).toHaveAttribute('data-app', 'ready');
  if (slug !== 'account') await expect(p.locator('[data-metric]').first()).toBeAttached();
  await p.waitForTimeout(600);
  const h = await p.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { h, p, close: () => context.close() };
}

test('every calculator\'s default embed fits under WordPress\'s 1,000 px at 600 and 375 px wide, and its height table holds', async ({ browser, request }) => {
  test.setTimeout(180_000);
  for (const slug of SLUGS) {
    for (const width of [360, 375, 480, 600, 800, 1000]) {
      const { h, close } = await embedHeight(browser, slug, width);
      await close();
      if (width === 375 || width === 600) expect(h, `${slug} at ${width} px`).toBeLessThanOrEqual(1000);
      // The height an iframe starts at (the endpoint's answer for this width) is the one measured, within 4%.
      const url = encodeURIComponent(new URL(`calculators/${slug}/`, SITE).href);
      const answer = await (await request.get(new URL(`/oembed?url=${url}&maxwidth=${width}`, SITE).href)).json();
      expect(Math.abs(answer.height - h) / h, `${slug} at ${width} px: table ${answer.height}, measured ${h}`).toBeLessThanOrEqual(0.04);
    }
  }
});

test('an embed keeps its tools in Lambda Lab unless asked, and Reset goes back to the post\'s values', async ({ browser }) => {
  const plain = await embedHeight(browser, 'cost', 600, '?memory_mb=512&requests=20000000');
  await expect(plain.p.getByRole('button', { name: 'Copy link', exact: true })).toBeHidden();
  await expect(plain.p.getByRole('link', { name: 'Tune memory' })).toBeHidden();
  await expect(plain.p.getByRole('button', { name: 'Reset' })).toBeVisible();
  await plain.p.getByLabel('Memory (MB)', { exact: true }).fill('2048');
  await plain.p.getByLabel('Memory (MB)', { exact: true }).press('Tab');
  await expect(plain.p.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '77.13348');
  // The help of the field being edited shows over what follows, moving nothing.
  const reset = plain.p.getByRole('button', { name: 'Reset' });
  const before = await reset.boundingBox();
  await plain.p.getByLabel('Memory (MB)', { exact: true }).focus();
  await expect(plain.p.locator('#hint-memory_mb')).toBeVisible();
  expect(await reset.boundingBox()).toEqual(before);
  await reset.click();
  await expect(plain.p.getByLabel('Memory (MB)', { exact: true })).toHaveValue('512');
  await expect(plain.p.getByLabel('Requests', { exact: true })).toHaveValue('20000000');
  await expect(plain.p.locator('[data-metric="total_usd"]').first()).toHaveAttribute('data-value', '17.13336');
  await expect(plain.p.getByTestId('toolbar-status')).toHaveText('Reset to the values it was embedded with.');
  await expect(plain.p.locator('#hint-memory_mb')).toBeHidden();
  await plain.close();
  const tools = await embedHeight(browser, 'cost', 600, '?memory_mb=512&show=result,inputs,tools');
  await expect(tools.p.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
  await expect(tools.p.getByRole('link', { name: 'Tune memory' })).toBeVisible();
  await tools.close();
});

test('small things bloggers saw: the requests field at 640 px, the power table at 600 px, the no-JS note, labels to fix for readers', async ({ browser }) => {
  // 20,000,000 requests read whole in a 640 px embed.
  const wide = await embedHeight(browser, 'cost', 640, '?requests=20000000');
  const field = wide.p.getByLabel('Requests', { exact: true });
  await expect(field).toHaveValue('20000000');
  expect(await field.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await field.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(120);
  await wide.close();
  // The power table fits a 600 px post without scrolling sideways.
  const power = await embedHeight(browser, 'power', 600, '?show=result,table');
  const table = power.p.getByTestId('sweep-table');
  await expect(table).toBeVisible();
  expect(await table.evaluate((t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth + 1)).toBe(true);
  await power.close();
  // With scripts off, the page says so once, not "Loading …" beside it.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(new URL('embed/cost/', SITE).href);
  await expect(p.getByText(/needs JavaScript and WebAssembly/)).toBeVisible();
  await expect(p.getByText(/Loading the/)).toBeHidden();
  await noJs.close();
  // Managed Instances: the parameters to fix for readers are named by their labels.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const mi = await ctx.newPage();
  await mi.goto(new URL('calculators/managed-instances/', SITE).href);
  await expect(mi.locator('html')).toHaveAttribute('data-app', 'ready');
  await mi.getByTestId('embed-button').click();
  await expect(mi.getByRole('dialog', { name: /Embed this calculator/ })).toBeVisible();
  await expect(mi.getByRole('group', { name: 'Fixed for readers' })).toBeVisible();
  const fixed = mi.getByRole('group', { name: 'Fixed for readers' }).locator('label');
  expect(await fixed.count()).toBeGreaterThan(0);
  for (const label of await fixed.allTextContents()) expect(label).not.toMatch(/_/);
  await ctx.close();
});
