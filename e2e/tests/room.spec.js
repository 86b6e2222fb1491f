// Teaching in a real room (issue 23): a clicker sends PageDown/PageUp (and
// some send B or . to blank the screen); it cannot move focus, so whatever
// has focus, a slider or a field, the slides must still change.
import { test, expect, appReady, decodeQr } from './fixtures.js';
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.join(import.meta.dirname, '..', '..', 'content', 'lessons');
const checksOf = (n) => {
  const f = fs.readdirSync(DIR).find((x) => x.startsWith(String(n).padStart(2, '0') + '-'));
  return fs.readFileSync(path.join(DIR, f), 'utf8').split('\n').filter((l) => l.trim() === '::: check').length;
};
/** Pages in a PDF Chromium printed. */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`at ${viewport.width}×${viewport.height} the clicker's keys change slides after a slider or a field was used, and blank the screen`, async ({ page, consoleErrors }) => {
    await page.setViewportSize(viewport);
    await page.goto('lessons/01-billing/?view=present&step=two-meters');
    await appReady(page);
    const count = page.getByTestId('present-count');
    await expect(count).toHaveText(/^1 \/ \d+$/);
    const total = (await count.textContent()).split(' / ')[1];
    await expect(page.locator('[data-testid="module-status"]')).toHaveCount(0, { timeout: 60_000 });

    // A slider used with the arrows keeps them; PageDown still changes the slide.
    const slider = page.locator('.present input[type="range"]:visible').first();
    for (let i = 0; i < 10 && (await slider.count()) === 0; i++) {
      const u = page.url();
      await page.keyboard.press('PageDown');
      await page.waitForURL((x) => x.href !== u);
    }
    const first = page.url();
    await slider.focus();
    const before = await slider.inputValue();
    await page.keyboard.press('ArrowRight');
    await expect(slider).not.toHaveValue(before);
    const moved = await slider.inputValue();
    await page.keyboard.press('PageDown');
    await expect(page).not.toHaveURL(first);
    await expect(page).toHaveURL(/part=\d|step=(2|rounding)/);
    // No focus ring is projected around the title the slide change focused.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)).toBe('none');

    // Back, then from inside a text field: PageDown and PageUp still work.
    await page.keyboard.press('PageUp');
    await expect(page).toHaveURL(first);
    await expect(count).toHaveText(`1 / ${total}`);
    const field = page.locator('.present input[type="text"]:visible').first();
    await field.focus();
    const typedIn = await field.elementHandle();
    const here = page.url();
    await page.keyboard.press('PageDown');
    await expect(page).not.toHaveURL(here);
    // A field left behind on the last slide lets the keys go (else B, below,
    // would type into it instead of blanking the screen); one still on screen keeps them.
    await expect
      .poll(() => typedIn.evaluate((el) => el.checkVisibility() || el !== document.activeElement))
      .toBe(true);
    await page.keyboard.press('PageUp');
    await expect(page).toHaveURL(here);
    // The slider kept the value it was moved to before the slide changed.
    expect(moved).not.toBe(before);
    expect(await slider.inputValue()).toBe(moved);

    // B and . blank to black, W and , to white; any key brings the slide back.
    for (const [key, colour] of [['b', 'rgb(0, 0, 0)'], ['.', 'rgb(0, 0, 0)'], ['w', 'rgb(255, 255, 255)'], [',', 'rgb(255, 255, 255)']]) {
      await page.keyboard.press(key);
      const blank = page.getByTestId('blank-screen');
      await expect(blank).toBeVisible();
      expect(await blank.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colour);
      await page.keyboard.press('PageDown');
      await expect(blank).toHaveCount(0);
      await expect(count).toHaveText(`1 / ${total}`);
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('a phone opening a step from its QR code lands on that step\'s heading', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const step of ['3', 'free-tier']) {
    await page.goto(`lessons/01-billing/?step=${step}`);
    await appReady(page);
    const h = page.locator('#step-title');
    await expect(h).toHaveText(/rounding|free tier/i);
    const box = await h.boundingBox();
    expect(box.y, `step ${step}`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `step ${step}`).toBeLessThanOrEqual(812);
  }
  // Without a step the lesson opens at its top, as before.
  await page.goto('lessons/01-billing/');
  await appReady(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test('the answer key of a six-lesson workshop is a compact list on at most two A4 pages', async ({ page, consoleErrors }) => {
  const set = [1, 2, 3, 4, 9, 10];
  await page.goto(`lessons/01-billing/?view=answers&set=${set.join(',')}`);
  await appReady(page);
  const key = page.getByTestId('answers');
  const rows = key.locator('tr[data-check]');
  await expect(rows).toHaveCount(set.reduce((n, k) => n + checksOf(k), 0));
  // Each row: its step, the question, the answer with its unit, how to get it.
  await expect(rows.first().locator('td')).toHaveCount(4);
  await expect(rows.first().getByTestId('answer')).toContainText(/^\$\d/);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  test.info().annotations.push({ type: 'answer key pages', description: String(pages) });
  expect(pages).toBeLessThanOrEqual(2);
  expect(consoleErrors).toEqual([]);
});

test('in a workshop the presenter says which step of the whole workshop is on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('lessons/04-cold-start-anatomy/?view=present&set=1,4&step=three-phases');
  await appReady(page);
  const steps1 = fs.readFileSync(path.join(DIR, fs.readdirSync(DIR).find((x) => x.startsWith('01-'))), 'utf8').split('\n').filter((l) => l.startsWith('## ')).length;
  const steps4 = fs.readFileSync(path.join(DIR, fs.readdirSync(DIR).find((x) => x.startsWith('04-'))), 'utf8').split('\n').filter((l) => l.startsWith('## ')).length;
  await expect(page.getByTestId('presenter')).toContainText(`lesson 2 of 2 · step ${steps1 + 1} of ${steps1 + steps4} in this workshop`);
});

// The audit's plan: every slide of six lessons, at both projector sizes.
const WORKSHOP = [1, 2, 3, 4, 9, 10];
for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`at ${viewport.width}×${viewport.height} every slide of a six-lesson workshop fits the screen, with large text and chart labels`, async ({ page, consoleErrors }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    await page.goto(`lessons/01-billing/?view=present&set=${WORKSHOP.join(',')}`);
    await appReady(page);
    const steps = new Set();
    const seenText = new Map();
    let slides = 0;
    for (let i = 0; i < 400; i++) {
      await expect(page.getByTestId('presenter')).toBeVisible();
      await expect(page.locator('[data-testid="module-status"]')).toHaveCount(0, { timeout: 60_000 });
      // The layout settles once the calculators have drawn.
      await page.waitForFunction(() => !document.querySelector('.present-step [data-pending]'));
      const at = page.url();
      // Charts draw a frame after they are shown.
      await page.waitForFunction(() => [...document.querySelectorAll('.present-step canvas')].filter((c) => c.checkVisibility())
        .every((c) => c.width >= Math.floor(c.getBoundingClientRect().width)), null, { timeout: 5000 }).catch(() => {});
      const m = await page.evaluate(() => {
        const shown = (e) => e.checkVisibility();
        const body = [...document.querySelectorAll('.present-step .prose p, .present-step .prose li')].filter(shown);
        const clipped = [...document.querySelectorAll('.present-step pre, .present-step .table-wrap, .present-step .table-scroll')].filter((p) => shown(p) && p.scrollWidth > p.clientWidth + 1);
        const canvases = [...document.querySelectorAll('.present-step canvas')].filter(shown);
        // A field shows its whole number (the audit saw "30000" for 3,000,000); a list of
        // sizes is longer than any field and scrolls in it.
        const cut = [...document.querySelectorAll('.present-step input[type="text"], .present-step input:not([type])')]
          .filter((f) => shown(f) && f.value.length <= 20 && f.scrollWidth > f.clientWidth + 1).map((f) => f.value);
        return {
          over: document.documentElement.scrollHeight - innerHeight,
          wide: document.documentElement.scrollWidth - innerWidth,
          small: body.map((e) => parseFloat(getComputedStyle(e).fontSize)).filter((px) => px < 24),
          clipped: clipped.length,
          cut,
          labels: canvases.map((c) => Number(c.dataset.labelPx)),
          // A chart drawn at its size (not while its slide was hidden, at 1 × 1 px).
          undrawn: canvases.filter((c) => c.width < Math.floor(c.getBoundingClientRect().width)).length,
          empty: !document.querySelector('[data-testid="break-slide"]') && document.querySelector('.present-step').getBoundingClientRect().height < 20,
        };
      });
      expect(m.over, `${at} is taller than the screen`).toBeLessThanOrEqual(1);
      expect(m.wide, `${at} is wider than the screen`).toBeLessThanOrEqual(1);
      expect(m.small, `${at} has body text under 24 px`).toEqual([]);
      expect(m.clipped, `${at} clips code or a table`).toBe(0);
      expect(m.cut, `${at} has fields too narrow for their values`).toEqual([]);
      for (const px of m.labels) expect(px, `${at} chart labels`).toBeGreaterThanOrEqual(18);
      expect(m.undrawn, `${at} has a chart drawn smaller than its box`).toBe(0);
      expect(m.empty, `${at} is an empty slide`).toBe(false);
      if (slides % 10 === 5) seenText.set(at, await page.locator('.present-step').innerText());
      slides++;
      steps.add(`${new URL(at).pathname} ${await page.getByTestId('present-count').textContent()}`);
      await page.keyboard.press('PageDown');
      if (await page.waitForURL((u) => u.href !== at, { timeout: 3000 }).then(() => false, () => true)) break;
      await appReady(page);
    }
    const total = WORKSHOP.reduce((n, k) => n + fs.readFileSync(path.join(DIR, fs.readdirSync(DIR).find((x) => x.startsWith(String(k).padStart(2, '0') + '-'))), 'utf8').split('\n').filter((l) => l.startsWith('## ')).length, 0);
    expect(steps.size).toBe(total);
    // A slide's own address (a reload, a link) opens the same slide the clicker reached.
    for (const [at, text] of seenText) {
      await page.goto(at);
      await appReady(page);
      await expect(page.locator('[data-testid="module-status"]')).toHaveCount(0, { timeout: 60_000 });
      await expect(page.locator('.present-step'), at).toHaveText(text, { useInnerText: true });
    }
    test.info().annotations.push({ type: `slides at ${viewport.width}×${viewport.height}`, description: String(slides) });
    expect(consoleErrors).toEqual([]);
  });
}

