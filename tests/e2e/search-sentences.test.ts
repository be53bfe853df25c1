/**
 * The search page on the real seed site (the shared build) in Chromium: a reader who describes a
 * paper in a sentence finds it, results say which words they hold, and bad input gets a clear
 * answer while the page stays responsive.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { MAX_EXCLUDED, MAX_QUERY_WORDS } from '../../src/client/search-state.ts';
import { readOut } from '../support/build.ts';

const seed = inject('builds').seed;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(seed.out, '/', true);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The search page for `q`, once it has drawn its answer. */
const searchFor = async (q: string): Promise<Page> => {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
  await page.locator('#search-form[data-ready="true"]').waitFor({ timeout: 15_000 });
  await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '', null, { timeout: 15_000 });
  return page;
};
const titles = (page: Page) => page.locator('.search-result__link').allTextContents();
const status = async (page: Page) => (await page.locator('#search-status').textContent()) ?? '';

describe('the header search box', () => {
  it('starts fetching the search page and Pagefind’s runtime when it gets focus, and not before', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}papers/`);
    const prefetched = () =>
      page.locator('link[rel=prefetch]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
    expect(await prefetched()).toEqual([]);
    const fetched = new Set<string>();
    page.on('requestfinished', (r) => fetched.add(new URL(r.url()).pathname));
    await page.focus('#site-search');
    const files = ['/search/', '/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/wasm.en.pagefind'];
    await expect.poll(prefetched).toEqual(files);
    // The files exist: the browser fetched each of them.
    await expect.poll(() => files.every((f) => fetched.has(f)), { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});

describe('the search page’s loading', () => {
  it('preloads the index’s files from its HTML, and Pagefind uses each preload instead of asking again', async () => {
    // Served as a CDN serves it (gzip, cacheable): Pagefind's worker finds the preloads in the HTTP cache.
    const cdn = await serveStatic(seed.out, '/', false, { compress: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${cdn.url}search/?q=${encodeURIComponent('long context decoding')}`);
      await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
      const preloaded = await page
        .locator('link[data-search-preload]')
        .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
      // The runtime's worker and WebAssembly, each shard's entry, metadata and filters, the page's modules.
      for (const file of ['/pagefind/pagefind-worker.js', '/pagefind/wasm.en.pagefind', '/pagefind/pagefind-entry.json']) {
        expect(preloaded).toContain(file);
      }
      expect(preloaded.some((f) => /^\/pagefind\/pagefind\.en_\w+\.pf_meta$/.test(f))).toBe(true);
      expect(preloaded.some((f) => f.startsWith('/pagefind/filter/'))).toBe(true);
      expect(preloaded.some((f) => f.startsWith('/_astro/'))).toBe(true);
      const asked = cdn.requests.map((r) => r.path);
      // Every preload names a file the server has, and each was fetched once: a preload whose URL
      // differs from Pagefind's own (an entry's tag) would be fetched twice.
      for (const file of preloaded) {
        expect(cdn.requests.find((r) => r.path === file)?.status, file).toBe(200);
        expect(
          asked.filter((p) => p === file),
          file,
        ).toHaveLength(1);
      }
      await page.close();
    } finally {
      await cdn.close();
    }
  });
});

describe('the search page, asked in sentences', () => {
  it('finds TidalDecode first for a sentence that describes it, which holds none of its title words', async () => {
    const page = await searchFor('reuse selected tokens across layers to speed up long context generation');
    expect((await titles(page))[0]).toMatch(/^TidalDecode/);
    expect(await status(page)).toMatch(/^\d+ papers found: none holds every word, the others some of them, best first\.$/);
    // Each result says which of the words it holds.
    const has = await page.locator('.search-result').first().locator('.search-result__matched').textContent();
    expect(has).toMatch(/^Has: /);
    expect(has?.split(': ')[1]?.split(', ').length).toBeGreaterThan(3);
    await page.close();
  });

  it('says when a query has only common words or signs to search for', async () => {
    for (const q of ['what is the of and', '?! —']) {
      const page = await searchFor(q);
      expect(await status(page)).toBe(
        `“${q}” has no word to search for (only common words or signs): add a word that describes the paper.`,
      );
      expect(await page.locator('.search-result').count()).toBe(0);
      await page.close();
    }
  });

  it('finds the paper whose abstract is pasted whole, searching its first words, and says so', async () => {
    const papers = (JSON.parse(readOut(seed, 'papers/date/2025-03-17/papers.json')) as { papers: { id: string; title: string }[] }).papers;
    const target = papers.find((p) => p.title.startsWith('ShowUI'));
    if (target === undefined) {
      throw new Error('no ShowUI in the seed');
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}papers/${target.id}/`);
    const abstract = ((await page.locator('.abstract__text').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    await page.close();
    expect(abstract.length).toBeGreaterThan(1000);
    const words = abstract.split(' ').length;
    const found = await searchFor(abstract);
    expect((await titles(found))[0]).toBe(target.title);
    expect(await status(found)).toContain(`Searched its first ${MAX_QUERY_WORDS} words of ${words}.`);
    await found.close();
  });

  it('applies the first -words of two hundred and says it left the others', async () => {
    const q = `tokens ${Array.from({ length: 200 }, (_, i) => `-never${i}`).join(' ')}`;
    const page = await searchFor(q);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    expect(await status(page)).toContain(
      `Left out the papers of the first ${MAX_EXCLUDED} -words only, not of ${MAX_QUERY_WORDS - 1 - MAX_EXCLUDED} more.`,
    );
    await page.close();
  });

  it('echoes what the reader types within 100 ms while searches run, Pagefind working in a web worker', async () => {
    const page = await searchFor('tokens');
    // Pagefind's searches run off the page's main thread.
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain('/pagefind/pagefind-worker.js');
    // How long each keystroke waited for the page's main thread (the event's creation to its handler).
    await page.evaluate(() => {
      const delays: number[] = [];
      (window as unknown as { delays: number[] }).delays = delays;
      document.querySelector('#search-q')?.addEventListener('keydown', (e) => delays.push(performance.now() - e.timeStamp));
    });
    const box = page.locator('#search-q');
    await box.fill('');
    await box.pressSequentially('compress the key value cache of long context decoding with sparse attention', { delay: 20 });
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
    const delays = (await page.evaluate(() => (window as unknown as { delays: number[] }).delays)).sort((a, b) => a - b);
    expect(delays.length).toBeGreaterThan(50);
    // The typical keystroke (this shared machine runs other tests beside it: one may wait on the CPU).
    expect(delays[Math.floor(delays.length / 2)]).toBeLessThan(100);
    expect(delays[Math.floor(delays.length * 0.9)]).toBeLessThan(100);
    expect(await box.inputValue()).toBe('compress the key value cache of long context decoding with sparse attention');
    await page.close();
  });
});
