import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { LIBRARY_KEY, READING_KEY } from '../../src/client/library-store.ts';
import { PAPER_DOM } from '../../src/lib/paper-dom.ts';
import { runAxe } from '../support/axe.ts';
import { layoutShifts, watchLayoutShifts } from '../support/layout-shift.ts';

// The reader's library on the real site (the 75 papers of 2025-03-17), in Chromium: saved in one
// browser profile, read back across reloads, absent from a fresh one.
const { seed: build, fixture } = inject('builds');
const DAY = 'papers/date/2025-03-17/';
let server: StaticServer;
let fixtureServer: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(build.out);
  fixtureServer = await serveStatic(fixture.out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtureServer?.close();
});

const profile = (options: { colorScheme?: 'light' | 'dark'; width?: number; bypassCSP?: boolean } = {}) =>
  browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
  });
const visit = async (context: BrowserContext, path: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
};
const savedTitles = (page: Page) => page.locator('#library-list .library__title').allTextContents();
/**
 * Waits until `to` reads `key` as `from` last wrote it. Each tab may run in a renderer of its own,
 * which learns of another tab's storage writes a moment later: a reload before then reads the
 * value as it was (CI caught a read mark missing so).
 */
const sameStorage = async (from: Page, to: Page, key: string): Promise<void> => {
  const value = await from.evaluate((k) => localStorage.getItem(k), key);
  await to.waitForFunction(([k, v]) => localStorage.getItem(k ?? '') === v, [key, value]);
};