test('the plan\'s break is a slide with a countdown between its lessons', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('lessons/04-cold-start-anatomy/?view=present&set=1,b15,4&step=break');
  await appReady(page);
  const brk = page.getByTestId('break-slide');
  await expect(brk).toContainText('A 15-minute break');
  await expect(brk).toContainText(/Back at \d\d:\d\d/);
  await expect(brk).toContainText('Then lesson 4');
  await expect(page.getByTestId('break-left')).toHaveText(/^1[45]:\d\d$/);
  const left = await page.getByTestId('break-left').textContent();
  await expect(page.getByTestId('break-left')).not.toHaveText(left, { timeout: 5000 });
  await expect(page.getByTestId('present-count')).toHaveText('Break');
  // Next: lesson 4's first step; back: the break, then lesson 1's last slide.
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/04-cold-start-anatomy\/\?view=present&set=1,b15,4&step=three-phases/);
  await expect(page.getByTestId('present-count')).toHaveText(/^1 \//);
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('break-slide')).toBeVisible();
  await page.keyboard.press('PageUp');
  await page.waitForURL(/01-billing\/\?view=present&set=1,b15,4&step=[a-z-]+&part=last/);
  await appReady(page);
  await expect(page.getByTestId('present-count')).toHaveText(/^(\d+) \/ \1$/);
  // Lesson 1's last step is on its last slide: "next" goes to the break.
  await page.keyboard.press('PageDown');
  await page.waitForURL(/04-cold-start-anatomy\/\?view=present&set=1,b15,4&step=break/);
  await appReady(page);
  await expect(page.getByTestId('break-slide')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the printed agenda carries the plan\'s address and its QR code', async ({ page, consoleErrors }) => {
  await page.goto('workshop/?lessons=1,2,3,4,9,10');
  await appReady(page);
  const link = page.getByTestId('agenda-link');
  await expect(link).toContainText('/workshop/?lessons=1,2,3,4,9,10');
  const url = await link.locator('.qr-box').getAttribute('data-url');
  expect(url).toBe(page.url());
  expect(await decodeQr(page, link.locator('svg'))).toBe(url);
  await page.emulateMedia({ media: 'print' });
  await expect(link).toBeVisible();
  await expect(link.locator('svg')).toBeVisible();
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  expect(pages).toBe(1);
  expect(consoleErrors).toEqual([]);
});

