import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PaperFields, writePaperFile } from '../../src/content/paper-file.ts';
import { authorShelf } from '../../src/content/slug.ts';
import { checkPaperText } from '../../src/content/validate.ts';
import { type Build, buildSite, listFiles, readOut, tempDir } from '../support/build.ts';
import { launchBrowser } from '../support/chromium.ts';
import { attr, byId, dom, select, text } from '../support/html.ts';
import { buildIn, ROOT, runScript } from '../support/run.ts';
import { serveStatic } from '../support/static-server.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site/papers');
const INVALID = path.join(ROOT, 'tests/fixtures/invalid');
const AUTHORS = [
  'ada-lovelace',
  'alan-turing',
  'emmy-noether',
  'grace-hopper',
  'hedy-lamarr',
  'katherine-johnson',
  'lukasz-kaiser',
  'sofia-kovalevskaya',
];
const IDS = [
  '2503.01234',
  'quantized-draft-models',
  'hyperbolic-embeddings-for-citation-graphs',
  'a-benchmark-for-table-reasoning',
  'zebra-vision-transformer',
  '2503.09999',
];

/** The paper links of a listing page, in page order. */
const cardLinks = (html: string) => [...html.matchAll(/<h2 class="paper-card__title"><a href="([^"]+)"/g)].map((m) => m[1]);
const relLink = (html: string, rel: string) => new RegExp(`<a rel="${rel}" href="([^"]+)"`).exec(html)?.[1];

// The fixture site, built once for the run (tests/support/global-setup.ts).
const build: Build = inject('builds').fixture;