describe('the reader’s library', () => {
  it('saves a paper from a day page: the button stays pressed after a reload, and the library lists it', async () => {
    const context = await profile();
    const day = await visit(context, DAY);
    const buttons = day.locator('.paper-card .save-toggle');
    await buttons.first().waitFor();
    expect(await buttons.count()).toBe(75);
    const card = day.locator('.paper-card', { has: day.getByRole('link', { name: /^TidalDecode/ }) });
    const save = card.locator('.save-toggle');
    expect(await save.getAttribute('aria-pressed')).toBe('false');
    await save.click();
    // A card saves what its paper's page carries, fetched on the click.
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await day.reload();
    expect(
      await day
        .locator('.paper-card', { has: day.getByRole('link', { name: /^TidalDecode/ }) })
        .locator('.save-toggle')
        .getAttribute('aria-pressed'),
    ).toBe('true');
    // A paper page shows the same state, and saves another.
    const href = (await card.getByRole('link', { name: /^TidalDecode/ }).getAttribute('href')) ?? '';
    const paper = await visit(context, href.slice(1));
    expect(await paper.locator('.paper__save .save-toggle').getAttribute('aria-pressed')).toBe('true');
    const library = await visit(context, 'library/');
    await library.locator('#library-list li').first().waitFor();
    expect(await savedTitles(library)).toEqual([expect.stringMatching(/^TidalDecode: Fast and Accurate LLM Decoding/)]);
    expect(await library.locator('#library-list a').first().getAttribute('href')).toMatch(/^\/papers\/tidaldecode-[^/]+\/$/);
    expect(await library.locator('#library-status').textContent()).toBe('1 paper saved.');
    await context.close();
    // Another profile has its own, empty library.
    const fresh = await profile();
    const other = await visit(fresh, 'library/');
    await other.locator('#library-status').filter({ hasText: /./ }).waitFor();
    expect(await other.locator('#library-status').textContent()).toBe('Nothing saved yet: use Save on any paper.');
    await fresh.close();
  });

  it('keys on the pages’ data attributes, not their classes: a day whose card classes are renamed still saves and marks read', async () => {
    const context = await profile();
    // The day page as a restyled site would serve it: every paper-card class renamed.
    await context.route(`${server.url}${DAY}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replaceAll('paper-card', 'restyled-card') });
    });
    const day = await visit(context, DAY);
    expect(await day.locator('.paper-card').count()).toBe(0);
    const cards = day.locator(`[${PAPER_DOM.card}]`);
    await cards.first().locator('.save-toggle').waitFor();
    expect(await day.locator('.save-toggle').count()).toBe(75);
    const first = cards.first();
    await first.locator('.save-toggle').click();
    await expect.poll(() => first.locator('.save-toggle').getAttribute('aria-pressed')).toBe('true');
    // Opening the paper marks it read on the day (by its id and link, whatever its classes).
    const href = (await first.locator(`h2 a[href^="/papers/"]`).getAttribute('href')) ?? '';
    const paper = await visit(context, href.slice(1));
    await paper.locator('.paper__save .save-toggle').waitFor();
    await sameStorage(paper, day, READING_KEY);
    await day.reload();
    await expect.poll(() => day.locator(`[${PAPER_DOM.card}][${PAPER_DOM.read}]`).count()).toBe(1);
    expect(await day.locator(`[${PAPER_DOM.card}][${PAPER_DOM.read}] h2 a[href^="/papers/"]`).getAttribute('href')).toBe(href);
    await context.close();
  });

  it('lists newest saved first, and removes and clears with one undo each', async () => {
    const context = await profile();
    const day = await visit(context, DAY);
    const titles = (await day.locator('.paper-card__title a').allTextContents()).slice(0, 3);
    for (const i of [0, 1, 2]) {
      const save = day.locator('.paper-card').nth(i).locator('.save-toggle');
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    }
    const library = await visit(context, 'library/');
    await library.locator('#library-list li').nth(2).waitFor();
    expect(await savedTitles(library)).toEqual([...titles].reverse());
    await library.locator('.library__remove', { hasText: titles[1] ?? '' }).click();
    expect(await savedTitles(library)).toEqual([titles[2], titles[0]]);
    expect(await library.locator('#library-status').textContent()).toMatch(/^Removed “.+”\. 2 papers saved\. Undo$/);
    await library.getByRole('button', { name: 'Undo' }).click();
    expect(await savedTitles(library)).toEqual([...titles].reverse());
    await library.getByRole('button', { name: 'Clear the library' }).click();
    expect(await savedTitles(library)).toEqual([]);
    await library.getByRole('button', { name: 'Undo' }).click();
    expect(await savedTitles(library)).toEqual([...titles].reverse());
    // Undone once: the undo is gone.
    expect(await library.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await library.reload();
    await library.locator('#library-list li').nth(2).waitFor();
    expect(await savedTitles(library)).toEqual([...titles].reverse());
    await context.close();
  });

  it('drops a stored library that is not what it keeps, with a warning, and never runs or draws it as HTML', async () => {
    const context = await profile();
    const warnings: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'warning') {
        warnings.push(m.text());
      }
    });
    page.on('dialog', (d) => {
      warnings.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${server.url}library/`);
    // The library page has drawn (and written whatever it writes) before the value is tampered with.
    await page.locator('#library-status').filter({ hasText: /./ }).waitFor();
    const tampered = JSON.stringify({
      version: 1,
      papers: [{ id: 'x', title: '<img src=x onerror=alert(1)>', authors: [], day: '2025-03-17', path: 'javascript:alert(1)', saved: 1 }],
    });
    await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [LIBRARY_KEY, tampered]);
    // Playwright may hand over a console message after the page has drawn what followed it: wait for it.
    const warned = page.waitForEvent('console', { predicate: (m) => m.type() === 'warning' });
    await page.reload();
    await warned;
    await page.locator('#library-status').filter({ hasText: /./ }).waitFor();
    expect(await page.locator('#library-status').textContent()).toBe('Nothing saved yet: use Save on any paper.');
    expect(warnings).toEqual([expect.stringMatching(/saved library was not in the form this version keeps, and was dropped/)]);
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY)) ?? '')).toEqual({ version: 1, papers: [] });
    // A well-formed entry is drawn as text, whatever its title holds.
    const valid = JSON.stringify({
      version: 1,
      papers: [{ id: 'x', title: '<img src=x onerror=alert(1)>', authors: ['A. Author'], day: '2025-03-17', path: '/papers/x/', saved: 1 }],
    });
    await page.evaluate(([key, value]) => localStorage.setItem(key ?? '', value ?? ''), [LIBRARY_KEY, valid]);
    await page.reload();
    await page.locator('#library-list li').first().waitFor();
    expect(await savedTitles(page)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(await page.locator('#library-list img').count()).toBe(0);
    expect(warnings.filter((w) => w.startsWith('dialog'))).toEqual([]);
    await context.close();
  });

  it('marks the papers opened as read, shows what is new on a day since the last visit, and hides read papers when asked', async () => {
    const context = await profile();
    const day = await visit(context, DAY);
    await day.locator('.save-toggle').first().waitFor({ state: 'attached' });
    // A first visit: nothing is new, nothing read.
    expect(await day.locator('.paper-card[data-new], .paper-card[data-read]').count()).toBe(0);
    const hrefs = await day.locator('.paper-card__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const [first = '', second = ''] = hrefs;
    const paper = await visit(context, first.slice(1));
    await paper.locator('.paper__save .save-toggle').waitFor();
    // A paper the day did not list at the last visit (as when an import adds one): drop it from
    // what the visit recorded.
    const id = second.split('/')[2] ?? '';
    await paper.evaluate(
      ([key, gone]) => {
        const reading = JSON.parse(localStorage.getItem(key ?? '') ?? '{}');
        reading.seen = reading.seen.map(([d, ids]: [string, string[]]) => [d, ids.filter((i) => i !== gone)]);
        localStorage.setItem(key ?? '', JSON.stringify(reading));
      },
      [READING_KEY, id],
    );
    await sameStorage(paper, day, READING_KEY);
    await day.reload();
    await day.locator('.save-toggle').first().waitFor({ state: 'attached' });
    const card = (href: string) => day.locator('.paper-card', { has: day.locator(`.paper-card__title a[href="${href}"]`) });
    expect(await card(first).getAttribute(PAPER_DOM.read)).toBe('');
    expect(await card(first).locator('.paper-card__title a').textContent()).toMatch(/ \(read\)$/);
    expect(await card(second).getAttribute(PAPER_DOM.fresh)).toBe('');
    expect(await card(second).locator('.paper-card__title a').textContent()).toMatch(/^New since your last visit: /);
    expect(await day.locator('.paper-card[data-new]').count()).toBe(1);
    expect(await day.locator('.paper-card[data-read]').count()).toBe(1);
    // Seen now: not new on the next visit.
    await day.reload();
    await day.locator('.save-toggle').first().waitFor({ state: 'attached' });
    expect(await day.locator('.paper-card[data-new]').count()).toBe(0);
    // On the library page: hide read papers, then stop keeping read state.
    const library = await visit(context, 'library/');
    await library.getByLabel('Hide the papers I have read on listing pages').check();
    await sameStorage(library, day, READING_KEY);
    await day.reload();
    await day.locator('.save-toggle').first().waitFor({ state: 'attached' });
    expect(await card(first).isVisible()).toBe(false);
    expect(await day.locator('.paper-list > li:visible').count()).toBe(74);
    await library.getByLabel(/Mark the papers I open as read/).uncheck();
    await visit(context, second.slice(1));
    await sameStorage(library, day, READING_KEY);
    await day.reload();
    await day.locator('.save-toggle').first().waitFor({ state: 'attached' });
    expect(await day.locator('.paper-card[data-read]').count()).toBe(0);
    expect(await day.locator('.paper-list > li:visible').count()).toBe(75);
    // A fresh profile keeps none of it.
    await context.close();
    const fresh = await profile();
    const other = await visit(fresh, DAY);
    await other.locator('.save-toggle').first().waitFor();
    expect(await other.locator('.paper-card[data-read], .paper-card[data-new]').count()).toBe(0);
    await fresh.close();
  });

  it('draws its buttons without moving anything on a 360 px phone', async () => {
    const context = await profile({ width: 360 });
    const page = await context.newPage();
    await watchLayoutShifts(page);
    for (const path of [DAY, 'library/']) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      // Drawn: the Save buttons on a day, the status on the library page.
      await (path === DAY ? page.locator('.save-toggle').first() : page.locator('#library-status').filter({ hasText: /./ })).waitFor();
      expect(await layoutShifts(page), path).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it('is axe-clean with its controls drawn, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await profile({ colorScheme, bypassCSP: true });
      const day = await visit(context, DAY);
      const save = day.locator('.save-toggle').first();
      await save.click();
      await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
      expect(await runAxe(day), `${colorScheme} day`).toEqual([]);
      const library = await visit(context, 'library/');
      await library.locator('#library-list li').first().waitFor();
      // With its export, import and share controls, a share link, and an undo drawn.
      await library.getByRole('button', { name: 'Share this list' }).click();
      await library.locator('.library__share-link').waitFor();
      await library.getByRole('button', { name: /^Remove/ }).click();
      await library.getByRole('button', { name: 'Undo' }).waitFor();
      expect(await runAxe(library), `${colorScheme} library`).toEqual([]);
      const shared = await visit(context, `library/${new URL(await library.locator('.library__share-link').inputValue()).hash}`);
      await shared.getByRole('button', { name: /^Add it/ }).waitFor();
      expect(await runAxe(shared), `${colorScheme} shared list`).toEqual([]);
      await context.close();
    }
  });
});

