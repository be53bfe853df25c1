import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { authorSlug } from '../../src/content/author-slug.ts';
import { authorPath } from '../../src/data/routes.ts';
import { weekOf } from '../../src/lib/dates.ts';
import { scanPage } from '../../src/verify/checks.ts';
import { type Build, buildSite, readOut, tempDir } from '../support/build.ts';
import { acceptedHostile, HOSTILE_DIR } from '../support/hostile.ts';
import { all, attr, byId, dom, type HtmlNode, select, text } from '../support/html.ts';
import { ROOT, runScript } from '../support/run.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site/papers');

const withHostile = (names: string[]) => {
  const dir = tempDir('papershelf-hostile-');
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, '2025-03-20'));
  for (const name of names) {
    copyFileSync(path.join(HOSTILE_DIR, name), path.join(dir, '2025-03-20', name));
  }
  return dir;
};

describe('a site with the accepted hostile papers', () => {
  let build: Build;
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    build = buildSite({ content: withHostile(acceptedHostile()) });
    if (build.status !== 0) {
      throw new Error(`build failed:\n${build.output}`);
    }
    server = await serveStatic(build.out, '/', true);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds, and verify finds no script, handler or dangerous URL', () => {
    expect(build.output).toMatch(/verify: \d+ pages .*: all checks passed/);
  });

  it('builds outside a git checkout, saying so, with no credit on any paper', () => {
    expect(build.output).toContain('[papershelf] papers are shown without credits: the content folder is not in a git checkout');
    const credit = (id: string) => select(dom(readOut(build, `papers/${id}/index.html`)), 'span.submitted-by');
    expect(credit('hostile-title')).toEqual([]);
    expect(credit('2503.01234')).toEqual([]);
    // submitted_by still names its submitter; with no GitHub repository configured, unlinked.
    const submitted = credit('quantized-draft-models');
    expect(submitted.map(text)).toEqual([' · added by octocat']);
    expect(select(submitted[0] as HtmlNode, 'a')).toEqual([]);
  });

  it('escapes a hostile title and authors in the page, <title> and meta tags', () => {
    const html = readOut(build, 'papers/hostile-title/index.html');
    const page = dom(html);
    const title = '</title><script>alert(1)</script> Escaped Title Zanzibar';
    // Parsed as a browser parses it, every hostile string is text or an attribute value, never markup.
    expect(select(page, 'title').map(text)).toEqual([`${title} · Papershelf`]);
    expect(select(page, 'h1').map(text)).toEqual([title]);
    const authors = select(page, 'p.authors').flatMap((p) => all(p, (n) => n.nodeName === 'a'));
    expect(authors.map((a) => [attr(a, 'href'), text(a)])).toEqual([
      [authorPath('img-src-x-onerror-alert-1'), '"><img src=x onerror=alert(1)>'],
      [authorPath('obrien-sons'), "O'Brien & <Sons>"],
    ]);
    expect(select(page, 'div.abstract__text').map(text)[0]).toContain('<b>bold</b>');
    expect(select(page, 'meta[property=og:title]').map((m) => attr(m, 'content'))).toEqual([title]);
    expect(select(page, 'article[data-authors]').map((a) => attr(a, 'data-authors'))).toEqual([
      '"><img src=x onerror=alert(1)>, O\'Brien & <Sons>',
    ]);
    expect(scanPage('page.html', html, '/', /^\/_astro\//).problems).toEqual([]);
    // The JSON-LD block escapes < and >, so the hostile title cannot close it: it parses back to the title.
    const ld = select(page, 'script[type=application/ld+json]');
    expect(ld.length).toBe(1);
    expect(JSON.parse(text(ld[0] as HtmlNode)).headline).toBe(title);
    // The page has no img element, and no script but the JSON-LD block and the library's module.
    expect(select(page, 'img')).toEqual([]);
    expect(select(page, 'script').map((s) => attr(s, 'type'))).toEqual(['application/ld+json', 'module']);
  });

  it('isolates every author name in <bdi>, Hebrew, Arabic and Persian names as written', () => {
    const page = dom(readOut(build, 'papers/hebrew/index.html'));
    const links = select(page, 'p.authors').flatMap((p) => all(p, (n) => n.nodeName === 'a'));
    expect(links.map((a) => (a.childNodes ?? []).filter((c) => c.attrs !== undefined).map((c) => `${c.nodeName}:${text(c)}`))).toEqual([
      ['bdi:דוד כהן'],
      ['bdi:رضا محمدی'],
      ['bdi:مهدی\u200cزاده'],
      ['bdi:Ada Lovelace'],
    ]);
    // The author page's heading isolates the name too.
    const href = attr(links[0] as HtmlNode, 'href') ?? '';
    const shelf = dom(readOut(build, `${href.slice(1).split('#')[0]}index.html`));
    const section = byId(shelf, decodeURIComponent(href.split('#')[1] ?? '')) as HtmlNode;
    expect(select(section, 'h2').map((h) => (h.childNodes ?? []).map((c) => c.nodeName))).toEqual([['bdi']]);
  });

  it('lets no page scroll sideways at 360 or 390 px, with unbroken titles, URLs, tags and 1,000 authors', async () => {
    const shelf = authorPath(authorSlug('Author Number 0001')).replace(/^\//, '').split('#')[0] ?? '';
    const routes = [
      '',
      'papers/date/2025-03-20/',
      `papers/week/${weekOf('2025-03-20')}/`,
      'papers/month/2025-03/',
      'papers/',
      'papers/trending/',
      'papers/unbroken-everything/',
      'tags/',
      'tags/an-extremely-long-tag-name-that-never-breaks-at-all-x/',
      shelf,
      'search/?q=Unbroken',
      'subscribe/',
      'papers/no-such-paper/',
    ];
    const wide: string[] = [];
    for (const width of [360, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const tab = await context.newPage();
      for (const route of routes) {
        await tab.goto(`${server.url}${route}`);
        if (route.startsWith('search/')) {
          await tab.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
        }
        const scrollWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > width) {
          wide.push(`${width} px /${route}: ${scrollWidth} px wide`);
        }
      }
      await context.close();
    }
    expect(wide).toEqual([]);
  });

  it('gives every control a tap target of at least 24 × 24 px (links inside sentences excepted, as WCAG 2.5.8 does)', async () => {
    // Controls that stand alone: navigation, tabs, pills, badges, buttons, fields. Links inside a
    // sentence or a list of names (authors) take the line's height, which WCAG 2.2 allows.
    const CONTROLS = [
      '.site-nav a',
      '.search-form input',
      '.search-form button',
      '.period-tabs a',
      '.period-nav a',
      '.tag-list a',
      '.paper-links a',
      '.paper-card__meta a',
      '.paper-card__meta summary',
      'main button',
      'main input',
      'main select',
    ].join(', ');
    const small: string[] = [];
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const tab = await context.newPage();
    for (const route of ['papers/date/2025-03-20/', 'papers/unbroken-everything/', 'tags/', 'papers/2503.01234/', 'search/?q=Unbroken']) {
      await tab.goto(`${server.url}${route}`);
      if (route.startsWith('search/')) {
        await tab.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
      }
      const found = await tab.evaluate((selector) => {
        return [...document.querySelectorAll(selector)].flatMap((el) => {
          const box = el.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) {
            return [];
          }
          return box.width < 24 || box.height < 24
            ? [
                `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
              ]
            : [];
        });
      }, CONTROLS);
      small.push(...found.map((f) => `/${route}: ${f}`));
    }
    await context.close();
    expect(small).toEqual([]);
  });

  for (const width of [360, 1280]) {
    it(`keeps every math box inside the abstract's column and the title at ${width} px, and the page from scrolling sideways`, async () => {
      const tab = await browser.newPage({ viewport: { width, height: 800 } });
      await tab.goto(`${server.url}papers/math-stress/`);
      await tab.evaluate(() => document.fonts.ready);
      expect(await tab.locator('.abstract__text .katex').count()).toBeGreaterThanOrEqual(6);
      expect(await tab.locator('.paper h1 .katex').count()).toBe(1);
      expect(await mathOutside(tab, '.abstract__text')).toEqual([]);
      expect(await mathOutside(tab, '.paper h1')).toEqual([]);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await tab.close();
    });
  }

  it('finds hostile, stuffed and non-Latin papers by search, showing titles as text', async () => {
    const context = await browser.newContext();
    const dialogs: string[] = [];
    const tab = await context.newPage();
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const titles = async (query: string) => {
      await tab.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
      await tab.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
      return tab.locator('.search-result__link').allTextContents();
    };
    expect(await titles('Zanzibar')).toEqual(['</title><script>alert(1)</script> Escaped Title Zanzibar']);
    expect(await titles('Quokka')).toEqual(['Windows Line Endings Quokka']);
    expect(await titles('Παπαδόπουλος')).toEqual(['Αραιή Προσοχή: Greek Abstract']);
    expect(await titles('متناثر')).toEqual(['الانتباه المتناثر: Arabic Abstract']);
    expect(await titles('王小明')).toEqual(['稀疏注意力机制 Sparse Attention in Chinese']);
    expect((await titles('attention'))[0]).toBeDefined();
    expect(await tab.locator('#search-results img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

/**
 * Every box KaTeX drew inside `column` (a selector), as the reader sees it: each element's rectangle
 * clipped by the ancestors that clip (overflow other than visible), up to the column itself. Returns
 * those that still reach outside the column, by more than half a pixel.
 */
async function mathOutside(tab: Page, column: string): Promise<string[]> {
  return tab.evaluate((selector) => {
    const outside: string[] = [];
    for (const box of document.querySelectorAll<HTMLElement>(selector)) {
      const limit = box.getBoundingClientRect();
      for (const element of box.querySelectorAll('.katex, .katex *')) {
        let rect = element.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) {
          continue;
        }
        let left = rect.left;
        let right = rect.right;
        let top = rect.top;
        let bottom = rect.bottom;
        for (let up = element.parentElement; up !== null && up !== box.parentElement; up = up.parentElement) {
          const style = getComputedStyle(up);
          if (style.overflowX === 'visible' && style.overflowY === 'visible' && style.clip === 'auto') {
            continue;
          }
          rect = up.getBoundingClientRect();
          left = Math.max(left, rect.left);
          right = Math.min(right, rect.right);
          top = Math.max(top, rect.top);
          bottom = Math.min(bottom, rect.bottom);
        }
        if (right - left <= 0 || bottom - top <= 0) {
          continue;
        }
        if (left < limit.left - 0.5 || right > limit.right + 0.5 || top < limit.top - 0.5 || bottom > limit.bottom + 0.5) {
          outside.push(
            `${selector} ${element.className}: ${left},${top} → ${right},${bottom} outside ${limit.left},${limit.top} → ${limit.right},${limit.bottom}`,
          );
        }
      }
    }
    return outside;
  }, column);
}

describe('JavaScript front matter', () => {
  it('is never run, by npm run check or by astro build alone', () => {
    const marker = '/tmp/papershelf-pwned';
    rmSync(marker, { force: true });
    const dir = withHostile(['js-front-matter.md']);
    const checked = runScript('check.ts', ['--no-cache'], { PAPERSHELF_CONTENT: dir });
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('js-front-matter.md:1:1 front matter: front matter must be YAML: "---js" is not allowed');
    const astroOnly = buildSite({ content: dir });
    expect(astroOnly.status).not.toBe(0);
    expect(astroOnly.output).toContain('js-front-matter.md:1:1 front matter: front matter must be YAML: "---js" is not allowed');
    expect(existsSync(marker)).toBe(false);
  });
});
