import { test, expect, appReady, decodeQr } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';

// Workshops: the presenter view, the planner, handouts and the answer key.
// Lessons are read from content/lessons, so the tests follow the content.
const DIR = path.join(import.meta.dirname, '..', '..', 'content', 'lessons');
const LESSONS = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).sort().map((f) => {
  const text = fs.readFileSync(path.join(DIR, f), 'utf8');
  let fence = false;
  const steps = [];
  let calcs = 0;
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) fence = !fence;
    if (!fence && line.startsWith('## ')) steps.push(line.match(/\{#([a-z0-9-]+)\}/)[1]);
    if (!fence && line.startsWith('::: calculator')) calcs++;
  }
  const checks = text.split('\n').filter((line) => line.trim() === '::: check').length;
  return { slug: f.replace(/\.md$/, ''), number: Number(f.slice(0, 2)), steps, calcs, checks };
});
const byNumber = (n) => LESSONS.find((l) => l.number === n);

/** Waits until every calculator a page mounts has loaded (and drawn its figures). */
async function calculatorsLoaded(page) {
  await expect(page.locator('[data-testid="module-status"]')).toHaveCount(0, { timeout: 60_000 });
}

/** Presses a clicker's "next" until the presenter is on another step (a step can be several slides). */
async function nextStep(page, key = 'PageDown') {
  const count = page.getByTestId('present-count');
  const before = await count.textContent();
  for (let i = 0; i < 30 && (await count.textContent()) === before; i++) {
    const url = page.url();
    await page.keyboard.press(key);
    await page.waitForURL((u) => u.href !== url);
  }
}

test.describe('presenter view', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('a lesson presents one step per screen: large text, a QR code for the room, clicker keys', async ({ page, consoleErrors }) => {
    const l = byNumber(4);
    await page.goto(`lessons/${l.slug}/?view=present&step=${l.steps[0]}`);
    await appReady(page);
    const presenter = page.getByTestId('presenter');
    await expect(presenter).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.getByTestId('present-count')).toHaveText(`1 / ${l.steps.length}`);
    // Body text for a projector: at least 24 px at 1280 × 720.
    const size = await presenter.locator('.prose p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    // The QR code opens this step on the site, as a phone would read it.
    const want = new URL(`?step=1`, page.url()).href;
    expect(await decodeQr(page, page.getByTestId('qr').locator('svg'))).toBe(want);
    await expect(page.locator('.present-url')).toHaveText(want.replace(/^https?:\/\//, ''));
    // The title and the count stay in view when the step scrolls.
    await page.mouse.wheel(0, 2000);
    await expect(page.locator('#step-title')).toBeInViewport();
    await expect(page.getByTestId('present-count')).toBeInViewport();
    // PageDown (a clicker's "next") through the step's slides, to the next step; Space, PageUp, End, Home.
    await nextStep(page);
    await expect(page.getByTestId('present-count')).toHaveText(`2 / ${l.steps.length}`);
    await expect(page).toHaveURL(new RegExp(`view=present.*step=${l.steps[1]}`));
    expect(await decodeQr(page, page.getByTestId('qr').locator('svg'))).toBe(new URL('?step=2', page.url()).href);
    await nextStep(page, ' ');
    await expect(page.getByTestId('present-count')).toHaveText(`3 / ${l.steps.length}`);
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('present-count')).toHaveText(`2 / ${l.steps.length}`);
    await page.keyboard.press('End');
    await expect(page.getByTestId('present-count')).toHaveText(`${l.steps.length} / ${l.steps.length}`);
    await page.keyboard.press('Home');
    await expect(page.getByTestId('present-count')).toHaveText(`1 / ${l.steps.length}`);
    // Calculators are compact: results and the key inputs, "All inputs" collapsed.
    const calc = presenter.locator('.lesson-calc').first();
    await expect(calc.locator('.calc.compact')).toBeAttached({ timeout: 30_000 });
    await expect(calc.locator('details.all-inputs')).not.toHaveAttribute('open', '');
    // Exit goes back to the reader's view of the same step.
    await page.getByTestId('present-exit').click();
    await expect(page.getByTestId('presenter')).toHaveCount(0);
    await expect(page.locator('.site-header')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a calculator presents its key inputs and results with a QR code that follows its values', async ({ page, consoleErrors }) => {
    await page.goto('calculators/cost/?view=present&memory_mb=2048&requests=5000000');
    await appReady(page);
    const presenter = page.getByTestId('presenter');
    await expect(presenter.locator('.calc.compact')).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(presenter.locator('details.all-inputs')).not.toHaveAttribute('open', '');
    const qr = page.getByTestId('qr');
    await expect(qr.locator('svg')).toBeVisible();
    const first = await decodeQr(page, qr.locator('svg'));
    expect(first).toMatch(/\/lambda-lab\/calculators\/cost\/\?v=4&.*memory_mb=2048/);
    expect(first).not.toContain('view=present');
    const size = await presenter.locator('label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(20);
    // A change of value: the QR code opens the new state.
    await presenter.getByLabel('Memory', { exact: false }).first().fill('512');
    await presenter.getByLabel('Memory', { exact: false }).first().press('Tab');
    await expect(qr).toHaveAttribute('data-url', /memory_mb=512/);
  // The address bar keeps the state: a reload presents the same values.
  await expect(page).toHaveURL(/memory_mb=512.*view=present|view=present.*memory_mb=512/);
    expect(await decodeQr(page, qr.locator('svg'))).toBe(await qr.getAttribute('data-url'));
    expect(consoleErrors).toEqual([]);
  });

  test('the body text grows with the screen', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`lessons/${byNumber(1).slug}/?view=present`);
    await appReady(page);
    const size = await page.getByTestId('presenter').locator('.prose p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(34);
  });
});

test('the workshop planner builds a timetable and one link that presents three lessons in order', async ({ page, consoleErrors }) => {
  await page.goto('workshop/');
  await appReady(page);
  await expect(page.getByTestId('workshop-total')).toContainText('Pick lessons');
  // For the room: how big the site is, and a way to keep all of it offline.
  await expect(page.locator('[data-offline-size]')).toContainText(/about [\d.]+ MB to download/);
  await expect(page.locator('[data-offline-button]')).toBeEnabled();
  for (const n of [4, 1, 7]) await page.locator(`#ws-pick-${n}`).check();
  // Order by keyboard: lesson 1 moves before lesson 4, and keeps the focus.
  // Space on a checkbox: the list reorders, the focus stays on it.
  await page.locator('#ws-pick-9').focus();
  await page.keyboard.press(' ');
  await expect(page.locator('#ws-pick-9')).toBeChecked();
  await expect(page.locator('#ws-pick-9')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.locator('#ws-pick-9')).not.toBeChecked();
  await expect(page.locator('#ws-pick-9')).toBeFocused();
  await page.locator('#ws-up-1').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#ws-up-1')).toBeDisabled();
  // At the top, ↑ can go no further: the focus moves to ↓, not to the page.
  await expect(page.locator('#ws-down-1')).toBeFocused();
  await expect(page).toHaveURL(/lessons=1,4,7/);
  await page.locator('#ws-break').fill('10');
  await page.locator('#ws-break').press('Tab');
  await expect(page).toHaveURL(/break=10/);
  const rows = page.getByTestId('agenda').locator('tbody tr');
  await expect(rows.filter({ hasText: 'Lesson' })).toHaveCount(3);
  await expect(rows.first()).toContainText('Lesson 1');
  await expect(page.getByTestId('workshop-total')).toContainText('3 lessons');
  // A bad value is named, with what is valid, and the plan stays.
  await page.locator('#ws-every').fill('5');
  await page.locator('#ws-every').press('Tab');
  await expect(page.getByTestId('workshop-problems')).toContainText('Break after at most (min) (every)');
  await expect(page.getByTestId('workshop-problems')).toContainText('from 30 to 240');
  await expect(page.locator('#ws-every')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/every=90/);
  // The agenda prints on one page.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length).toBe(1);
  // The presenter walks across the three lessons in order, through the
  // slides each step needs and the breaks of the timetable.
  const present = await page.getByTestId('workshop-present').getAttribute('href');
  const set = new URL(present, page.url()).searchParams.get('set');
  expect(set).toMatch(/^1,(b\d+,)?4,(b\d+,)?7$/);
  const breaks = await page.locator('.agenda-break').count();
  expect(set.split(',').filter((t) => t.startsWith('b'))).toHaveLength(breaks);
  await page.getByTestId('workshop-present').click();
  await page.waitForURL(new RegExp(`lessons/${byNumber(1).slug}/\\?view=present&set=${set}`));
  await appReady(page);
  const seen = [];
  for (let i = 0; i < 300; i++) {
    await expect(page.getByTestId('presenter')).toBeVisible();
    const slug = page.url().match(/lessons\/([^/]+)\//)[1];
    const label = `${slug} ${await page.getByTestId('present-count').textContent()}`;
    if (seen[seen.length - 1] !== label) seen.push(label);
    const url = page.url();
    await page.keyboard.press('PageDown');
    if (await page.waitForURL((u) => u.href !== url, { timeout: 3000 }).then(() => false, () => true)) break;
    await appReady(page);
  }
  const tokens = set.split(',');
  const want = tokens.flatMap((t, i) => t.startsWith('b')
    ? [`${byNumber(Number(tokens[i + 1])).slug} Break`]
    : byNumber(Number(t)).steps.map((_, s) => `${byNumber(Number(t)).slug} ${s + 1} / ${byNumber(Number(t)).steps.length}`));
  expect(seen).toEqual(want);
  // At the very end, PageDown stays; PageUp goes back across lessons too.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('present-count')).toHaveText(`${byNumber(7).steps.length} / ${byNumber(7).steps.length}`);
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(new RegExp(`lessons/${byNumber(1).slug}/`));
  expect(consoleErrors).toEqual([]);
});

test('a handout has no answers and a QR code per calculator; the answer key has every answer with its unit', async ({ page, consoleErrors }) => {
  const l = byNumber(4);
  await page.goto(`lessons/${l.slug}/?view=handout`);
  await appReady(page);
  const handout = page.getByTestId('handout');
  await expect(handout).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await calculatorsLoaded(page);
  await expect(handout.locator('.printed-check')).toHaveCount(l.checks);
  await expect(handout.locator('[data-testid="answer"]')).toHaveCount(0);
  await expect(handout.locator('.printed-check [data-metric]')).toHaveCount(0);
  // Every calculator: its figures, a QR code and the address that opens it live.
  const figures = handout.locator('figure.printed-calc');
  await expect(figures).toHaveCount(l.calcs);
  await expect(handout.locator('[data-testid="calc-qr"] svg')).toHaveCount(l.calcs);
  for (let i = 0; i < l.calcs; i++) {
    const f = figures.nth(i);
    await expect(f.locator('.kpi [data-metric], [data-metric]').first()).toBeVisible();
    const url = await f.getByTestId('calc-qr').getAttribute('data-url');
    expect(url).toMatch(/\/lambda-lab\/calculators\/[a-z-]+\/\?v=4/);
    expect(await decodeQr(page, f.getByTestId('calc-qr').locator('svg'))).toBe(url);
    await expect(f.locator('.printed-calc-link a')).toHaveAttribute('href', url);
  }
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(20_000);

  await page.goto(`lessons/${l.slug}/?view=answers`);
  await appReady(page);
  const key = page.getByTestId('answers');
  await expect(key.locator('[data-testid="answer"]')).toHaveCount(l.checks);
  // Answers carry their unit and a name a reader knows, not an internal one.
  await expect(key.locator('[data-testid="answer"]').first()).toContainText(/\d ms, the cold-start calculator's median cold-start latency/);
  await expect(key).not.toContainText('cold_start_ratio');
  await expect(key).toContainText("the traffic simulator's cold-start ratio");
  expect(consoleErrors).toEqual([]);
});

test('a workshop handout prints the chosen lessons, one after another, with every calculator', async ({ page, consoleErrors }) => {
  await page.goto(`lessons/${byNumber(1).slug}/?view=handout&set=1,4,2`);
  await appReady(page);
  await expect(page.getByTestId('handout-title')).toHaveText('Handout: 3 lessons (1, 4, 2)');
  await expect(page.locator('.handout-lesson')).toHaveCount(3);
  await expect(page.locator('.handout-lesson > h2').first()).toHaveText(/^Lesson 1:/);
  await expect(page.locator('.handout-lesson > h2').nth(1)).toHaveText(/^Lesson 4:/);
  await expect(page.locator('.handout-lesson > h2').nth(2)).toHaveText(/^Lesson 2:/);
  // Lessons 4 and 2 embed calculators lesson 1 does not (cold start, traffic,
  // power): each one loads and shows its figures.
  await calculatorsLoaded(page);
  const calcs = page.locator('figure.printed-calc');
  await expect(calcs).toHaveCount([1, 4, 2].reduce((n, k) => n + byNumber(k).calcs, 0));
  for (let i = 0; i < await calcs.count(); i++) await expect(calcs.nth(i).locator('[data-metric]').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
  // On paper, lessons follow on with a rule between them (no half-empty pages), each heading kept with its text.
  await page.emulateMedia({ media: 'print' });
  const second = page.locator('.handout-lesson').nth(1);
  expect(await second.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  expect(await second.locator('> h2').evaluate((el) => getComputedStyle(el).breakAfter)).toBe('avoid');
});

for (const view of ['present', 'handout']) {
  for (const l of LESSONS) {
    test(`lesson ${l.number} ${view} view has no WCAG 2.2 AA violations`, async ({ page }) => {
      await page.goto(`lessons/${l.slug}/?view=${view}`);
      await appReady(page);
      await expect(page.getByTestId(view === 'present' ? 'presenter' : 'handout')).toBeVisible();
      await calculatorsLoaded(page);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }
}