/** Clicks `button` and returns the file it downloads: its name and text. */
async function downloaded(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

/** Saves the first `n` papers of the day page, in order, and returns their titles. */
async function saveFirst(context: BrowserContext, n: number, from = 0): Promise<string[]> {
  const day = await visit(context, DAY);
  const titles = (await day.locator('.paper-card__title a').allTextContents()).slice(from, from + n);
  for (let i = from; i < from + n; i++) {
    const save = day.locator('.paper-card').nth(i).locator('.save-toggle');
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
  }
  await day.close();
  return titles;
}

const status = (page: Page) => page.locator('#library-status');

describe('the library’s files and share links', () => {
  it('exports BibTeX, RIS and CSL-JSON that real parsers read, and an import merges a file back in, here or in a fresh profile', async () => {
    const context = await profile();
    const titles = await saveFirst(context, 3);
    const library = await visit(context, 'library/');
    await library.locator('#library-list li').nth(2).waitFor();
    const bib = await downloaded(library, library.getByRole('button', { name: 'BibTeX', exact: true }));
    expect(bib.name).toBe('library.bib');
    const parsed = parseBibtex(bib.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toHaveLength(3);
    const ris = await downloaded(library, library.getByRole('button', { name: 'RIS', exact: true }));
    expect(ris.name).toBe('library.ris');
    const csl = await downloaded(library, library.getByRole('button', { name: 'CSL-JSON', exact: true }));
    expect(csl.name).toBe('library.json');
    // Newest saved first, as the page lists them, in every format.
    const newestFirst = [...titles].reverse();
    for (const text of [ris.text, JSON.parse(csl.text)]) {
      expect((new Cite(text).data as { title: string }[]).map((i) => i.title)).toEqual(newestFirst);
    }
    // Cleared, then imported from the BibTeX file: the same papers, in the same order.
    const file = path.join(os.tmpdir(), `papershelf-library-${process.pid}.bib`);
    await writeFile(file, bib.text);
    await library.getByRole('button', { name: 'Clear the library' }).click();
    expect(await savedTitles(library)).toEqual([]);
    await library.locator('#library-import').setInputFiles(file);
    await status(library)
      .filter({ hasText: /^Imported/ })
      .waitFor();
    expect(await status(library).textContent()).toMatch(/^Imported 3 papers from papershelf-library-\d+\.bib\. 3 papers saved\. Undo$/);
    expect(await savedTitles(library)).toEqual(newestFirst);
    // Again: nothing new.
    await library.locator('#library-import').setInputFiles(file);
    await status(library)
      .filter({ hasText: /already saved/ })
      .waitFor();
    expect(await status(library).textContent()).toMatch(/^Imported 0 papers from .+ \(3 already saved\)\. 3 papers saved\./);
    await context.close();
    // Another profile (another device): the RIS file brings the same library.
    const fresh = await profile();
    const other = await visit(fresh, 'library/');
    await status(other).filter({ hasText: /./ }).waitFor();
    const risFile = path.join(os.tmpdir(), `papershelf-library-${process.pid}.ris`);
    await writeFile(risFile, ris.text);
    await other.locator('#library-import').setInputFiles(risFile);
    await status(other)
      .filter({ hasText: /^Imported/ })
      .waitFor();
    expect(await savedTitles(other)).toEqual(newestFirst);
    await fresh.close();
  });

  it('imports what another tool wrote: papers named by arXiv id are found through the site’s arXiv index, the rest counted', async () => {
    const context = await profile();
    const day = await visit(context, DAY);
    const href = (await day.locator('.paper-card__title a').nth(4).getAttribute('href')) ?? '';
    const paper = await visit(context, href.slice(1));
    const arxiv = (await paper.locator('meta[name="citation_arxiv_id"]').getAttribute('content')) ?? '';
    const title = (await paper.locator('h1').first().textContent())?.trim() ?? '';
    expect(arxiv).toMatch(/^\d{4}\.\d{4,5}$/);
    // As Zotero or arXiv write it: a journal-style note naming the arXiv id, and an entry of some other paper.
    const foreign = new Cite([
      { id: 'x', type: 'article-journal', title: 'Whatever the tool calls it', 'container-title': `arXiv preprint arXiv:${arxiv}` },
      { id: 'y', type: 'book', title: 'A book this site does not list', DOI: '10.1000/xyz' },
    ]).format('bibtex') as string;
    const file = path.join(os.tmpdir(), `papershelf-foreign-${process.pid}.bib`);
    // And an entry whose address is no URL at all.
    await writeFile(file, `${foreign}\n@misc{z, title={Broken}, url={https://[broken}}\n`);
    const library = await visit(context, 'library/');
    await status(library).filter({ hasText: /./ }).waitFor();
    await library.locator('#library-import').setInputFiles(file);
    await status(library)
      .filter({ hasText: /^Imported/ })
      .waitFor();
    expect(await status(library).textContent()).toMatch(
      /^Imported 1 paper from .+ \(2 entries not a paper of this site\)\. 1 paper saved\./,
    );
    // What the library keeps comes from this site's page, not from the file.
    expect(await savedTitles(library)).toEqual([title]);
    // A file with no entries is said to be one.
    await writeFile(file, 'hello');
    await library.locator('#library-import').setInputFiles(file);
    await status(library)
      .filter({ hasText: /no BibTeX/ })
      .waitFor();
    await context.close();
  });

  it('shares a list as a link that opens in a clean profile, shows the list, and changes that reader’s library only when they add it', async () => {
    const context = await profile();
    const titles = await saveFirst(context, 3);
    const library = await visit(context, 'library/');
    await library.locator('#library-list li').nth(2).waitFor();
    await library.getByRole('button', { name: 'Share this list' }).click();
    const link = library.locator('.library__share-link');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}library/#share=[A-Za-z0-9_-]+$`));
    await context.close();
    // Someone else, with a library of their own.
    const other = await profile();
    const own = await saveFirst(other, 1, 10);
    const page = await other.newPage();
    await page.goto(url);
    await status(page)
      .filter({ hasText: /^Someone shared/ })
      .waitFor();
    expect(await status(page).textContent()).toBe('Someone shared 3 papers with you. Your own library is unchanged unless you add them.');
    expect(await savedTitles(page)).toEqual([...titles].reverse());
    expect(await page.locator('.library__remove').count()).toBe(0);
    const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').papers.length, LIBRARY_KEY);
    expect(await stored()).toBe(1);
    await page.getByRole('button', { name: 'Add all 3 to my library' }).click();
    await status(page)
      .filter({ hasText: /^Added/ })
      .waitFor();
    expect(await stored()).toBe(4);
    expect(new URL(page.url()).hash).toBe('');
    expect(await savedTitles(page)).toEqual([...[...titles].reverse(), ...own]);
    // A damaged link reads nothing.
    await page.goto(`${url.slice(0, -4)}@@@@`);
    await status(page)
      .filter({ hasText: /damaged/ })
      .waitFor();
    expect(await stored()).toBe(4);
    await other.close();
  });

  it('exports a day page, a tag page and search results; without JavaScript a day keeps its BibTeX file and nothing else shows', async () => {
    const context = await profile();
    const day = await visit(context, DAY);
    const line = day.locator('.export');
    await line.getByRole('button', { name: 'RIS', exact: true }).waitFor();
    expect(await line.getByRole('link', { name: 'BibTeX' }).getAttribute('href')).toBe(`/${DAY}papers.bib`);
    const ris = await downloaded(day, line.getByRole('button', { name: 'RIS', exact: true }));
    expect(ris.name).toBe('2025-03-17.ris');
    const dayTitles = await day.locator('.paper-card__title a').allTextContents();
    expect((new Cite(ris.text).data as { title: string }[]).map((i) => i.title)).toEqual(dayTitles);
    expect(await line.locator('.export__status').textContent()).toBe('Exported 75 papers.');
    // Search results: the ones shown.
    const search = await visit(context, 'search/?q=attention');
    await search.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
    const shown = await search.locator('.search-result__link').count();
    const results = await downloaded(search, search.locator('.export').getByRole('button', { name: 'CSL-JSON', exact: true }));
    expect(results.name).toBe('search-results.json');
    expect(new Cite(JSON.parse(results.text)).data).toHaveLength(shown);
    // A tag page of the fixture site.
    const tags = await context.newPage();
    await tags.goto(`${fixtureServer.url}tags/`);
    const tagHref = (await tags.locator('main a[href^="/tags/"]').first().getAttribute('href')) ?? '';
    await tags.goto(`${fixtureServer.url}${tagHref.slice(1)}`);
    const tagLine = tags.locator('.export');
    const bib = await downloaded(tags, tagLine.getByRole('button', { name: 'BibTeX', exact: true }));
    expect(bib.name).toBe(`tag-${tagHref.split('/')[2]}.bib`);
    const entries = parseBibtex(bib.text);
    expect(entries.errors).toEqual([]);
    expect(entries.entries).toHaveLength(await tags.locator('.paper-card').count());
    await context.close();
    // JavaScript off: the day's static file only; the tag page's line stays hidden.
    const off = await browser.newContext({ javaScriptEnabled: false });
    const plain = await off.newPage();
    await plain.goto(`${server.url}${DAY}`);
    expect(await plain.locator('.export').textContent()).toMatch(/^\s*Export this day:\s*BibTeX\s*$/);
    await plain.goto(`${fixtureServer.url}${tagHref.slice(1)}`);
    expect(await plain.locator('.export').isVisible()).toBe(false);
    await off.close();
  });
});