describe('a fixture site built for real', () => {
  it('writes every page: home, days, weeks, months, archive, papers, tags, authors, search, subscribe, 404', () => {
    const pages = listFiles(build.out).filter((f) => f.endsWith('.html') && !f.startsWith('digest/'));
    expect(pages).toEqual(
      [
        '404.html',
        'index.html',
        'search/index.html',
        'subscribe/index.html',
        'papers/index.html',
        'papers/date/2025-03-10/index.html',
        'papers/date/2025-03-13/index.html',
        'papers/date/2025-03-14/index.html',
        'papers/week/2025-W11/index.html',
        'papers/month/2025-03/index.html',
        ...IDS.map((id) => `papers/${id}/index.html`),
        'tags/index.html',
        ...['attention', 'benchmark', 'decoding', 'graphs', 'long-context', 'reasoning', 'vision'].map((t) => `tags/${t}/index.html`),
        ...new Set(AUTHORS.map((a) => `authors/${authorShelf(a)}/index.html`)),
      ].sort(),
    );
  });

  it('gives every author a section on an author page, which their name links to', () => {
    const linked = new Set<string>();
    for (const id of IDS) {
      for (const link of select(dom(readOut(build, `papers/${id}/index.html`)), 'a')) {
        const href = attr(link, 'href') ?? '';
        if (!href.startsWith('/authors/')) continue;
        const [, shelf, slug] = /^\/authors\/([0-9a-f]{3})\/#([a-z0-9-]+)$/.exec(href) ?? [];
        expect(AUTHORS, href).toContain(slug);
        const section = byId(dom(readOut(build, `authors/${shelf}/index.html`)), slug ?? '');
        expect(section && select(section, 'h2').map(text)[0], href).toBe(text(link));
        expect(section && select(section, 'a.paper-row__title').some((a) => attr(a, 'href') === `/papers/${id}/`)).toBe(true);
        linked.add(slug ?? '');
      }
    }
    expect([...linked].sort()).toEqual(AUTHORS);
  });

  it('orders a day by votes, then title', () => {
    expect(cardLinks(readOut(build, 'papers/date/2025-03-14/index.html'))).toEqual([
      '/papers/a-benchmark-for-table-reasoning/',
      '/papers/zebra-vision-transformer/',
      '/papers/2503.09999/',
    ]);
  });

  it('links previous and next days, skipping empty days', () => {
    const middle = readOut(build, 'papers/date/2025-03-13/index.html');
    expect(relLink(middle, 'prev')).toBe('/papers/date/2025-03-10/');
    expect(relLink(middle, 'next')).toBe('/papers/date/2025-03-14/');
    expect(relLink(readOut(build, 'papers/date/2025-03-10/index.html'), 'prev')).toBeUndefined();
    expect(relLink(readOut(build, 'papers/date/2025-03-14/index.html'), 'next')).toBeUndefined();
  });

  it('shows the latest day on the home page', () => {
    const home = readOut(build, 'index.html');
    expect(home).toContain('Papers of <time datetime="2025-03-14">Friday, 14 March 2025</time>');
    expect(cardLinks(home)).toHaveLength(3);
  });

  it('renders a paper page with authors, day, links and an escaped abstract', () => {
    const page = readOut(build, 'papers/2503.01234/index.html');
    expect(page).toContain('<h1>Sparse Mixture Routing for Long Context Transformers</h1>');
    expect(page).toContain('Łukasz Kaiser, Ada Lovelace');
    expect(page).toContain('href="/papers/date/2025-03-10/"');
    expect(page).toContain('<a href="https://arxiv.org/abs/2503.01234" rel="nofollow noopener">arXiv</a>');
    expect(page).toContain('<a href="https://arxiv.org/pdf/2503.01234" rel="nofollow noopener">PDF</a>');
    expect(page).toContain('<a href="https://github.com/example/sparse-routing" rel="nofollow noopener">Code</a>');
    expect(page).toContain('keeps &lt;MASK&gt; tokens as text');
    expect(page).toContain('<title>Sparse Mixture Routing for Long Context Transformers · Papershelf</title>');
  });

  it('renders math at build time, readable as text where markup cannot go', () => {
    const page = readOut(build, 'papers/2503.09999/index.html');
    expect(page).toMatch(
      /<h1>Curriculum Learning for Theorem Provers in <span class="math" data-pagefind-ignore><span class="katex"><span class="katex-mathml"><math /,
    );
    expect(page).toContain('<annotation encoding="application/x-tex">O(n^2)</annotation>');
    expect(page).toContain('<div class="math-display"><span class="math" data-pagefind-ignore><span class="katex-display">');
    expect(page).toContain('Each run costs $5 and $10 in compute, and 62.3% of proofs are short.');
    expect(page).toContain('<title>Curriculum Learning for Theorem Provers in O(n log n) Steps · Papershelf</title>');
    expect(page).toMatch(
      /<meta name="description" content="Ordering proof problems from easy to hard makes a neural prover solve twice as many, searching in O\(n²\) time with α = 0.5\./,
    );
    expect(page).toContain('data-title="Curriculum Learning for Theorem Provers in O(n log n) Steps"');
    // KaTeX's positioning lives in /math.css as classes; the page has no style attributes.
    expect(page).not.toMatch(/ style=/);
    const css = readOut(build, 'math.css');
    for (const [, name] of page.matchAll(/\b(ks-[0-9a-f]{10})\b/g)) expect(css).toContain(`.${name}{`);
    const card = readOut(build, 'papers/date/2025-03-14/index.html');
    expect(card).toContain('>Curriculum Learning for Theorem Provers in O(n log n) Steps</a>');
    expect(readOut(build, 'rss.xml')).toContain('<title>Curriculum Learning for Theorem Provers in O(n log n) Steps</title>');
  });

  it("carries citation meta tags, JSON-LD and a BibTeX entry that matches its day's .bib file", () => {
    const page = readOut(build, 'papers/2503.01234/index.html');
    expect(page).toContain('<meta name="citation_title" content="Sparse Mixture Routing for Long Context Transformers">');
    expect(page).toContain('<meta name="citation_author" content="Kaiser, Łukasz"><meta name="citation_author" content="Lovelace, Ada">');
    expect(page).toContain('<meta name="citation_publication_date" content="2025/03/07">');
    expect(page).toContain('<meta name="citation_arxiv_id" content="2503.01234">');
    expect(page).toContain('<meta name="citation_pdf_url" content="https://arxiv.org/pdf/2503.01234">');
    const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)?.[1] ?? '';
    expect(JSON.parse(jsonLd)).toMatchObject({ '@type': 'ScholarlyArticle', identifier: 'arXiv:2503.01234', datePublished: '2025-03-07' });
    const dayBib = readOut(build, 'papers/date/2025-03-10/papers.bib');
    const entries = dayBib.trimEnd().split('\n\n');
    expect(entries).toHaveLength(2);
    const bib = `${entries.find((e) => e.startsWith('@misc{kaiser2025sparse,'))}\n`;
    expect(bib).toMatch(
      /^@misc\{kaiser2025sparse,\n {2}title=\{Sparse Mixture Routing for Long Context Transformers\},\n {2}author=\{\{\\L\}ukasz Kaiser and Ada Lovelace\},/,
    );
    expect(bib).toContain('  eprint={2503.01234},\n  archivePrefix={arXiv},');
    const shown = /<pre class="bibtex" id="bibtex"><code>([^<]*)<\/code><\/pre>/.exec(page)?.[1] ?? '';
    expect(
      shown
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    ).toBe(bib);
    const download = select(dom(page), 'a[download]')[0];
    expect(download && attr(download, 'href')).toBe('/papers/date/2025-03-10/papers.bib');
  });

  it("offers each day's papers as content-file data, and every paper in /papers.json", () => {
    const day = JSON.parse(readOut(build, 'papers/date/2025-03-10/papers.json')) as {
      day: string;
      count: number;
      papers: (PaperFields & { id: string; url: string; abstract: string })[];
    };
    expect(day).toMatchObject({ day: '2025-03-10', count: 2 });
    const paper = day.papers.find((p) => p.id === '2503.01234');
    if (paper === undefined) throw new Error('2503.01234 is missing from its day');
    const { id, url, abstract, ...fields } = paper;
    expect(url).toBe('https://papershelf.example.org/papers/2503.01234/');
    // Written back as a content file (the abstract is markdown as written), it passes npm run check.
    const md = `${writePaperFile(fields, '').trimEnd()}\n\n${abstract}\n`;
    expect(checkPaperText(md, `${id}.md`, '2025-03-10')).toEqual([]);
    expect(md).toContain('title: "Sparse Mixture Routing for Long Context Transformers"');
    expect(md).toContain('keeps \\<MASK> tokens as text');
    const index = JSON.parse(readOut(build, 'papers.json')) as {
      count: number;
      papers: { id: string; day: string; url: string; authors: string[] }[];
    };
    expect(index.count).toBe(6);
    expect(index.papers.map((p) => p.id).sort()).toEqual([...IDS].sort());
    expect(index.papers.find((p) => p.id === '2503.01234')).toMatchObject({
      day: '2025-03-10',
      url: 'https://papershelf.example.org/papers/2503.01234/',
      authors: ['Łukasz Kaiser', 'Ada Lovelace'],
      links: { code: 'https://github.com/example/sparse-routing' },
      tags: ['long-context', 'attention'],
    });
  });

  it('links arXiv, PDF, HTML, code and Hugging Face, and lists related papers', () => {
    const page = readOut(build, 'papers/2503.01234/index.html');
    for (const href of [
      'https://arxiv.org/abs/2503.01234',
      'https://arxiv.org/pdf/2503.01234',
      'https://arxiv.org/html/2503.01234',
      'https://huggingface.co/papers/2503.01234',
    ]) {
      expect(page).toContain(`href="${href}"`);
    }
    const related = page.slice(page.indexOf('id="related-heading"'), page.indexOf('class="paper__back"'));
    // Only papers that share words count as related: here the other transformer paper.
    const ids = [...related.matchAll(/<a href="\/papers\/([^/]+)\/">/g)].map((m) => m[1]);
    expect(ids).toEqual(['zebra-vision-transformer']);
  });

  it('loads no JavaScript on listings and paper pages (only the search page does)', () => {
    for (const file of ['index.html', 'papers/date/2025-03-14/index.html', 'papers/week/2025-W11/index.html', '404.html']) {
      expect(readOut(build, file), file).not.toMatch(/<script/i);
    }
    // Paper pages carry structured data, which is never executed, and nothing else.
    const scripts = readOut(build, 'papers/2503.01234/index.html').match(/<script[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="application/ld+json">']);
    expect(readOut(build, 'search/index.html')).toMatch(/<script type="module" src="\/_astro\/[\w.-]+\.js">/);
  });

  it('marks only paper pages for the search index', () => {
    for (const file of listFiles(build.out).filter((f) => f.endsWith('.html'))) {
      expect(readOut(build, file).includes('data-pagefind-body'), file).toBe(
        /^papers\/[^/]+\/index\.html$/.test(file) && !file.startsWith('papers/date'),
      );
    }
  });

  it('builds a Pagefind index of exactly the paper pages, with day and tag filters', () => {
    const entry = JSON.parse(readOut(build, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([6]);
    expect(build.output).toContain('indexed 6 paper pages');
    expect(existsSync(path.join(build.out, 'pagefind/pagefind.js'))).toBe(true);
  });
});

describe('search on the fixture site, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(build.out);
    browser = await launchBrowser();
    // One tab for every query: Pagefind's engine and index stay in its cache between them.
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const search = async (query: string) => {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
    const titles = await page.locator('.search-result__link').allTextContents();
    const tags = await page
      .locator('#search-tags input[name="tag"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    return { titles, tags };
  };

  it('finds papers by author, title and abstract words', async () => {
    expect((await search('Lovelace')).titles).toEqual(['Sparse Mixture Routing for Long Context Transformers']);
    expect((await search('hyperbolic')).titles).toEqual(['Hyperbolic Embeddings for Citation Graphs']);
    expect((await search('latency')).titles).toEqual(['Quantized Draft Models for Speculative Decoding']);
    expect((await search('curriculum')).titles).toEqual(['Curriculum Learning for Theorem Provers in O(n log n) Steps']);
  });

  it('offers the tags of the matching papers as filters', async () => {
    // Only the Sparse Mixture Routing paper has an author Lovelace.
    expect((await search('Lovelace')).tags.sort()).toEqual(['attention', 'long-context']);
  });
});

describe('npm run verify on a tampered copy of the built site', () => {
  it('reuses the results of unchanged pages on a second run, with the same verdict', () => {
    const env = { PAPERSHELF_OUT: build.out, PAPERSHELF_CONTENT: FIXTURE, PAPERSHELF_CACHE: path.join(path.dirname(build.out), 'cache') };
    const again = runScript('verify.ts', [], env);
    const pages = listFiles(build.out).filter((f) => f.endsWith('.html')).length;
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`verify: ${pages} pages (${pages} validated; ${pages} unchanged since the last run)`);
    const fresh = runScript('verify.ts', ['--no-cache'], env);
    expect(fresh.stdout).toContain(`verify: ${pages} pages (${pages} validated)`);
  });

  it('lists every broken guarantee and exits 1', () => {
    const copy = tempDir('papershelf-tampered-');
    cpSync(build.out, copy, { recursive: true });
    const edit = (file: string, change: (html: string) => string) =>
      writeFileSync(path.join(copy, file), change(readFileSync(path.join(copy, file), 'utf8')));
    edit('papers/date/2025-03-14/index.html', (html) =>
      html.replace('</main>', '<script>alert(1)</script><a href="/papers/2503.01234/#nowhere">x</a></main>'),
    );
    edit('papers/2503.09999/index.html', (html) => html.replace(/(<div class="abstract__text">)[\s\S]*?(<\/div>)/, '$1$2'));
    edit('404.html', (html) => html.replace('<h1>Page not found</h1>', '<h1>Page not found<div></h1>'));
    rmSync(path.join(copy, 'papers/quantized-draft-models'), { recursive: true });
    // With the build's own cache, warm from its verify run: changed pages must be scanned again.
    const cache = tempDir('papershelf-tampered-cache-');
    cpSync(path.join(path.dirname(build.out), 'cache'), cache, { recursive: true });
    const result = runScript('verify.ts', [], { PAPERSHELF_OUT: copy, PAPERSHELF_CONTENT: FIXTURE, PAPERSHELF_CACHE: cache });
    expect(result.stderr).toMatch(/; \d+ unchanged since the last run\)/);
    expect(result.status).toBe(1);
    const shown = path.relative(ROOT, copy);
    expect(result.stderr).toMatch(new RegExp(`${shown}/papers/date/2025-03-14/index\\.html:\\d+ an inline <script> is not allowed`));
    expect(result.stderr).toContain(
      'the link /papers/2503.01234/#nowhere names #nowhere, which papers/2503.01234/index.html does not have',
    );
    expect(result.stderr).toContain('the link /papers/quantized-draft-models/ leads to no file (papers/quantized-draft-models/index.html)');
    expect(result.stderr).toContain(
      `${shown}/papers/quantized-draft-models/index.html:1 missing: the page of tests/fixtures/site/papers/2025-03-10/quantized-draft-models.md`,
    );
    expect(result.stderr).toContain(`${shown}/papers/2503.09999/index.html:1 the paper page has an empty abstract`);
    expect(result.stderr).toMatch(/404\.html:\d+ invalid HTML/);
    expect(result.stderr).toContain('5 pages are marked for the search index, but there are 6 paper files');
  });
});

describe('a build under a sub-path base', () => {
  it('links only to files that exist under /papershelf/', () => {
    const sub = buildSite({ content: FIXTURE, base: '/papershelf/' });
    expect(sub.status, sub.output).toBe(0);
    const files = new Set(listFiles(sub.out));
    let checked = 0;
    for (const file of [...files].filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(sub.out, file), 'utf8');
      for (const [, url] of html.matchAll(/(?:href|src|action)="(\/[^"#?]*)[^"]*"/g)) {
        if (url === undefined) continue;
        expect(url.startsWith('/papershelf/'), `${file} links ${url}`).toBe(true);
        const local = url.slice('/papershelf/'.length);
        const target = local === '' || local.endsWith('/') ? `${local}index.html` : local;
        expect(files.has(target), `${file} links ${url}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('the build refuses bad content', () => {
  it('refuses exactly what `npm run check` refuses, with the same lines, in one build', () => {
    // Every invalid fixture (one per rule), plus files in the wrong place, beside the fixture site.
    const dir = tempDir('papershelf-parity-');
    cpSync(FIXTURE, dir, { recursive: true });
    for (const name of readdirSync(INVALID)) cpSync(path.join(INVALID, name), path.join(dir, '2025-03-14', name));
    mkdirSync(path.join(dir, '2025-02-30'));
    writeFileSync(path.join(dir, '2025-02-30', 'no-such-day.md'), '---\ntitle: "No Such Day"\n---\n\nText.\n');
    writeFileSync(path.join(dir, '2025-03-14', 'Upper.MD'), '---\ntitle: "Upper"\n---\n\nText.\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a paper\n');
    writeFileSync(path.join(dir, '2025-03-14', '.hidden.md'), '---\ntitle: "Hidden"\n---\n\nText.\n');
    writeFileSync(path.join(dir, '2025-03-14', 'copy.md'), '---\ntitle: "Copy"\narxiv: "2503.01234v3"\n---\n\nThe same paper again.\n');
    const check = runScript('check.ts', ['--no-cache'], { PAPERSHELF_CONTENT: dir });
    const result = buildSite({ content: dir });
    rmSync(dir, { recursive: true, force: true });
    const lines = (text: string) => [...new Set(text.split('\n').filter((l) => /^\S+:\d+:\d+ [\w. ]+?: /.test(l)))].sort();
    expect(check.status).toBe(1);
    expect(result.status).not.toBe(0);
    const refused = lines(check.stderr);
    expect(refused.length).toBeGreaterThan(readdirSync(INVALID).length + 3);
    expect(lines(result.output)).toEqual(refused);
    for (const name of readdirSync(INVALID))
      expect(
        refused.some((l) => l.includes(`/2025-03-14/${name}:`)),
        name,
      ).toBe(true);
  });
});

describe('reproducible builds, and the content loader across rebuilds', () => {
  // The fixture's papers, written to a new folder in reverse order and built from a clean cache;
  // then one paper is edited and the same folder is built again with the same cache and output
  // (Astro drops its content store when its configuration, output folder included, changes).
  const copy = tempDir('papershelf-reversed-');
  const work = tempDir('papershelf-rebuild-');
  const counts = (b: Build) => /(\d+) content files: (\d+) papers read and rendered, (\d+) unchanged/.exec(b.output)?.slice(1).map(Number);
  let cold: Build;
  beforeAll(() => {
    for (const file of listFiles(FIXTURE).reverse()) {
      mkdirSync(path.join(copy, path.dirname(file)), { recursive: true });
      writeFileSync(path.join(copy, file), readFileSync(path.join(FIXTURE, file)));
    }
    cold = buildIn(work, { content: copy });
  });

  it('writes byte-identical output from the same content, whatever the file order on disk', () => {
    expect(cold.status, cold.output).toBe(0);
    const first = listFiles(build.out);
    expect(listFiles(cold.out)).toEqual(first);
    const differing = first.filter((f) => !readFileSync(path.join(build.out, f)).equals(readFileSync(path.join(cold.out, f))));
    expect(differing).toEqual([]);
    expect(first.length).toBeGreaterThan(20);
  });

  it('reads and renders each paper once per build, and only the changed one and its pages again on a rebuild', () => {
    expect(counts(build)).toEqual([6, 6, 0]);
    expect(counts(cold)).toEqual([6, 6, 0]);
    const file = path.join(copy, '2025-03-13', 'hyperbolic-embeddings-for-citation-graphs.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('---\n\n', 'votes: 3\n---\n\n'));
    const edited = buildIn(work, { content: copy });
    expect(edited.status, edited.output).toBe(0);
    expect(counts(edited)).toEqual([6, 1, 5]);
    // Astro's incremental build restores the pages whose cache key (src/data/page-keys.ts) is
    // unchanged and renders the edited paper's page, its day, week and month again.
    const restored = (b: Build) => new Set([...b.output.matchAll(/├─ (\S+?) \((?:cached|restored)\)/g)].map((m) => m[1]));
    expect(restored(cold).size).toBe(0);
    const reused = restored(edited);
    for (const page of ['/papers/2503.01234/index.html', '/papers/date/2025-03-14/index.html', '/papers/date/2025-03-10/papers.bib'])
      expect(reused, page).toContain(page);
    for (const page of [
      '/papers/hyperbolic-embeddings-for-citation-graphs/index.html',
      '/papers/date/2025-03-13/index.html',
      '/papers/week/2025-W11/index.html',
      '/papers/month/2025-03/index.html',
    ])
      expect(reused, page).not.toContain(page);
    // The edit shows where the paper does; pages without it are the cold build's, byte for byte.
    expect(readOut(edited, 'papers/hyperbolic-embeddings-for-citation-graphs/index.html')).not.toBe(
      readOut(build, 'papers/hyperbolic-embeddings-for-citation-graphs/index.html'),
    );
    for (const page of ['papers/2503.01234/index.html', 'papers/date/2025-03-14/index.html', 'math.css']) {
      expect(readOut(edited, page), page).toBe(readOut(build, page));
    }
  });
});
