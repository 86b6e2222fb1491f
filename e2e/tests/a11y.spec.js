import { test, expect, appReady } from './fixtures.js';
import AxeBuilder from '@axe-core/playwright';

// Automated WCAG 2.2 A/AA checks (axe finds a subset of issues; the rest is
// checked by hand: keyboard, zoom, screen reader). Run in both themes.
const PAGES = [
  { path: '', ready: 'h1' },
  { path: 'calculators/', ready: 'h1' },
  { path: 'lessons/', ready: '.lesson-card' },
  { path: 'lessons/01-billing/', ready: '.lesson-calc [data-metric="total_usd"]' },
  { path: 'lessons/03-right-size/?step=reading-a-sweep', ready: '.lesson-calc [data-metric="best_memory_mb"]' },
  { path: 'lessons/05-runtimes-and-packages/?step=bundling', ready: '.code-tabs' },
  { path: 'lessons/12-platform-choices/?view=print', ready: '.lesson-print' },
  { path: 'about/', ready: '[data-offline-state]' },
  { path: 'about/prices/', ready: '[data-testid="conformance-summary"]' },
  { path: 'workshop/?lessons=1,4,7', ready: '[data-testid="agenda"]' },
  { path: 'calculators/cost/?view=present', ready: '[data-testid="qr"] svg' },
  { path: 'lessons/04-cold-start-anatomy/?view=present&step=how-rare', ready: '[data-testid="qr"] svg' },
  { path: 'lessons/04-cold-start-anatomy/?view=handout', ready: '[data-testid="calc-qr"] svg' },
  { path: 'offline/', ready: 'h1' },
  { path: 'embed/cost/?memory_mb=512&requests=20000000', ready: '[data-metric="total_usd"]' },
  { path: 'embed/power/', ready: '[data-metric="best_memory_mb"]' },
  { path: 'no/such/page', ready: '[data-testid="not-found"]' },
  { path: 'calculators/cost/', ready: '[data-metric="total_usd"]' },
  { path: 'calculators/account/', ready: '[data-metric="total_usd"]' },
  { path: 'calculators/cost/?v=3&front_door=alb&durable_executions=1000&sqs_poller_hours=1460&tenant_environments=10', ready: '[data-metric="front_door_usd"]' },
  { path: 'calculators/account/?f=' + encodeURIComponent('v=3&front_door=http_api&egress_gb=200'), ready: '[data-metric="front_door_usd"]' },
  { path: 'calculators/power/', ready: '[data-metric="best_memory_mb"]' },
  { path: 'calculators/cold-start/', ready: '[data-metric="init_p50_ms"]' },
  { path: 'calculators/traffic/?v=1&sim_seconds=600', ready: '[data-metric="requests"]' },
  { path: 'calculators/managed-instances/?v=3&ec2_discount_pct=72&headroom_pct=50', ready: '[data-metric="crossover_rps"]' },
  { path: 'calculators/microvms/?peak_multiple=4&peak_share=0.25&suspends_per_session=6&suspended_s=19800', ready: '[data-metric="storage_usd"]' },
  { path: 'embed/microvms/?show=result,inputs,table,math', ready: '[data-metric="total_usd"]' },
  { path: 'calculators/platforms/?fargate_vcpu=0.5&fargate_gb=1&ec2_discount_pct=60', ready: '[data-metric="crossover_ec2_rps"]' },
  { path: 'embed/platforms/?region=ap-south-1&show=result,inputs,table,chart,math', ready: '[data-metric="lambda_usd"]' },
  { path: 'lessons/16-lambda-or-a-container/?step=one-workload', ready: '.lesson-calc [data-metric="fargate_usd"]' },
  { path: 'calculators/cost/?v=1&memory_mb=64&region=mars-1&zzz=1', ready: '[data-testid="error-summary"]' },
];

for (const scheme of ['light', 'dark']) {
  for (const p of PAGES) {
    test(`/${p.path} has no WCAG 2.2 AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(p.path);
      await appReady(page);
      await expect(page.locator(p.ready).first()).toBeVisible({ timeout: 30_000 });
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }
}

for (const p of PAGES) {
  test(`/${p.path} fits a 360 px screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(p.path);
    await appReady(page);
    await expect(page.locator(p.ready).first()).toBeVisible({ timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
