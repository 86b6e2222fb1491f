import { test, expect, appReady } from './fixtures.js';
import fs from 'node:fs';
import path from 'node:path';

// The lessons as written in content/lessons (front matter and step ids), so
// these tests follow the content instead of repeating it.
const DIR = path.join(import.meta.dirname, '..', '..', 'content', 'lessons');
const LESSONS = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).sort().map((f) => {
  const text = fs.readFileSync(path.join(DIR, f), 'utf8');
  const front = Object.fromEntries(
    text.split('---')[1].trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  let fence = false;
  const steps = [];
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('```')) fence = !fence;
    if (!fence && line.startsWith('## ')) steps.push(line.match(/\{#([a-z0-9-]+)\}/)[1]);
  }
  const checks = text.split('\n').filter((line) => line.trim() === '::: check').length;
  return { slug: f.replace(/\.md$/, ''), ...front, steps, checks };
});

/** Presses Tab until `target` has focus, as a keyboard user would. */
async function tabTo(page, target, max = 250) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const stepCount = (page) => page.getByTestId('step-nav-top').getByTestId('step-count');

test('/lessons lists every lesson with its summary and reading time', async ({ page, consoleErrors }) => {
  await page.goto('lessons/');
  await appReady(page);
  await expect(page.locator('.lesson-card')).toHaveCount(LESSONS.length);
  expect(LESSONS.length).toBeGreaterThanOrEqual(15);
  for (const l of LESSONS) {
    const card = page.locator(`.lesson-card[data-lesson="${l.slug}"]`);
    await expect(card.getByRole('link', { name: l.title })).toBeVisible();
    await expect(card).toContainText(l.summary);
    await expect(card.getByTestId('reading-time')).toHaveText(`${l.minutes} min read`);
  }
  await page.locator(`.lesson-card[data-lesson="${LESSONS[1].slug}"]`).getByRole('link').click();
  await expect(page.locator('h1')).toHaveText(LESSONS[1].title);
  await expect(page).toHaveURL(new RegExp(`lessons/${LESSONS[1].slug}`));
  expect(consoleErrors).toEqual([]);
});

test('walks lesson 1 by keyboard, answers a check wrong and right, and keeps progress across a reload', async ({ page, consoleErrors }) => {
  const l = LESSONS[0];
  const n = l.steps.length;
  await page.goto(`lessons/${l.slug}/`);
  await appReady(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(stepCount(page)).toHaveText(`Step 1 of ${n}`);

  // The first step's check: 1,000,000 × 0.15 s × 0.5 GB × $0.0000166667 + $0.20 = $1.45.
  const check = page.locator('.check').first();
  const answer = check.getByLabel(/Your answer/);
  await tabTo(page, answer);
  await page.keyboard.type('41.86');
  await page.keyboard.press('Enter');
  await expect(check.locator('[data-result="wrong"]')).toContainText('Hint');
  // Arrow keys inside the answer field edit the text; they do not change step.
  await page.keyboard.press('ArrowLeft');
  await expect(stepCount(page)).toHaveText(`Step 1 of ${n}`);
  await answer.fill('');
  await page.keyboard.type('$1.45');
  await page.keyboard.press('Enter');
  await expect(check.locator('[data-result="right"]')).toContainText('$1.45');
  await expect(check.locator('.check-answer data[data-metric="total_usd"]')).toHaveAttribute('data-value', '1.4500025');

  // Shift+Tab back to the top "Next →" link and press Enter, then use → for the rest.
  const next = page.getByTestId('step-nav-top').getByRole('link', { name: 'Next →' });
  for (let i = 0; i < 250 && !(await next.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(stepCount(page)).toHaveText(`Step 2 of ${n}`);
  await expect(page).toHaveURL(new RegExp(`step=${l.steps[1]}`));
  await expect(page.locator('#step-title')).toBeFocused();
  for (let i = 3; i <= n; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(stepCount(page)).toHaveText(`Step ${i} of ${n}`);
    await expect(page).toHaveURL(new RegExp(`step=${l.steps[i - 1]}`));
  }
  // → on the last step stays; ← goes back one.
  await page.keyboard.press('ArrowRight');
  await expect(stepCount(page)).toHaveText(`Step ${n} of ${n}`);
  await page.keyboard.press('ArrowLeft');
  await expect(stepCount(page)).toHaveText(`Step ${n - 1} of ${n}`);
  await expect(page.getByTestId('progress')).toHaveText(`${n} of ${n} steps seen, 1 of ${l.checks} checks answered`);

  // Reload: progress is kept, and the answered check says so.
  await page.reload();
  await appReady(page);
  await expect(stepCount(page)).toHaveText(`Step ${n - 1} of ${n}`);
  await expect(page.getByTestId('progress')).toHaveText(`${n} of ${n} steps seen, 1 of ${l.checks} checks answered`);
  await page.keyboard.press('Home');
  await tabTo(page, page.locator('.toc').getByRole('link', { name: /Two meters/ }));
  await page.keyboard.press('Enter');
  await expect(stepCount(page)).toHaveText(`Step 1 of ${n}`);
  await expect(page.getByTestId('progress')).toHaveText(`${n} of ${n} steps seen, 1 of ${l.checks} checks answered`);
  await expect(page.getByTestId('check-done')).toContainText('$1.45');
  await expect(page.locator('.toc .seen')).toHaveCount(n);
  // The index shows it too (written by the site script from the same storage), with a link back to the step.
  await page.goto('lessons/');
  const card = page.locator(`.lesson-card[data-lesson="${l.slug}"]`);
  await expect(card.locator('[data-progress]')).toHaveText(` · ${n} of ${n} steps seen, 1 of ${l.checks} checks answered`);
  await card.getByRole('link', { name: l.title }).click();
  await appReady(page);
  await expect(stepCount(page)).toHaveText(`Step 1 of ${n}`);
  // Reset clears it.
  await page.getByTestId('reset-progress').click();
  await expect(page.getByTestId('progress')).toHaveText(`0 of ${n} steps seen, 0 of ${l.checks} checks answered`);
  expect(consoleErrors).toEqual([]);
});

test('the lesson index and the lesson say a reader\'s progress in the same words, one check or several', async ({ page, consoleErrors }) => {
  const one = LESSONS.find((l) => l.checks === 1);
  const several = LESSONS.find((l) => l.checks > 1);
  for (const l of [one, several]) {
    await page.goto('lessons/');
    await page.evaluate(([slug, steps]) => {
      localStorage.setItem(`lambda-lab.progress.${slug}`, `last=${steps[1]};seen=${steps[0]},${steps[1]};ok=`);
    }, [l.slug, l.steps]);
    await page.reload();
    const note = page.locator(`.lesson-card[data-lesson="${l.slug}"] [data-progress]`);
    await expect(note).toBeVisible();
    const onIndex = await note.textContent();
    await page.goto(`lessons/${l.slug}/`);
    await appReady(page);
    const inLesson = await page.getByTestId('progress').textContent();
    expect(onIndex).toBe(` · ${inLesson}`);
    expect(inLesson).toBe(`2 of ${l.steps.length} steps seen, 0 of ${l.checks} ${l.checks === 1 ? 'check' : 'checks'} answered`);
  }
  expect(consoleErrors).toEqual([]);
});

test('a deep link opens its step; an unknown step says so; show me loads the answer into a calculator', async ({ page, consoleErrors }) => {
  const l = LESSONS[0];
  await page.goto(`lessons/${l.slug}/?step=${l.steps[2]}`);
  await appReady(page);
  await expect(stepCount(page)).toHaveText(`Step 3 of ${l.steps.length}`);
  const check = page.locator('.check').first();
  await check.getByTestId('show-me').click();
  const value = await check.locator('.check-answer data').getAttribute('data-value');
  const metricName = await check.locator('.check-answer data').getAttribute('data-metric');
  await expect(check.locator(`.lesson-calc [data-metric="${metricName}"]`).first()).toHaveAttribute('data-value', value);
  // The embedded calculator does not take over the address bar.
  await check.locator('.lesson-calc').getByLabel('Memory (MB)').fill('256');
  await expect(page).toHaveURL(new RegExp(`lessons/${l.slug}/\\?step=${l.steps[2]}$`));
  // A link to a section (#id, as the no-script page and the coverage map write them) opens that step.
  await page.goto(`lessons/${l.slug}/#${l.steps[1]}`);
  await appReady(page);
  await expect(stepCount(page)).toHaveText(`Step 2 of ${l.steps.length}`);
  await page.goto(`lessons/${l.slug}/?step=no-such-step`);
  await expect(page.getByText("This lesson has no step 'no-such-step'")).toBeVisible();
  await expect(stepCount(page)).toHaveText(`Step 1 of ${l.steps.length}`);
  await page.goto('lessons/99-nothing/');
  await expect(page.getByTestId('not-found')).toBeVisible();
  expect(consoleErrors.filter((e) => !e.includes('99-nothing'))).toEqual([]);
});

test('the print view shows every step of a lesson', async ({ page, consoleErrors }) => {
  const l = LESSONS[7];
  await page.goto(`lessons/${l.slug}/?view=print`);
  await appReady(page);
  await expect(page.locator('.lesson-print > section')).toHaveCount(l.steps.length);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.step-nav')).toHaveCount(0);
  await expect(page.locator('.site-header')).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

for (const l of LESSONS) {
  test(`lesson ${l.slug} opens, every step renders, and the console stays clean`, async ({ page, consoleErrors }) => {
    await page.goto(`lessons/${l.slug}/`);
    await appReady(page);
    await expect(page.locator('h1')).toHaveText(l.title);
    for (let i = 1; i <= l.steps.length; i++) {
      if (i > 1) await page.keyboard.press('ArrowRight');
      await expect(stepCount(page)).toHaveText(`Step ${i} of ${l.steps.length}`);
      await expect(page.locator('.lesson-step')).toHaveAttribute('data-step', l.steps[i - 1]);
      // Embedded calculators finish loading and show their figures.
      const calcs = page.locator('.lesson-step > .lesson-calc');
      for (let k = 0; k < await calcs.count(); k++) {
        await expect(calcs.nth(k).locator('[data-metric]').filter({ visible: true }).first()).toBeVisible({ timeout: 30_000 });
      }
      // An embedded calculator brings no second page heading and leaves the title alone.
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page).toHaveTitle(`${l.title} · Lambda Lab`);
      // Live numbers carry their exact value.
      for (const live of await page.locator('.lesson-step data.live').all()) {
        await expect(live).toHaveAttribute('data-value', /^-?[0-9.]+$/);
      }
    }
    expect(consoleErrors).toEqual([]);
  });
}
