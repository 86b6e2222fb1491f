// Teaching in a real room (issue 23): a clicker sends PageDown/PageUp (and
// some send B or . to blank the screen); it cannot move focus, so whatever
// has focus, a slider or a field, the slides must still change.
import { test, expect, appReady } from './fixtures.js';
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
    const slider = page.locator('.present input[type="range"]').first();
    await slider.focus();
    const before = await slider.inputValue();
    await page.keyboard.press('ArrowRight');
    await expect(slider).not.toHaveValue(before);
    const moved = await slider.inputValue();
    await page.keyboard.press('PageDown');
    await expect(count).toHaveText(`2 / ${total}`);
    // No focus ring is projected around the title the slide change focused.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)).toBe('none');

    // Back, then from inside a text field: PageDown and PageUp still work.
    await page.keyboard.press('PageUp');
    await expect(count).toHaveText(`1 / ${total}`);
    const field = page.locator('.present input[type="text"]').first();
    await field.focus();
    await page.keyboard.press('PageDown');
    await expect(count).toHaveText(`2 / ${total}`);
    await page.keyboard.press('PageUp');
    await expect(count).toHaveText(`1 / ${total}`);
    // The slider kept the value it was moved to before the slide changed.
    expect(moved).not.toBe(before);

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

test('in a workshop the presenter says which slide of the whole workshop is on screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('lessons/04-cold-start-anatomy/?view=present&set=1,4&step=three-phases');
  await appReady(page);
  const steps1 = fs.readFileSync(path.join(DIR, fs.readdirSync(DIR).find((x) => x.startsWith('01-'))), 'utf8').split('\n').filter((l) => l.startsWith('## ')).length;
  const steps4 = fs.readFileSync(path.join(DIR, fs.readdirSync(DIR).find((x) => x.startsWith('04-'))), 'utf8').split('\n').filter((l) => l.startsWith('## ')).length;
  await expect(page.getByTestId('presenter')).toContainText(`lesson 2 of 2 · slide ${steps1 + 1} of ${steps1 + steps4} in this workshop`);
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
