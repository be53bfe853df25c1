import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { authorPath } from '../../src/data/routes.ts';
import { runAxe } from '../support/axe.ts';
import { attr, dom, select } from '../support/html.ts';

// The real site (content/papers: the 75 papers of 2025-03-17) and the fixture site, built once for
// the run (tests/support/global-setup.ts) and served locally.
const { seed: build, fixture: fixtureBuild } = inject('builds');
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(build.out);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = async (path: string, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark' } = {}) => {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light' });
  page = await context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  return response;
};

describe('the seed site in Chromium', () => {
  it('finds TidalDecode first for "position persistent sparse attention"', async () => {
    await open('search/?q=position%20persistent%20sparse%20attention');
    const first = page.locator('.search-result__link').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.textContent()).toBe('TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention');
    await first.click();
    await page.waitForURL(/\/papers\/tidaldecode-/);
    expect(await page.locator('h1').textContent()).toContain('TidalDecode');
    await page.context().close();
  });

  it('searches from the header box on any page', async () => {
    await open('papers/date/2025-03-17/');
    await page.fill('#site-search', 'speculative decoding');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=speculative\+decoding/);
    await page.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
    const titles = await page.locator('.search-result__link').allTextContents();
    expect(titles.length).toBeGreaterThan(3);
    expect(titles.slice(0, 3).every((t) => /specul|decod/i.test(t))).toBe(true);
    await page.context().close();
  });

  it('lists the 75 papers on the day page, without JavaScript', async () => {
    const response = await open('papers/date/2025-03-17/', { javaScript: false });
    expect(response?.status()).toBe(200);
    expect(await page.locator('.paper-list > li').count()).toBe(75);
    expect(await page.locator('h1').textContent()).toBe('Papers of Monday, 17 March 2025');
    // One script: the reader's library (Save buttons), a deferred module of the site's own; the page
    // reads whole without it, and no Save button is drawn.
    expect(
      await page.locator('script').evaluateAll((all) => all.map((s) => [(s as HTMLScriptElement).type, s.getAttribute('src')])),
    ).toEqual([['module', expect.stringMatching(/^\/_astro\/BaseLayout[^/]*\.js$/)]]);
    expect(await page.locator('.save-toggle').count()).toBe(0);
    await page.context().close();
  });

  it('shows the latest day on the home page', async () => {
    await open('', { javaScript: false });
    expect(await page.locator('.paper-list > li').count()).toBe(75);
    await page.context().close();
  });

  it('shows <SEG> as text on the READ paper page', async () => {
    await open('papers/reasoning-to-attend-try-to-understand-how-seg-token-works/', { javaScript: false });
    expect(await page.locator('h1').textContent()).toBe('Reasoning to Attend: Try to Understand How <SEG> Token Works');
    expect(await page.locator('.abstract__text').textContent()).toContain('typically rely on <SEG> tokens as a text prompt');
    expect(await page.locator('.abstract__text seg').count()).toBe(0);
    expect(await page.title()).toBe('Reasoning to Attend: Try to Understand How <SEG> Token Works · Papershelf');
    expect(await page.getByRole('link', { name: 'Code', exact: true }).getAttribute('href')).toBe('https://github.com/rui-qian/READ');
    await page.getByRole('link', { name: /All papers of Monday, 17 March 2025/ }).click();
    await page.waitForURL(/\/papers\/date\/2025-03-17\/$/);
    await page.context().close();
  });

  it('serves the 404 page for unknown addresses', async () => {
    const response = await open('papers/no-such-paper/', { javaScript: false });
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.context().close();
  });

  it('is usable from the keyboard: the skip link moves focus to the content', async () => {
    await open('papers/date/2025-03-17/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('follows the dark colour scheme', async () => {
    await open('papers/date/2025-03-17/', { colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.context().close();
    await open('papers/date/2025-03-17/', { colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.context().close();
    expect(dark).toBe('rgb(17, 20, 24)');
    expect(light).toBe('rgb(255, 255, 255)');
  });
});

/**
 * The day page as a reader sees it: what the first screen holds, how tall the page is. Measured on
 * the completed seed day (75 papers) against the page this redesign replaced, measured for issue
 * 20: 19,000 px tall at 1280 px wide and 31,400 px at 390 px, about four papers in the first screen.
 */
describe('the day page’s cards in Chromium', () => {
  const BEFORE = { 1280: 19_000, 390: 31_400 } as const;
  const measure = async (width: 1280 | 390, height: number) => {
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${server.url}papers/date/2025-03-17/`);
    await tab.evaluate(() => document.fonts.ready);
    const result = await tab.evaluate(() => {
      const whole = (element: Element | null) => {
        if (element === null) {
          return false;
        }
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
      };
      const cards = [...document.querySelectorAll('.paper-card')];
      // Title, authors (when the paper names any) and votes, each wholly inside the first screen.
      const readable = cards.filter(
        (card) =>
          whole(card.querySelector('.paper-card__title')) &&
          whole(card.querySelector('.paper-card__votes')) &&
          (card.querySelector('.authors') === null || whole(card.querySelector('.authors'))),
      );
      const firstScreen = {
        readable: readable.length,
        withAuthors: readable.filter((card) => card.querySelector('.authors') !== null).length,
      };
      // Cards off screen are laid out only near it (content-visibility): lay them all out to
      // measure the page a reader scrolls through, not the browser's estimate of it.
      for (const item of document.querySelectorAll<HTMLElement>('.paper-list > li')) {
        item.style.contentVisibility = 'visible';
      }
      return { ...firstScreen, height: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth };
    });
    await context.close();
    return result;
  };

  it('shows at least 8 papers, their titles, authors and votes whole, in the first 1280 × 800 screen', async () => {
    const desktop = await measure(1280, 800);
    expect(desktop.readable).toBeGreaterThanOrEqual(8);
    expect(desktop.withAuthors).toBeGreaterThanOrEqual(6);
    expect(desktop.height).toBeLessThanOrEqual(0.4 * BEFORE[1280]);
    expect(desktop.scrollWidth).toBeLessThanOrEqual(1280);
  });

  it('sends at most 40 KB gzipped for the day page and its stylesheets, and at most 4 KB of script (the library)', () => {
    const html = readFileSync(path.join(build.out, 'papers/date/2025-03-17/index.html'), 'utf8');
    const doc = dom(html);
    const sheets = select(doc, 'link[rel=stylesheet]').map((link) => attr(link, 'href') ?? '');
    expect(sheets.length).toBeGreaterThan(0);
    const bytes = [html, ...sheets.map((href) => readFileSync(path.join(build.out, href), 'utf8'))].reduce(
      (sum, text) => sum + gzipSync(text).length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
    const scripts = select(doc, 'script').map((script) => attr(script, 'src') ?? '');
    expect(scripts).toHaveLength(1);
    const script = readFileSync(path.join(build.out, scripts[0] ?? ''));
    const imports = [...script.toString('utf8').matchAll(/from"\.\/([\w.-]+\.js)"/g)].map((m) =>
      readFileSync(path.join(build.out, '_astro', m[1] ?? '')),
    );
    expect([script, ...imports].reduce((sum, b) => sum + gzipSync(b).length, 0)).toBeLessThanOrEqual(4 * 1024);
  });

  it('is at most 40 % as tall as before on a 390 px phone, and never scrolls sideways', async () => {
    const phone = await measure(390, 844);
    expect(phone.height).toBeLessThanOrEqual(0.4 * BEFORE[390]);
    expect(phone.scrollWidth).toBeLessThanOrEqual(390);
  });

  it('shows each card’s votes, authors, arXiv id and code badge, and opens the abstract without JavaScript', async () => {
    await open('papers/date/2025-03-17/', { javaScript: false });
    const card = page.locator('.paper-card', { has: page.getByRole('link', { name: /^TidalDecode/ }) });
    expect(await card.locator('.paper-card__votes').textContent()).toMatch(/^\s*0\s*votes\s*$/);
    expect(await card.locator('.authors a').first().textContent()).toBe('Lijie Yang');
    expect(await card.getByRole('link', { name: 'arXiv 2410.05076' }).getAttribute('href')).toBe('https://arxiv.org/abs/2410.05076');
    expect(await card.getByRole('link', { name: /^Code for TidalDecode/ }).getAttribute('href')).toBe(
      'https://github.com/DerrickYLJ/TidalDecode',
    );
    const excerpt = card.locator('.paper-card__excerpt');
    expect(await excerpt.isVisible()).toBe(false);
    await card.locator('summary').click();
    expect(await excerpt.isVisible()).toBe(true);
    expect(await excerpt.textContent()).toMatch(/^Large language models \(LLMs\) have driven/);
    await page.context().close();
  });

  it('gives every badge and the abstract switch a tap target of at least 24 × 24 px', async () => {
    await open('papers/date/2025-03-17/', { javaScript: false });
    const small = await page.evaluate(
      () =>
        [...document.querySelectorAll('.paper-card__meta a, .paper-card__meta summary')]
          .map((el) => el.getBoundingClientRect())
          .filter((box) => box.width < 24 || box.height < 24).length,
    );
    expect(small).toBe(0);
    await page.context().close();
  });
});

describe('Content Security Policy, as a host sends it from public/_headers', () => {
  let strict: StaticServer;
  beforeAll(async () => {
    strict = await serveStatic(build.out, '/', true);
  });
  afterAll(() => strict?.close());

  const watch = async (context: BrowserContext) => {
    const violations: string[] = [];
    await context.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    return violations;
  };

  it('lets search work with zero policy violations', async () => {
    const context = await browser.newContext();
    const violations = await watch(context);
    const tab = await context.newPage();
    const response = await tab.goto(`${strict.url}search/?q=position%20persistent%20sparse%20attention`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await tab.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
    expect(await tab.locator('.search-result__link').first().textContent()).toContain('TidalDecode');
    await tab.fill('#search-q', 'speculative decoding');
    await tab
      .locator('.search-result__link', { hasText: /Specul/i })
      .first()
      .waitFor({ timeout: 15_000 });
    await tab.goto(`${strict.url}papers/date/2025-03-17/`);
    await tab.goto(`${strict.url}papers/reasoning-to-attend-try-to-understand-how-seg-token-works/`);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('lets a digest’s inline styles apply and still runs no script in it', async () => {
    const digest = path.join(build.out, 'digest/2025-03-17.html');
    const injected = path.join(build.out, 'digest/injected.html');
    writeFileSync(injected, readFileSync(digest, 'utf8').replace('</body>', '<script>window.pwned = true</script></body>'));
    const context = await browser.newContext();
    const violations = await watch(context);
    const tab = await context.newPage();
    const response = await tab.goto(`${strict.url}digest/2025-03-17.html`);
    expect(response?.headers()['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline';.*frame-ancestors 'none'$/,
    );
    // The first paper's link, styled by its style attribute (#0b57d0), as a mail client shows it.
    expect(
      await tab
        .locator('a')
        .first()
        .evaluate((a) => getComputedStyle(a).color),
    ).toBe('rgb(11, 87, 208)');
    expect(violations).toEqual([]);
    await tab.goto(`${strict.url}digest/injected.html`);
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(1);
    expect(await tab.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(violations.every((v) => v.startsWith('script-src'))).toBe(true);
    await context.close();
    rmSync(injected, { force: true });
  });

  it('lets WebAssembly run on the search page only', async () => {
    const policy = async (page: string) => (await fetch(`${strict.url}${page}`)).headers.get('content-security-policy') ?? '';
    expect(await policy('search/')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    for (const page of ['', 'papers/date/2025-03-17/', 'papers/reasoning-to-attend-try-to-understand-how-seg-token-works/', 'subscribe/']) {
      expect(await policy(page), page).toContain("script-src 'self';");
    }
  });

  it('blocks a handler and a script injected into a page', async () => {
    const page404 = path.join(build.out, 'injected', 'index.html');
    mkdirSync(path.dirname(page404), { recursive: true });
    const paper = readFileSync(path.join(build.out, 'papers/reasoning-to-attend-try-to-understand-how-seg-token-works/index.html'), 'utf8');
    writeFileSync(
      page404,
      paper.replace('</main>', '<img src="/missing.png" onerror="document.title=\'pwned\'"><script>window.pwned = true</script></main>'),
    );
    const context = await browser.newContext();
    const violations = await watch(context);
    const tab = await context.newPage();
    await tab.goto(`${strict.url}injected/`);
    // Both blocked elements report a violation; waiting for them proves the handler's turn has come.
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    await tab.waitForLoadState('load');
    expect(await tab.title()).not.toBe('pwned');
    expect(await tab.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(violations.every((v) => v.startsWith('script-src'))).toBe(true);
    await context.close();
    rmSync(path.dirname(page404), { recursive: true, force: true });
  });
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  // Every page type: the seed site has no tags or authors, so those come from the fixture site.
  let fixture: StaticServer;
  // One tab per run, kept across pages: axe is compiled once per renderer, not once per page (a
  // fresh context per page cost ~2 s a page). Each page is checked in light, then in dark.
  let tab: Page;
  beforeAll(async () => {
    fixture = await serveStatic(fixtureBuild.out);
    tab = await (await browser.newContext({ colorScheme: 'light', bypassCSP: true })).newPage();
  });
  afterAll(async () => {
    await tab?.context().close();
    await fixture?.close();
  });

  const PAGES = [
    ['home', 'seed', ''],
    ['day', 'seed', 'papers/date/2025-03-17/'],
    ['week', 'seed', 'papers/week/2025-W12/'],
    ['month', 'seed', 'papers/month/2025-03/'],
    ['archive', 'seed', 'papers/'],
    ['paper', 'seed', 'papers/reasoning-to-attend-try-to-understand-how-seg-token-works/'],
    ['search with results', 'seed', 'search/?q=speculative%20decoding'],
    ['subscribe', 'seed', 'subscribe/'],
    ['404', 'seed', 'papers/no-such-paper/'],
    ['tags', 'fixture', 'tags/'],
    ['tag', 'fixture', 'tags/attention/'],
    ['author', 'fixture', authorPath('lukasz-kaiser').slice(1)],
    ['paper with tags and authors', 'fixture', 'papers/2503.01234/'],
  ] as const;

  const background = () => tab.evaluate(() => getComputedStyle(document.body).backgroundColor);

  for (const [name, site, url] of PAGES) {
    it(`finds no violations on the ${name} page in light and dark mode`, async () => {
      await tab.emulateMedia({ colorScheme: 'light' });
      await tab.goto(`${(site === 'seed' ? server : fixture).url}${url}`);
      if (name === 'search with results') {
        await tab.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
      }
      const light = await runAxe(tab);
      const lightBackground = await background();
      // The schemes differ only in colours (prefers-color-scheme swaps the custom properties), so
      // the dark run checks what colours decide: contrast. Every other rule runs in light.
      await tab.emulateMedia({ colorScheme: 'dark' });
      expect(await background(), 'the dark scheme applies').not.toBe(lightBackground);
      const dark = await runAxe(tab, ['color-contrast', 'link-in-text-block']);
      expect({ light, dark }).toEqual({ light: [], dark: [] });
    });
  }

  it('reports a real violation (the harness is not blind)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const tab = await context.newPage();
    await tab.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>');
    const violations = await runAxe(tab);
    await context.close();
    expect(violations.map((v) => v.id)).toContain('image-alt');
  });
});

describe('the paper page in Chromium', () => {
  const paperUrl = 'papers/reasoning-to-attend-try-to-understand-how-seg-token-works/';

  it("offers the BibTeX entry as selectable text and in its day's .bib file, with no script but the library's", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const scripts: string[] = [];
    tab.on('request', (request) => {
      if (request.resourceType() === 'script') {
        scripts.push(request.url());
      }
    });
    await tab.goto(`${server.url}${paperUrl}`, { waitUntil: 'networkidle' });
    expect(scripts.map((url) => new URL(url).pathname)).toEqual([expect.stringMatching(/^\/_astro\/BaseLayout[^/]*\.js$/)]);
    const shown = (await tab.locator('#bibtex').textContent()) ?? '';
    // The seed completed from public metadata: its authors and arXiv id are in the citation, and
    // its year is the paper's (arXiv 2412.17741: December 2024), not the listing day's.
    expect(shown).toMatch(/^@misc\{qian2024reasoning,\n {2}title=\{Reasoning to Attend: Try to Understand How <\{SEG\}> Token Works\},/);
    expect(shown).toContain('author={Rui Qian and Xin Yin and Dejing Dou}');
    expect(shown).toContain('eprint={2412.17741}');
    const href = await tab.getByRole('link', { name: 'BibTeX (.bib)' }).getAttribute('href');
    const file = await tab.request.get(new URL(href ?? '', tab.url()).href);
    expect(file.status()).toBe(200);
    // The day's 75 entries, this one among them, byte for byte.
    const entries = (await file.text()).trimEnd().split('\n\n');
    expect(entries).toHaveLength(75);
    expect(entries).toContain(shown.trim());
    await context.close();
  });
});

describe('discussion on the paper page (giscus configured on the fixture site only), under the header CSP', () => {
  let community: StaticServer;
  let plain: StaticServer;
  const PAPER = 'papers/2503.01234/';
  // giscus.app is not reachable here: Chromium is answered by a stand-in widget that, like
  // giscus's, tells its parent page how tall it is.
  const WIDGET = `<!doctype html><html lang="en"><head><title>giscus</title></head><body><p>Comments</p>
<script>parent.postMessage({ giscus: { resizeHeight: 321 } }, '*');</script></body></html>`;
  beforeAll(async () => {
    community = await serveStatic(fixtureBuild.out, '/', true);
    plain = await serveStatic(build.out, '/', true);
  });
  afterAll(async () => {
    await community?.close();
    await plain?.close();
  });

  /** A context that records policy violations and every request that leaves the local server. */
  const contextFor = async (site: StaticServer, options: { javaScript?: boolean; bypassCSP?: boolean } = {}) => {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, bypassCSP: options.bypassCSP ?? false });
    const violations: string[] = [];
    const thirdParty: string[] = [];
    await context.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await context.route('https://giscus.app/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: WIDGET }));
    context.on('request', (request) => {
      if (!request.url().startsWith(site.url)) {
        thirdParty.push(request.url());
      }
    });
    return { context, violations, thirdParty, tab: await context.newPage() };
  };

  it('links the discussion without JavaScript, and loads nothing from giscus', async () => {
    const { context, thirdParty, tab } = await contextFor(community, { javaScript: false });
    await tab.goto(`${community.url}${PAPER}`);
    const link = tab.getByRole('link', { name: 'Discuss on GitHub' });
    expect(await link.getAttribute('href')).toBe(
      'https://github.com/papershelf/fixture-site/discussions?discussions_q=in%3Atitle+2503.01234',
    );
    expect(await tab.locator('.giscus-load').isVisible()).toBe(false);
    expect(thirdParty).toEqual([]);
    await context.close();
  });

  it("draws giscus's widget when the reader asks, within the policy, at the height it asks for", async () => {
    const { context, violations, thirdParty, tab } = await contextFor(community);
    const response = await tab.goto(`${community.url}${PAPER}`);
    expect(response?.headers()['content-security-policy']).toContain('frame-src https://giscus.app;');
    const button = tab.getByRole('button', { name: 'Show the discussion here (loads giscus.app)' });
    await button.waitFor();
    expect(thirdParty).toEqual([]);
    await button.click();
    const frame = tab.locator('iframe.giscus-frame');
    await frame.waitFor();
    const src = new URL((await frame.getAttribute('src')) ?? '');
    expect(`${src.origin}${src.pathname}`).toBe('https://giscus.app/en/widget');
    expect(Object.fromEntries(src.searchParams)).toMatchObject({
      origin: `${community.url}${PAPER}#discussion`,
      repo: 'papershelf/fixture-site',
      repoId: 'R_kgDOfixture',
      category: 'Papers',
      categoryId: 'DIC_kwDOfixture',
      term: '2503.01234',
      strict: '1',
      session: '',
    });
    await expect.poll(() => frame.evaluate((element) => (element as HTMLElement).style.height)).toBe('321px');
    expect(thirdParty.map((url) => new URL(url).origin)).toEqual(['https://giscus.app']);
    expect(violations).toEqual([]);
    await context.close();
  });

  it("keeps the reader's giscus session on the way back from signing in, and opens the discussion", async () => {
    const { context, violations, tab } = await contextFor(community);
    await tab.goto(`${community.url}${PAPER}?giscus=session-123`);
    const frame = tab.locator('iframe.giscus-frame');
    await frame.waitFor();
    expect(new URL((await frame.getAttribute('src')) ?? '').searchParams.get('session')).toBe('session-123');
    expect(tab.url()).toBe(`${community.url}${PAPER}`);
    await tab.reload();
    await tab.getByRole('button', { name: /Show the discussion/ }).click();
    expect(new URL((await tab.locator('iframe.giscus-frame').getAttribute('src')) ?? '').searchParams.get('session')).toBe('session-123');
    expect(violations).toEqual([]);
    await context.close();
  });

  it("forgets a stale session as giscus's client does, and draws the widget signed out instead of a blank frame", async () => {
    const { context, violations, tab } = await contextFor(community);
    // This stand-in answers like giscus for a session that has expired: an error, and nothing drawn.
    const stale = (error: string) => `<!doctype html><html lang="en"><head><title>giscus</title></head><body>
<script>if (new URLSearchParams(location.search).get('session')) {
  parent.postMessage({ giscus: { error: ${JSON.stringify(error)} } }, '*');
  parent.postMessage({ giscus: { resizeHeight: 50 } }, '*');
} else parent.postMessage({ giscus: { resizeHeight: 200 } }, '*');</script></body></html>`;
    const sessions: string[] = [];
    let error = 'State has expired';
    await context.route('https://giscus.app/**', (route) => {
      sessions.push(new URL(route.request().url()).searchParams.get('session') ?? '');
      return route.fulfill({ status: 200, contentType: 'text/html', body: stale(error) });
    });
    await tab.goto(`${community.url}${PAPER}?giscus=stale-session`);
    await expect.poll(() => sessions).toEqual(['stale-session', '']);
    await expect.poll(() => tab.locator('iframe.giscus-frame').evaluate((element) => (element as HTMLElement).style.height)).toBe('200px');
    expect(await tab.evaluate(() => localStorage.getItem('giscus-session'))).toBeNull();
    // Another error ("Discussion not found") is giscus's to show: the session stays.
    error = 'Discussion not found';
    sessions.length = 0;
    await tab.goto(`${community.url}${PAPER}?giscus=good-session`);
    // The height message follows the error: once it is applied, the error has been handled.
    await expect.poll(() => tab.locator('iframe.giscus-frame').evaluate((element) => (element as HTMLElement).style.height)).toBe('50px');
    expect(sessions).toEqual(['good-session']);
    expect(await tab.evaluate(() => localStorage.getItem('giscus-session'))).toBe('"good-session"');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('is accessible with the widget drawn (axe-core, WCAG 2.2 A and AA)', async () => {
    const { context, tab } = await contextFor(community, { bypassCSP: true });
    await tab.goto(`${community.url}${PAPER}`);
    await tab.getByRole('button', { name: /Show the discussion/ }).click();
    await tab.locator('iframe.giscus-frame').waitFor();
    expect(await runAxe(tab)).toEqual([]);
    await context.close();
  });

  it('without giscus configured: no discussion, no frame allowed, nothing third-party', async () => {
    const { context, thirdParty, violations, tab } = await contextFor(plain);
    const response = await tab.goto(`${plain.url}papers/reasoning-to-attend-try-to-understand-how-seg-token-works/`);
    expect(response?.headers()['content-security-policy']).not.toContain('frame-src');
    await tab.waitForLoadState('load');
    expect(await tab.locator('.discussion, .giscus, iframe').count()).toBe(0);
    expect(thirdParty).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
