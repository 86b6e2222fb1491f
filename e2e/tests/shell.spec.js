import { test, expect, appReady } from './fixtures.js';

test('the built site serves its assets under the sub-path', async ({ page, request }) => {
  await page.goto('');
  await appReady(page);
  const assets = await page.evaluate(() => [...document.querySelectorAll('link[href], script[src]')]
    .map((e) => e.href || e.src).filter((u) => u.startsWith(location.origin)));
  expect(assets.length).toBeGreaterThan(1);
  for (const url of assets) {
    expect(new URL(url).pathname.startsWith('/lambda-lab/')).toBe(true);
    expect((await request.get(url)).status(), url).toBe(200);
  }
});

test('navigation links work under the sub-path and mark the current page', async ({ page, consoleErrors }) => {
  await page.goto('');
  await appReady(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL(/\/lambda-lab\/about\/$/);
  await expect(page.locator('h1')).toHaveText(/About Lambda Lab/);
  await expect(page.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Lessons' })).not.toHaveAttribute('aria-current', 'page');
  expect(consoleErrors).toEqual([]);
});

test('an unknown route shows a real 404 page that links back', async ({ page, consoleErrors }) => {
  await page.goto('no/such/page');
  await appReady(page);
  await expect(page.getByTestId('not-found')).toHaveText('Page not found');
  await expect(page.locator('main code')).toHaveText('/lambda-lab/no/such/page');
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/lambda-lab\/$/);
  await expect(page.locator('h1')).toHaveText(/Lambda function cost/);
  expect(consoleErrors).toEqual([]);
});

test('the theme toggle switches the theme and survives a reload', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('about/');
  await appReady(page);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const bgBefore = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bgDark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bgDark).not.toEqual(bgBefore);
  await page.reload();
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await appReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(consoleErrors).toEqual([]);
});

test('the theme follows the system until the visitor picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('about/');
  await appReady(page);
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});

test('a page with no storage still works (storage access is guarded)', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto('about/');
  await appReady(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
  expect(consoleErrors).toEqual([]);
});

test('a Rust panic shows a readable error page with a reload link', async ({ page, consoleErrors }) => {
  await page.goto('debug/panic/');
  const panel = page.getByTestId('panic-page');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading')).toHaveText('Lambda Lab stopped working');
  await expect(panel.locator('pre')).toContainText('deliberate panic');
  await expect(panel.getByRole('link', { name: 'Reload the page' })).toHaveAttribute('href', /debug\/panic\/$/);
  expect(consoleErrors.some((e) => e.includes('Lambda Lab stopped after an internal error'))).toBe(true);
});

test('the layout fits a 360 px wide screen and shows visible focus', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('');
  await appReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline).toBe('solid');
  expect(consoleErrors).toEqual([]);
});