test('the handout of a six-lesson workshop prints on at most 14 A4 pages', async ({ page, consoleErrors }) => {
  await page.goto('lessons/01-billing/?view=handout&set=1,2,3,4,9,10&lang=python');
  await appReady(page);
  await expect(page.locator('[data-testid="module-status"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.printed-calc .calc')).toHaveCount(6);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  test.info().annotations.push({ type: 'handout pages (lessons 1, 2, 3, 4, 9, 10)', description: String(pages) });
  expect(pages).toBeLessThanOrEqual(14);
  expect(pages).toBeGreaterThanOrEqual(8);
  expect(consoleErrors).toEqual([]);
});

test('the handout prints code in the one language the planner chose, without captions or progress bars', async ({ page, consoleErrors }) => {
  await page.goto('workshop/?lessons=2,9,10');
  await appReady(page);
  await page.locator('#ws-lang').selectOption('python');
  const handout = page.getByTestId('workshop-handout');
  await expect(handout).toHaveAttribute('href', /lang=python/);
  await page.goto(await handout.getAttribute('href'));
  await appReady(page);
  const sheet = page.getByTestId('handout');
  await expect(sheet).toBeVisible();
  // One sample per code block: Python where the block has it (a block
  // without prints its first language).
  const blocks = [2, 9, 10].map((n) => {
    const f = fs.readdirSync(DIR).find((x) => x.startsWith(String(n).padStart(2, '0') + '-'));
    const text = fs.readFileSync(path.join(DIR, f), 'utf8');
    return text.split('::: code').slice(1).map((b) => b.split('\n:::')[0].includes('```python'));
  }).flat();
  const labels = await sheet.locator('pre').evaluateAll((pres) => pres.map((p) => p.previousElementSibling?.textContent));
  expect(labels.length).toBe(blocks.length);
  blocks.forEach((hasPython, i) => { if (hasPython) expect(labels[i]).toBe('Python'); });
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.printed-calc figcaption', '.printed-calc progress']) {
    for (const el of await sheet.locator(hidden).all()) await expect(el).toBeHidden();
  }
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  test.info().annotations.push({ type: 'handout pages (lessons 2, 9, 10)', description: String(pages) });
  expect(consoleErrors).toEqual([]);
});
