import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorPath } from '../../src/data/routes.ts';
import { scanPage } from '../../src/verify/checks.ts';
import { type Build, buildSite, readOut, tempDir } from '../support/build.ts';
import { launchBrowser } from '../support/chromium.ts';
import { acceptedHostile, HOSTILE_DIR } from '../support/hostile.ts';
import { ROOT } from '../support/run.ts';
import { type StaticServer, serveStatic } from '../support/static-server.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site/papers');

/** How many elements named `tag` a browser would build from `html`. */
function elementsNamed(html: string, tag: string): number {
  const count = (node: { nodeName: string; childNodes?: unknown[] }): number =>
    (node.nodeName === tag ? 1 : 0) + (node.childNodes ?? []).reduce<number>((sum, child) => sum + count(child as { nodeName: string }), 0);
  return count(parse(html) as unknown as { nodeName: string; childNodes?: unknown[] });
}
const withHostile = (names: string[]) => {
  const dir = tempDir('papershelf-hostile-');
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, '2025-03-20'));
  for (const name of names) copyFileSync(path.join(HOSTILE_DIR, name), path.join(dir, '2025-03-20', name));
  return dir;
};

describe('a site with the accepted hostile papers', () => {
  let build: Build;
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    build = buildSite({ content: withHostile(acceptedHostile()) });
    if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
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
    expect(readOut(build, 'papers/hostile-title/index.html')).not.toContain('added by');
    expect(readOut(build, 'papers/2503.01234/index.html')).not.toContain('added by');
    // submitted_by still names its submitter; with no GitHub repository configured, unlinked.
    expect(readOut(build, 'papers/quantized-draft-models/index.html')).toContain('<span class="submitted-by"> · added by octocat</span>');
  });

  it('escapes a hostile title and authors in the page, <title> and meta tags', () => {
    const page = readOut(build, 'papers/hostile-title/index.html');
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Escaped Title Zanzibar · Papershelf</title>');
    expect(page).toContain('<h1>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; Escaped Title Zanzibar</h1>');
    expect(page).toContain(
      `<a href="${authorPath('img-src-x-onerror-alert-1')}">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>, <a href="${authorPath('obrien-sons')}">O&#39;Brien &amp; &lt;Sons&gt;</a>`,
    );
    expect(page).toContain('\\<b>bold\\</b>'.replace(/\\/g, '').replace('<b>', '&lt;b&gt;').replace('</b>', '&lt;/b&gt;'));
    // Inside quoted attributes (meta tags, search metadata) only the quote and & need escaping.
    expect(page).toContain('<meta property="og:title" content="</title><script>alert(1)</script> Escaped Title Zanzibar">');
    expect(scanPage('page.html', page, '/', /^\/_astro\//).problems).toEqual([]);
    // The JSON-LD block escapes < and >, so the hostile title cannot close it.
    expect(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1]).toContain('\\u003c/title\\u003e\\u003cscript\\u003e');
    // Inside a quoted attribute only the quote and & need escaping: this is text, not an element.
    expect(page).toContain('data-authors="&quot;><img src=x onerror=alert(1)>, O\'Brien &amp; <Sons>"');
    // Parsed as a browser parses it, the page has no img or script element from the paper.
    expect(elementsNamed(page, 'img')).toBe(0);
    expect(elementsNamed(page, 'script')).toBe(1); // the JSON-LD block
  });

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

describe('JavaScript front matter', () => {
  it('is never run, by the check or by astro build alone', () => {
    const marker = '/tmp/papershelf-pwned';
    rmSync(marker, { force: true });
    const dir = withHostile(['js-front-matter.md']);
    const checked = buildSite({ content: dir });
    expect(checked.status).toBe(1);
    expect(checked.output).toContain('js-front-matter.md:1:1 front matter: front matter must be YAML: "---js" is not allowed');
    const astroOnly = buildSite({ content: dir });
    expect(astroOnly.status).not.toBe(0);
    expect(astroOnly.output).toContain('js-front-matter.md');
    expect(existsSync(marker)).toBe(false);
  });
});
