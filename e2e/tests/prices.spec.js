import { test, expect, appReady, metric } from './fixtures.js';

// Pinned prices (issue 24, item 7): a blogger's snippet pins the price table
// its post quotes (`prices=2026-11-23`); the figures are priced with it, the
// pin travels across the engineer's hand-offs, and a table this site does
// not have is said inline while the last good figures stay.

const TABLE = '2026-11-23';
const LINK = 'memory_mb=1024&requests=20000000&duration_ms=120';

test('a pinned link prices with its table, keeps the pin across hand-offs, and can go back to today\'s prices', async ({ page, consoleErrors }) => {
  await page.goto(`calculators/cost/?${LINK}`);
  await appReady(page);
  const today = await metric(page, 'total_usd');
  expect(today).toBeCloseTo(37.13, 2);
  await expect(page.getByTestId('pinned-prices')).toBeHidden();

  await page.goto(`calculators/cost/?${LINK}&prices=${TABLE}`);
  await appReady(page);
  expect(await metric(page, 'total_usd')).toBe(today);
  const line = page.getByTestId('pinned-prices');
  await expect(line).toHaveText(`Lambda\u2019s prices of ${TABLE}, pinned by this link; today\u2019s are the same. Use today\u2019s prices`);
  await expect(line).toHaveAttribute('data-value', TABLE);
  // The address bar keeps the pin (it is a permalink), and so does every hand-off.
  await expect(page).toHaveURL(new RegExp(`prices=${TABLE}`));
  for (const name of ['simulate', 'power', 'platforms']) {
    await expect(page.locator(`a[data-handoff="${name}"]`).first()).toHaveAttribute('href', new RegExp(`prices=${TABLE}`));
  }
  // Cost → tune: the power page prices with the same table and says so.
  await page.locator('a[data-handoff="power"]').click();
  await appReady(page);
  await expect(page.getByTestId('pinned-prices')).toContainText(`prices of ${TABLE}, pinned by this link`);
  // … and its way back to the cost page keeps it too.
  await expect(page.locator('a[data-handoff="cost"]').first()).toHaveAttribute('href', new RegExp(`prices=${TABLE}`));

  // Back on the cost page, "Use today's prices" drops the pin from the figures and the address.
  await page.goto(`calculators/cost/?${LINK}&prices=${TABLE}`);
  await appReady(page);
  await page.getByTestId('unpin-prices').click();
  await expect(page.getByTestId('pinned-prices')).toBeHidden();
  await expect(page).not.toHaveURL(/prices=/);
  expect(await metric(page, 'total_usd')).toBe(today);
  expect(consoleErrors).toEqual([]);
});

test('a price table this site does not have is named inline, with what is valid, and the figures are marked', async ({ page, consoleErrors }) => {
  await page.goto(`calculators/cost/?${LINK}&prices=2025-01-01`);
  await appReady(page);
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Price table (prices)');
  await expect(summary).toContainText(`one of latest, ${TABLE}`);
  const line = page.getByTestId('pinned-prices');
  await expect(line).toContainText('names a price table this site does not have (\u201c2025-01-01\u201d)');
  await expect(line).toContainText(`today\u2019s prices, of ${TABLE}`);
  // The error's link leads to that line (there is no field for the table).
  await expect(summary.locator('a[href="#p-prices"]')).toHaveCount(1);
  await expect(line).toHaveAttribute('id', 'p-prices');
  // The figures are the link's other values, priced today, and say what they are for.
  await expect(page.getByTestId('stale-note')).toBeVisible();
  expect(await metric(page, 'total_usd')).toBeCloseTo(37.13, 2);
  await page.getByTestId('unpin-prices').click();
  await expect(summary).toHaveCount(0);
  await expect(line).toBeHidden();
  expect(consoleErrors).toEqual([]);
});

test('new snippets pin today\'s prices; the embed names them in its footer and prices the post\'s values', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const p = await context.newPage();
  await p.goto(`calculators/cost/?${LINK}`);
  await appReady(p);
  await p.getByTestId('embed-button').click();
  const dialog = p.getByRole('dialog', { name: /Embed this calculator/ });
  const pin = dialog.getByLabel(`Keep today\u2019s prices (${TABLE})`);
  await expect(pin).toBeChecked();
  const snippet = dialog.getByTestId('snippet-script');
  await expect(snippet).toHaveValue(new RegExp(`prices=${TABLE}`));
  const preview = p.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.locator('.embed-footer')).toContainText(`Prices of ${TABLE}`);
  await pin.uncheck();
  await expect(snippet).not.toHaveValue(/prices=/);
  await expect(preview.locator('.embed-footer')).toContainText(`Prices as of ${TABLE}`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The pinned embed page: its first figure (the figures module alone, the
  // interactive module held back) and the calculator's are the post's $37.13.
  const f = await context.newPage();
  await f.route('**/modules/**', (route) => route.abort());
  await f.goto(`embed/cost/?${LINK}&prices=${TABLE}`);
  const card = f.getByTestId('first-figures');
  await expect(card).toHaveClass(/ff-done/);
  await expect(card.locator('[data-metric="total_usd"]')).toHaveText('$37.13');
  const e = await context.newPage();
  await e.goto(`embed/cost/?${LINK}&prices=${TABLE}`);
  await appReady(e);
  expect(await metric(e, 'total_usd')).toBeCloseTo(37.13, 2);
  await expect(e.locator('.embed-footer')).toContainText(`Prices of ${TABLE}`);
  // While today's prices are the pinned ones the embed adds no line (its
  // iframe starts at the height measured without one).
  await expect(e.getByTestId('pinned-prices')).toBeHidden();
  await expect(e.getByTestId('open-in-lambda-lab')).toHaveAttribute('href', new RegExp(`prices=${TABLE}`));
  await context.close();
});

test('"Copy link with its card" copies the share address, whose card and headline are the page\'s values', async ({ browser, request }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(process.env.LAMBDA_LAB_BASE_URL || 'http://127.0.0.1:8080/lambda-lab/').origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const p = await context.newPage();
  await p.goto(`calculators/cost/?${LINK}`);
  await appReady(p);
  await p.getByTestId('copy-share').click();
  await expect(p.getByTestId('toolbar-status')).toHaveText('Link with its card copied.');
  const share = await p.evaluate(() => navigator.clipboard.readText());
  // This build names its endpoint (cargo xtask static serves it): the share address is the endpoint's.
  expect(share).toBe(`${origin}/share/cost/?v=4&requests=20000000`);
  const html = await (await request.get(share)).text();
  expect(html).toContain('<meta property="og:title" content="Lambda cost calculator: $37.13 a month for 20,000,000 requests of 120 ms at 1,024 MB">');
  const card = html.match(/<meta property="og:image" content="([^"]+)">/)[1].replace(/&amp;/g, '&');
  expect(card).toContain('requests=20000000');
  const png = await (await request.get(card)).body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  // An embed has no such button: its links lead to Lambda Lab, not to a card.
  await p.goto(`embed/cost/?${LINK}&show=result,tools`);
  await appReady(p);
  await expect(p.getByTestId('copy-share')).toBeHidden();
  await context.close();
});
