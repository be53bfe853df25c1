/**
 * "For you" on the real seed site in Chromium: a reader imports a file of saved papers, opens the
 * day and its week in the "For you" order (kept in the URL), marks a paper "not interested" and
 * undoes it; a fresh profile is offered nothing and fetches nothing; a tampered stored value is
 * dropped with a warning; the library shows "New for you"; axe finds nothing, light or dark.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { FOR_YOU_KEY } from '../../src/client/for-you-store.ts';
import { PAPER_DOM } from '../../src/lib/paper-dom.ts';
import { runAxe } from '../support/axe.ts';
import { layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';

const seed = inject('builds').seed;
const DAY = 'papers/date/2025-03-17/';
const WEEK = 'papers/week/2025-W12/';
/** Three speculative-decoding papers of the seed day, and the four others on it the reader has not saved. */
const SAVED = [
  'dyspec-faster-speculative-decoding-with-dynamic-token-tree-structure',
  'kangaroo-lossless-self-speculative-decoding-via-double-early-exiting',
  'adaptive-draft-verification-for-efficient-large-language-model-decoding',
];
const LIKE_THEM = [
  's2d-sorted-speculative-decoding-for-more-efficient-deployment-of-nested-large',
  'specdec-boosting-speculative-decoding-via-adaptive-candidate-lengths',
  'spectr-fast-speculative-decoding-via-optimal-transport',
  'lantern-accelerating-visual-autoregressive-models-with-relaxed-speculative',
];

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(seed.out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const profile = (options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean; width?: number } = {}) =>
  browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
  });

/** A profile whose library holds SAVED, imported from a BibTeX file as a reader would. */
async function withSavedPapers(options: Parameters<typeof profile>[0] = {}): Promise<BrowserContext> {
  const context = await profile(options);
  const file = path.join(os.tmpdir(), `papershelf-for-you-${process.pid}.bib`);
  await writeFile(file, SAVED.map((id, i) => `@misc{p${i}, title={Saved ${i}}, url={${server.url}papers/${id}/}}`).join('\n'));
  const library = await context.newPage();
  await library.goto(`${server.url}library/`);
  await library.locator('#library-status').filter({ hasText: /./ }).waitFor();
  await library.locator('#library-import').setInputFiles(file);
  await library
    .locator('#library-status')
    .filter({ hasText: /^Imported 3 papers/ })
    .waitFor();
  await library.close();
  return context;
}

/** The day's card ids in the order shown. */
const cardOrder = (page: Page) =>
  page.locator(`#day-papers [${PAPER_DOM.card}]`).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-paper-id') ?? ''));
const ordered = (page: Page) =>
  page
    .locator('.for-you__status')
    .filter({ hasText: /^For you: / })
    .waitFor();

describe('"For you"', () => {
  it('offers nothing to a reader without a library, and fetches nothing for it', async () => {
    const context = await profile();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}${DAY}?order=for-you`);
    await page.locator('.save-toggle').first().waitFor();
    expect(await page.locator(`[${PAPER_DOM.forYou}]`).textContent()).toBe('');
    expect(asked.filter((p) => /for-you/.test(p))).toEqual([]);
    // The usual order, shown.
    expect(await page.locator('#day-papers').isVisible()).toBe(true);
    await context.close();
  });

  it('orders a day by likeness to the saved papers, says why, and keeps the order in the URL across a reload', async () => {
    const context = await withSavedPapers();
    const page = await context.newPage();
    await page.goto(`${server.url}${DAY}`);
    const usual = await cardOrder(page);
    const link = page.locator('.for-you__switch');
    await link.waitFor();
    expect(await link.textContent()).toBe('For you');
    await link.click();
    await ordered(page);
    expect(new URL(page.url()).searchParams.get('order')).toBe('for-you');
    const order = await cardOrder(page);
    expect(order).not.toEqual(usual);
    expect([...order].sort()).toEqual([...usual].sort());
    // The papers like the saved ones come first: the four other speculative-decoding papers are
    // among the first seven (with the three saved ones), of 75.
    const first = order.slice(0, 7);
    expect(LIKE_THEM.filter((id) => first.includes(id)).length).toBeGreaterThanOrEqual(3);
    const why = await page.locator(`#day-papers [${PAPER_DOM.card}="${LIKE_THEM[2]}"] .for-you__why`).textContent();
    expect(why).toMatch(/^Like: (DySpec|Kangaroo|Adaptive Draft-Verification)/);
    await page.reload();
    await ordered(page);
    expect(await cardOrder(page)).toEqual(order);
    // And back: the usual order's link.
    await page.locator('.for-you__switch').click();
    await page.locator('.for-you__switch').filter({ hasText: 'For you' }).waitFor();
    expect(await cardOrder(page)).toEqual(usual);
    await context.close();
  });

  it('moves a paper marked "not interested" down with the papers like it, and Undo puts it back', async () => {
    const context = await withSavedPapers();
    const page = await context.newPage();
    await page.goto(`${server.url}${DAY}?order=for-you`);
    await ordered(page);
    const before = await cardOrder(page);
    const target = before.find((id) => LIKE_THEM.includes(id)) ?? '';
    await page.locator(`[${PAPER_DOM.card}="${target}"] .for-you__not`).click();
    await page
      .locator('.for-you__status')
      .filter({ hasText: /^Not interested: / })
      .waitFor();
    const after = await cardOrder(page);
    expect(after.indexOf(target)).toBeGreaterThan(before.indexOf(target) + 10);
    // Undo: the order as it was.
    await page.locator('.for-you__undo').click();
    await page
      .locator('.for-you__status')
      .filter({ hasText: /is back in the order/ })
      .waitFor();
    expect(await cardOrder(page)).toEqual(before);
    // Kept with the library: marked again, a reload remembers it.
    await page.locator(`[${PAPER_DOM.card}="${target}"] .for-you__not`).click();
    await page
      .locator('.for-you__status')
      .filter({ hasText: /^Not interested: / })
      .waitFor();
    await page.reload();
    await ordered(page);
    expect((await cardOrder(page)).indexOf(target)).toBe(after.indexOf(target));
    expect(await page.locator(`[${PAPER_DOM.card}="${target}"] .for-you__not`).textContent()).toMatch(/^Interested after all/);
    await context.close();
  });

  it('shows a week as one ranked list of its rows, hidden until ordered: nothing moves, on a 360 px phone', async () => {
    const context = await withSavedPapers({ width: 360 });
    const page = await context.newPage();
    await watchLayoutShifts(page);
    await page.goto(`${server.url}${WEEK}?order=for-you`);
    await ordered(page);
    const rows = await page
      .locator('.for-you__list li a[href^="/papers/"]')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(rows).toHaveLength(75);
    const firstIds = rows.slice(0, 7).map((p) => p.split('/')[2] ?? '');
    expect(LIKE_THEM.filter((id) => firstIds.includes(id)).length).toBeGreaterThanOrEqual(3);
    expect(await page.locator(`[${PAPER_DOM.forYouList}]`).isHidden()).toBe(true);
    expect(await layoutShifts(page)).toBeLessThanOrEqual(0.1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // A reload keeps the order (the URL carries it).
    await page.reload();
    await ordered(page);
    expect(
      await page
        .locator('.for-you__list li a[href^="/papers/"]')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    ).toEqual(rows);
    await context.close();
  });

  it('drops a tampered stored value with a warning, and still orders', async () => {
    const context = await withSavedPapers();
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${server.url}${DAY}`);
    await page.evaluate(
      (key) =>
        localStorage.setItem(key, JSON.stringify({ version: 1, described: { x: '<img src=x onerror=alert(1)>' }, notInterested: [] })),
      FOR_YOU_KEY,
    );
    await page.goto(`${server.url}${DAY}?order=for-you`);
    await ordered(page);
    expect(warnings.some((w) => /"For you" state was not in the form this version keeps, and was dropped/.test(w))).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await context.close();
  });

  it('shows "New for you" on the library page: the newest days\' best matches, each saying why', async () => {
    const context = await withSavedPapers();
    const page = await context.newPage();
    await page.goto(`${server.url}library/`);
    const links = page.locator('#library-for-you a[href^="/papers/"]');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2] ?? ''));
    expect(hrefs.some((id) => LIKE_THEM.includes(id))).toBe(true);
    expect(hrefs.some((id) => SAVED.includes(id))).toBe(false);
    expect(await page.locator('#library-for-you .for-you__why').first().textContent()).toMatch(/^Like: /);
    await context.close();
  });

  it('is axe-clean, light and dark, with the order drawn', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await withSavedPapers({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${server.url}${DAY}?order=for-you`);
      await ordered(page);
      expect(await runAxe(page), colorScheme).toEqual([]);
      await context.close();
    }
  });
});
