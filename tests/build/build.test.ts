import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseRssFeed } from 'feedsmith';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { parseHeadersFile, serveStatic } from '../../scripts/dev/static-server.ts';
import { contentSecurityPolicy, githubSettings, headerSecurityPolicy, type PolicyKind } from '../../src/consts.ts';
import { authorShelf } from '../../src/content/author-slug.ts';
import { type PaperFields, readPaperFile, writePaperFile } from '../../src/content/paper-file.ts';
import { PaperSchema } from '../../src/content/paper-schema.ts';
import { checkPaperText } from '../../src/content/validate.ts';
import { RESERVED_IDS } from '../../src/lib/paper-id.ts';
import { type Build, buildSite, listFiles, readOut, tempDir } from '../support/build.ts';
import { FIXTURE_GITHUB, fixtureRepository, writeFixturePullAuthors } from '../support/global-setup.ts';
import { all, attr, byId, dom, type HtmlNode, select, text } from '../support/html.ts';
import { buildIn, ROOT, runScript } from '../support/run.ts';

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
const cardLinks = (html: string) => select(dom(html), 'h2.paper-card__title').flatMap((h) => select(h, 'a').map((a) => attr(a, 'href')));
/** Where a page's `<a rel=…>` leads, if it has one. */
const relLink = (html: string, rel: string) => select(dom(html), `a[rel=${rel}]`).map((a) => attr(a, 'href'))[0];
/** The `content` of every `<meta name=…>` of a page. */
const metas = (doc: HtmlNode, name: string) => select(doc, `meta[name=${name}]`).map((m) => attr(m, 'content'));

// The fixture site, built once for the run from a git repository, with GitHub settings (tests/support/global-setup.ts).
const build: Build = inject('builds').fixture;
const settings = githubSettings(FIXTURE_GITHUB);

describe('a fixture site built for real', () => {
  it('writes every page: home, days, weeks, months, trending, archive, papers, tags, authors, search, subscribe, 404', () => {
    const pages = listFiles(build.out).filter((f) => f.endsWith('.html') && !f.startsWith('digest/'));
    expect(pages).toEqual(
      [
        '404.html',
        'index.html',
        'search/index.html',
        'subscribe/index.html',
        'library/index.html',
        'papers/index.html',
        'papers/date/2025-03-10/index.html',
        'papers/date/2025-03-13/index.html',
        'papers/date/2025-03-14/index.html',
        'papers/week/2025-W11/index.html',
        'papers/month/2025-03/index.html',
        'papers/trending/index.html',
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
        if (!href.startsWith('/authors/')) {
          continue;
        }
        const [, shelf, slug] = /^\/authors\/([0-9a-f]{3})\/#([a-z0-9-]+)$/.exec(href) ?? [];
        expect(AUTHORS, href).toContain(slug);
        const section = byId(dom(readOut(build, `authors/${shelf}/index.html`)), slug ?? '');
        expect(section && select(section, 'h2').map(text)[0], href).toBe(text(link));
        expect(section && select(section, 'a').some((a) => attr(a, 'href') === `/papers/${id}/`)).toBe(true);
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
    const heading = select(dom(home), 'h1')[0];
    expect(heading && text(heading)).toBe('Papers of Friday, 14 March 2025');
    expect(heading && select(heading, 'time').map((t) => attr(t, 'datetime'))).toEqual(['2025-03-14']);
    expect(cardLinks(home)).toHaveLength(3);
  });

  it('renders a paper page with authors, day, links and an escaped abstract', () => {
    const doc = dom(readOut(build, 'papers/2503.01234/index.html'));
    expect(select(doc, 'h1').map(text)).toEqual(['Sparse Mixture Routing for Long Context Transformers']);
    expect(select(doc, 'p.authors').map((p) => select(p, 'a').map(text))).toEqual([['Łukasz Kaiser', 'Ada Lovelace']]);
    expect(select(doc, 'p.paper__listed').flatMap((p) => select(p, 'a').map((a) => attr(a, 'href')))).toEqual([
      '/papers/date/2025-03-10/',
      expect.stringMatching(/^https:\/\/github\.com\/papershelf\/fixture-site\/commit\/[0-9a-f]{40}$/),
    ]);
    const links = select(doc, 'ul.paper-links').flatMap((ul) => select(ul, 'a').map((a) => [text(a), attr(a, 'href'), attr(a, 'rel')]));
    expect(links).toEqual(
      expect.arrayContaining([
        ['arXiv', 'https://arxiv.org/abs/2503.01234', 'nofollow'],
        ['PDF', 'https://arxiv.org/pdf/2503.01234', 'nofollow'],
        ['Code', 'https://github.com/example/sparse-routing', 'nofollow'],
      ]),
    );
    // The abstract's <MASK> is text, not an element.
    expect(select(doc, 'div.abstract__text').map(text).join('')).toContain('keeps <MASK> tokens as text');
    expect(select(doc, 'mask')).toEqual([]);
    expect(select(doc, 'title').map(text)).toEqual(['Sparse Mixture Routing for Long Context Transformers · Papershelf']);
  });

  it('renders math at build time, readable as text where markup cannot go', () => {
    const doc = dom(readOut(build, 'papers/2503.09999/index.html'));
    const [h1] = select(doc, 'h1');
    if (h1 === undefined) {
      throw new Error('no h1');
    }
    // MathML for the title's math, ignored by the search index (which takes og:title instead).
    const titleMath = select(h1, 'span.math');
    expect(titleMath.map((m) => attr(m, 'data-pagefind-ignore'))).toEqual(['']);
    expect(titleMath.flatMap((m) => select(m, 'math'))).toHaveLength(1);
    expect(select(doc, 'annotation[encoding=application/x-tex]').map(text)).toContain('O(n^2)');
    const display = select(doc, 'div.math-display');
    expect(display.flatMap((d) => select(d, 'span.katex-display'))).toHaveLength(1);
    expect(select(doc, 'div.abstract__text').map(text).join('')).toContain(
      'Each run costs $5 and $10 in compute, and 62.3% of proofs are short.',
    );
    expect(select(doc, 'title').map(text)).toEqual(['Curriculum Learning for Theorem Provers in O(n log n) Steps · Papershelf']);
    expect(metas(doc, 'description')[0]).toMatch(
      /^Ordering proof problems from easy to hard makes a neural prover solve twice as many, searching in O\(n²\) time with α = 0\.5\./,
    );
    // The search index's title is og:title's text.
    expect(select(doc, 'meta[property=og:title]').map((m) => [attr(m, 'content'), attr(m, 'data-pagefind-meta')])).toEqual([
      ['Curriculum Learning for Theorem Provers in O(n log n) Steps', 'title[content]'],
    ]);
    // KaTeX's positioning lives in /math.css as classes; the page has no style attributes.
    expect(all(doc, (n) => attr(n, 'style') !== undefined)).toEqual([]);
    const css = readOut(build, 'math.css');
    const classes = all(doc, () => true).flatMap((n) => (attr(n, 'class') ?? '').split(/\s+/).filter((c) => c.startsWith('ks-')));
    expect(classes.length).toBeGreaterThan(0);
    for (const name of classes) {
      expect(css).toContain(`.${name}{`);
    }
    // The page links that stylesheet; a paper without math does not.
    const mathCss = (d: HtmlNode) => select(d, 'link[rel=stylesheet]').filter((l) => attr(l, 'href') === '/math.css');
    expect(mathCss(doc)).toHaveLength(1);
    expect(mathCss(dom(readOut(build, 'papers/2503.01234/index.html')))).toEqual([]);
    const card = dom(readOut(build, 'papers/date/2025-03-14/index.html'));
    expect(select(card, 'h2.paper-card__title').map(text)).toContain('Curriculum Learning for Theorem Provers in O(n log n) Steps');
    // Feeds, read without the site's stylesheets, carry each formula as MathML alone: KaTeX's HTML
    // beside it would show it twice, the second one unpositioned.
    const item = parseRssFeed(readOut(build, 'rss.xml')).items?.find(
      (i) => i.title === 'Curriculum Learning for Theorem Provers in O(n log n) Steps',
    );
    const feedHtml = dom(item?.description ?? '');
    expect(select(feedHtml, 'math').length).toBe(select(doc, 'div.abstract__text').flatMap((a) => select(a, 'math')).length);
    expect(select(feedHtml, 'math').length).toBeGreaterThan(1);
    expect(select(feedHtml, 'span')).toEqual([]);
    expect(all(feedHtml, (n) => /\bks-/.test(attr(n, 'class') ?? ''))).toEqual([]);
    expect(text(feedHtml)).toContain('Each run costs $5 and $10 in compute, and 62.3% of proofs are short.');
  });

  it("carries citation meta tags, JSON-LD and a BibTeX entry that matches its day's .bib file", () => {
    const doc = dom(readOut(build, 'papers/2503.01234/index.html'));
    expect(metas(doc, 'citation_title')).toEqual(['Sparse Mixture Routing for Long Context Transformers']);
    expect(metas(doc, 'citation_author')).toEqual(['Kaiser, Łukasz', 'Lovelace, Ada']);
    expect(metas(doc, 'citation_publication_date')).toEqual(['2025/03/07']);
    expect(metas(doc, 'citation_arxiv_id')).toEqual(['2503.01234']);
    expect(metas(doc, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2503.01234']);
    expect(metas(doc, 'citation_abstract')[0]).toContain('keeps <MASK> tokens as text');
    const jsonLd = select(doc, 'script[type=application/ld+json]').map(text);
    expect(jsonLd).toHaveLength(1);
    expect(JSON.parse(jsonLd[0] ?? '')).toMatchObject({
      '@type': 'ScholarlyArticle',
      identifier: 'arXiv:2503.01234',
      datePublished: '2025-03-07',
    });
    const dayBib = readOut(build, 'papers/date/2025-03-10/papers.bib');
    const entries = dayBib.trimEnd().split('\n\n');
    expect(entries).toHaveLength(2);
    const bib = `${entries.find((e) => e.startsWith('@misc{kaiser2025sparse,'))}\n`;
    expect(bib).toMatch(
      /^@misc\{kaiser2025sparse,\n {2}title=\{Sparse Mixture Routing for Long Context Transformers\},\n {2}author=\{\{\\L\}ukasz Kaiser and Ada Lovelace\},/,
    );
    expect(bib).toContain('  eprint={2503.01234},\n  archivePrefix={arXiv},');
    const shown = byId(doc, 'bibtex');
    expect(shown && text(shown)).toBe(bib);
    const download = select(doc, 'a[download]')[0];
    expect(download && attr(download, 'href')).toBe('/papers/date/2025-03-10/papers.bib');
  });

  it("offers each day's papers as content-file data, and every paper in /papers.json", () => {
    const day = JSON.parse(readOut(build, 'papers/date/2025-03-10/papers.json')) as { day: string; count: number };
    expect(day).toMatchObject({ day: '2025-03-10', count: 2 });
    // Every entry of every day file, written back as a content file with its abstract, gives its
    // file's front matter, field for field (hf_upvotes and submitted_by included: the fixture has
    // both). The abstract is not in it: the paper page and the content file carry it.
    const dayFiles = listFiles(build.out).filter((f) => /^papers\/date\/[^/]+\/papers\.json$/.test(f));
    expect(dayFiles.length).toBe(3);
    const seen = { hf: 0, submitter: 0, entries: 0 };
    for (const file of dayFiles) {
      const data = JSON.parse(readOut(build, file)) as {
        day: string;
        papers: (PaperFields & { id: string; url: string })[];
      };
      for (const { id, url, ...fields } of data.papers) {
        expect(url).toBe(`https://papershelf.example.org/papers/${id}/`);
        expect(fields).not.toHaveProperty('abstract');
        const original = readPaperFile(readFileSync(path.join(FIXTURE, data.day, `${id}.md`), 'utf8'));
        const written = `${writePaperFile(fields, '').trimEnd()}\n\n${original.body.trim()}\n`;
        expect(checkPaperText(written, `${id}.md`, data.day)).toEqual([]);
        expect(PaperSchema.parse(readPaperFile(written).data), `${data.day}/${id}`).toEqual(PaperSchema.parse(original.data));
        seen.entries++;
        if ((fields.hf_upvotes ?? 0) > 0) {
          seen.hf++;
        }
        if (fields.submitted_by !== undefined) {
          seen.submitter++;
        }
      }
    }
    expect(seen).toEqual({ hf: 1, submitter: 2, entries: IDS.length });
    const index = JSON.parse(readOut(build, 'papers.json')) as {
      count: number;
      papers: { id: string; day: string; url?: string; authors: string[] }[];
    };
    expect(index.count).toBe(6);
    expect(index.papers.map((p) => p.id).sort()).toEqual([...IDS].sort());
    // No URL (its id gives it; each day's file spells it), no field the file leaves out.
    expect(index.papers.every((p) => p.url === undefined)).toBe(true);
    expect(index.papers.find((p) => p.id === '2503.01234')).toMatchObject({
      day: '2025-03-10',
      authors: ['Łukasz Kaiser', 'Ada Lovelace'],
      links: { code: 'https://github.com/example/sparse-routing' },
      tags: ['long-context', 'attention'],
    });
  });

  it('links arXiv, PDF, HTML, code and Hugging Face, and lists related papers', () => {
    const doc = dom(readOut(build, 'papers/2503.01234/index.html'));
    const hrefs = select(doc, 'ul.paper-links').flatMap((ul) => select(ul, 'a').map((a) => attr(a, 'href')));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://arxiv.org/abs/2503.01234',
        'https://arxiv.org/pdf/2503.01234',
        'https://arxiv.org/html/2503.01234',
        'https://huggingface.co/papers/2503.01234',
      ]),
    );
    // Only papers that share words count as related: here the other transformer paper.
    const related = select(doc, 'section.related').flatMap((s) => select(s, 'a').map((a) => attr(a, 'href')));
    expect(related).toEqual(['/papers/zebra-vision-transformer/']);
  });

  it('loads on listings only the reader’s library, and on paper pages besides it only the discussion button giscus needs', () => {
    const scripts = (file: string) => select(dom(readOut(build, file)), 'script').map((s) => [attr(s, 'type'), attr(s, 'src')]);
    const library = ['module', expect.stringMatching(/^\/_astro\/BaseLayout[\w.-]+\.js$/)];
    for (const file of [
      'index.html',
      'papers/date/2025-03-14/index.html',
      'papers/week/2025-W11/index.html',
      '404.html',
      'library/index.html',
    ]) {
      expect(scripts(file), file).toEqual([library]);
    }
    // Paper pages carry structured data, which is never executed, and with giscus configured (as
    // here) the module that draws its widget on request; without giscus, the library alone (e2e tests).
    const paper = scripts('papers/2503.01234/index.html');
    expect(paper[0]).toEqual(['application/ld+json', undefined]);
    expect(paper.slice(1)).toEqual([['module', expect.stringMatching(/^\/_astro\/PaperDiscussion[\w.-]+\.js$/)], library]);
    const search = scripts('search/index.html');
    expect(search).toHaveLength(2);
    expect(search.map((s) => s[0])).toEqual(['module', 'module']);
    expect(search[0]?.[1]).toMatch(/^\/_astro\/search[\w.-]+\.js$/);
  });

  it('credits each paper to who added its file, submitted_by first, linked on GitHub', () => {
    const credit = (id: string) => {
      const span = select(dom(readOut(build, `papers/${id}/index.html`)), 'span.submitted-by')[0];
      const link = span === undefined ? undefined : select(span, 'a')[0];
      return span === undefined ? undefined : { text: text(span), href: link === undefined ? undefined : attr(link, 'href') };
    };
    // Ada's commits carry a GitHub no-reply address, which anyone can write: her name, linking the commit.
    const ada = credit('2503.01234');
    expect(ada?.text).toBe(' · added by Ada Lovelace');
    expect(ada?.href).toMatch(/^https:\/\/github\.com\/papershelf\/fixture-site\/commit\/[0-9a-f]{40}$/);
    // Grace added the zebra paper under another day; Linus moved it: the credit stays hers, and
    // GitHub says her account opened the pull request whose merge commit added it: her profile.
    expect(credit('zebra-vision-transformer')).toEqual({ text: ' · added by Grace Hopper', href: 'https://github.com/grace-h' });
    // submitted_by: "@octocat" wins over the commit's author.
    expect(credit('quantized-draft-models')).toEqual({ text: ' · added by octocat', href: 'https://github.com/octocat' });
    // submitted_by: "hf:table-fan" (import hf keeps who submitted it there) is a Hugging Face account, never a GitHub one.
    expect(credit('a-benchmark-for-table-reasoning')).toEqual({
      text: ' · added by table-fan on Hugging Face',
      href: 'https://huggingface.co/table-fan',
    });
  });

  it('links the submit form from every page when the site is on GitHub', () => {
    for (const page of ['index.html', 'papers/2503.01234/index.html', 'search/index.html']) {
      const footer = select(dom(readOut(build, page)), 'footer.site-footer')[0] ?? dom('');
      const links = select(footer, 'a').filter((a) => text(a) === 'Submit a paper');
      expect(links.map((a) => attr(a, 'href'))).toEqual([
        'https://github.com/papershelf/fixture-site/issues/new?template=submit-paper.yml',
      ]);
    }
  });

  it('shows a summary with its origin on the paper page and on its card', () => {
    const summary = 'Ten thousand questions test whether models can reason over scientific tables.';
    const page = select(dom(readOut(build, 'papers/a-benchmark-for-table-reasoning/index.html')), 'p.paper__summary')[0];
    expect(text(page ?? dom(''))).toBe(`Hugging Face's AI summary: ${summary}`);
    const cards = select(dom(readOut(build, 'papers/date/2025-03-14/index.html')), 'p.paper-card__summary');
    expect(cards.map((c) => text(c))).toEqual([`Hugging Face's AI summary: ${summary}`]);
  });

  it("shows a paper's votes with Hugging Face's part", () => {
    const votes = (id: string) => text(select(dom(readOut(build, `papers/${id}/index.html`)), 'span.paper__votes')[0] ?? dom(''));
    expect(votes('zebra-vision-transformer')).toBe(' · 12 votes (10 on Hugging Face)');
    expect(votes('2503.01234')).toBe(' · 7 votes');
  });

  it('links each paper to its discussion on GitHub, and loads nothing from giscus by itself', () => {
    const doc = dom(readOut(build, 'papers/2503.01234/index.html'));
    const section = select(doc, 'section.discussion')[0];
    expect(section).toBeDefined();
    const link = select(section ?? doc, 'a')[0];
    expect(text(link ?? doc)).toBe('Discuss on GitHub');
    expect(attr(link ?? doc, 'href')).toBe('https://github.com/papershelf/fixture-site/discussions?discussions_q=in%3Atitle+2503.01234');
    const widget = select(section ?? doc, 'div.giscus')[0] ?? doc;
    expect([attr(widget, 'data-repo'), attr(widget, 'data-category-id'), attr(widget, 'data-term')]).toEqual([
      'papershelf/fixture-site',
      'DIC_kwDOfixture',
      '2503.01234',
    ]);
    // No iframe, script or stylesheet from giscus.app in any page: only the reader's click loads it.
    for (const file of listFiles(build.out).filter((f) => f.endsWith('.html'))) {
      const external = all(dom(readOut(build, file)), (n) => ['src', 'href'].some((name) => (attr(n, name) ?? '').includes('giscus.app')));
      expect(external, file).toEqual([]);
    }
  });

  it('puts every page under one Content-Security-Policy, the same in its <meta> and, with frame-ancestors, in _headers', () => {
    // WebAssembly for the search page only; inline styles and nothing else for the email digests.
    const kindOf = (file: string): PolicyKind => (file.startsWith('search/') ? 'search' : file.startsWith('digest/') ? 'digest' : 'page');
    const rules = parseHeadersFile(readOut(build, '_headers'));
    const documents = listFiles(build.out).filter((f) => f.endsWith('.html'));
    expect(documents.filter((f) => kindOf(f) === 'digest').length).toBeGreaterThan(0);
    expect(documents.length).toBeGreaterThan(20);
    for (const file of documents) {
      const policies = select(dom(readOut(build, file)), 'meta[http-equiv=content-security-policy]').map((m) => attr(m, 'content'));
      expect(policies, file).toEqual([contentSecurityPolicy(settings, kindOf(file))]);
      const url = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
      const headers = rules
        .filter((r) => r.pattern.test(url))
        .flatMap((r) => r.headers.filter(([name]) => name === 'Content-Security-Policy'));
      expect(
        headers.map(([, value]) => value),
        url,
      ).toEqual([headerSecurityPolicy(settings, kindOf(file))]);
    }
    // giscus is configured here: its frame, and only that, is allowed.
    expect(headerSecurityPolicy(settings)).toBe(
      `${headerSecurityPolicy({}).replace("; frame-ancestors 'none'", '')}; frame-src https://giscus.app; frame-ancestors 'none'`,
    );
  });

  it('marks only paper pages for the search index', () => {
    for (const file of listFiles(build.out).filter((f) => f.endsWith('.html'))) {
      expect(select(dom(readOut(build, file)), '[data-pagefind-body]').length > 0, file).toBe(
        /^papers\/[^/]+\/index\.html$/.test(file) && !RESERVED_IDS.has(file.split('/')[1] ?? ''),
      );
    }
  });

  it('builds a Pagefind index of exactly the paper pages, with day and tag filters', () => {
    const entry = JSON.parse(readOut(build, 'pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([6]);
    expect(build.output).toContain('search index: 6 paper pages in 1 shard; indexed live');
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

describe("the real site's day file in BibTeX, read by the parser behind Zotero's Better BibTeX", () => {
  // The 75 real papers of the seed day, as @retorquere/bibtex-parser reads them: sentence-cased, as
  // a style that lowercases titles prints them. A word with a capital after its first letter
  // (LLMs, ShowUI, GPT-4o) must come through as written: it is in braces (bibtexTitle).
  const seed = inject('builds').seed;
  const bib = readOut(seed, 'papers/date/2025-03-17/papers.bib');
  const library = parseBibtex(bib);

  it('parses every entry with no error', () => {
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(75);
  });

  it('keeps acronyms and mixed-case words through sentence-casing', () => {
    const titles = [...bib.matchAll(/^ {2}title=\{(.*)\},$/gm)].map((m) => m[1] ?? '');
    const protectedWords = titles.flatMap((t) => [...t.matchAll(/\{([^{}\\$]+)\}/g)].map((m) => m[1] ?? ''));
    expect(protectedWords).toContain('LLMs');
    expect(protectedWords.length).toBeGreaterThan(40);
    const parsed = library.entries.map((e) => String(e.fields.title ?? ''));
    for (const word of protectedWords) {
      expect(
        parsed.some((t) => t.includes(word)),
        word,
      ).toBe(true);
    }
    // Without its braces, the same parser lowercases such a word.
    const bare = parseBibtex('@misc{a,\n  title={Extreme-Token Phenomena in LLMs},\n}\n');
    expect(bare.entries[0]?.fields.title).toBe('Extreme-token phenomena in llms');
  });
});

describe('npm run verify on a tampered copy of the built site', () => {
  it('reuses the results of unchanged pages on a second run, with the same verdict', () => {
    const env = { PAPERSHELF_OUT: build.out, PAPERSHELF_CONTENT: FIXTURE, PAPERSHELF_CACHE: path.join(path.dirname(build.out), 'cache') };
    const again = runScript('workflows/verify.ts', [], env);
    const pages = listFiles(build.out).filter((f) => f.endsWith('.html')).length;
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`verify: ${pages} pages (${pages} validated; ${pages} unchanged since the last run)`);
    const fresh = runScript('workflows/verify.ts', ['--no-cache'], env);
    expect(fresh.stdout).toContain(`verify: ${pages} pages (${pages} validated)`);
  });

  it('reads again only the pages whose size or modification time changed since the last run', () => {
    // A copy that keeps the files' times, with the build's cache (warm from its verify run).
    const copy = tempDir('papershelf-kept-');
    cpSync(build.out, copy, { recursive: true, preserveTimestamps: true });
    const cache = tempDir('papershelf-kept-cache-');
    cpSync(path.join(path.dirname(build.out), 'cache'), cache, { recursive: true });
    const env = { PAPERSHELF_OUT: copy, PAPERSHELF_CONTENT: FIXTURE, PAPERSHELF_CACHE: cache };
    const pages = listFiles(copy).filter((f) => f.endsWith('.html')).length;
    // A first run records the copy's sizes and times.
    expect(runScript('workflows/verify.ts', [], env).status).toBe(0);
    const page = path.join(copy, 'papers/date/2025-03-14/index.html');
    const { atime, mtime } = statSync(page);
    // The same size and time: taken as the page the last run read (dist/ is kept between builds, and
    // a page the build does not write again keeps its time). Its bytes are not read again.
    writeFileSync(page, readFileSync(page, 'utf8').replace('<h1', '<h7').replace('</h1>', '</h7>'));
    expect(statSync(page).size).toBe(statSync(path.join(build.out, 'papers/date/2025-03-14/index.html')).size);
    utimesSync(page, atime, mtime);
    const trusted = runScript('workflows/verify.ts', [], env);
    expect(trusted.status, trusted.stderr).toBe(0);
    expect(trusted.stdout).toContain(`(${pages} validated; ${pages} unchanged since the last run)`);
    // Written again (a new time): read, scanned again, and its made-up element found.
    utimesSync(page, atime, new Date(mtime.getTime() + 1000));
    const read = runScript('workflows/verify.ts', [], env);
    expect(read.status).toBe(1);
    expect(read.stderr).toMatch(/papers\/date\/2025-03-14\/index\.html:\d+ invalid HTML/);
    expect(read.stderr).toContain(`(${pages} validated; ${pages - 1} unchanged since the last run)`);
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
    const result = runScript('workflows/verify.ts', [], { PAPERSHELF_OUT: copy, PAPERSHELF_CONTENT: FIXTURE, PAPERSHELF_CACHE: cache });
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
        if (url === undefined) {
          continue;
        }
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
    for (const name of readdirSync(INVALID)) {
      cpSync(path.join(INVALID, name), path.join(dir, '2025-03-14', name));
    }
    mkdirSync(path.join(dir, '2025-02-30'));
    writeFileSync(path.join(dir, '2025-02-30', 'no-such-day.md'), '---\ntitle: "No Such Day"\n---\n\nText.\n');
    writeFileSync(path.join(dir, '2025-03-14', 'Upper.MD'), '---\ntitle: "Upper"\n---\n\nText.\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a paper\n');
    writeFileSync(path.join(dir, '2025-03-14', '.hidden.md'), '---\ntitle: "Hidden"\n---\n\nText.\n');
    writeFileSync(path.join(dir, '2025-03-14', 'copy.md'), '---\ntitle: "Copy"\narxiv: "2503.01234v3"\n---\n\nThe same paper again.\n');
    const check = runScript('check.ts', ['--no-cache'], { PAPERSHELF_CONTENT: dir });
    const result = buildSite({ content: dir });
    rmSync(dir, { recursive: true, force: true });
    // Each names files relative to the folder it ran from (the build runs from its own: tests/support/run.ts).
    const lines = (text: string, cwd: string) =>
      [
        ...new Set(
          text
            .split('\n')
            // Warnings are pointed out by npm run check only: they refuse nothing.
            .filter((l) => /^\S+:\d+:\d+ [\w. ]+?: /.test(l) && !/^\S+ [\w.]+: warning: /.test(l))
            .map((l) =>
              l
                .replace(/^\S+?(?=:\d+:\d+ )/, (file) => path.resolve(cwd, file))
                .replace(/(?<=: )[^\s:]+\.md\b/g, (file) => path.resolve(cwd, file)),
            ),
        ),
      ].sort();
    expect(check.status).toBe(1);
    expect(result.status).not.toBe(0);
    const refused = lines(check.stderr, ROOT);
    expect(refused.length).toBeGreaterThan(readdirSync(INVALID).length + 3);
    expect(lines(result.output, result.cwd)).toEqual(refused);
    for (const name of readdirSync(INVALID)) {
      expect(
        refused.some((l) => l.includes(`/2025-03-14/${name}:`)),
        name,
      ).toBe(true);
    }
  });
});

describe('reproducible builds, and the content loader across rebuilds', () => {
  // The fixture's papers in a new repository with the same history (commits made at fixed times
  // have the same hashes), changed: one paper edited, one added on a new day, one moved to another
  // day, one deleted. That is built from a clean cache with the same settings (`cold`); then every
  // change is undone and the same folder is built again with the same cache and output (`warm`:
  // dist/ is kept, so the rebuild adds, edits, moves and deletes papers in place). `warm` has the
  // shared build's content, so the two prove that a rebuild in a kept dist/ is a cold build, every
  // file byte for byte, nothing stale left: two builds, not three. (File order on disk cannot
  // matter: every listing of the content folder is sorted, src/lib/node/files.ts.)
  const work = tempDir('papershelf-rebuild-');
  const copy = fixtureRepository(path.join(tempDir('papershelf-reversed-'), 'repo'));
  const edited = path.join(copy, '2025-03-13', 'hyperbolic-embeddings-for-citation-graphs.md');
  const added = path.join(copy, '2025-03-17', 'a-paper-only-the-first-build-has.md');
  const moved = ['2025-03-10', '2025-03-11'].map((day) => path.join(copy, day, 'quantized-draft-models.md')) as [string, string];
  const deleted = path.join(copy, '2025-03-14', '2503.09999.md');
  const counts = (b: Build) => /(\d+) content files: (\d+) papers read and rendered, (\d+) unchanged/.exec(b.output)?.slice(1).map(Number);
  let cold: Build;
  let warm: Build;
  // Pages of the cold build, read before the warm build writes the same folder.
  const SAMPLED = ['papers/hyperbolic-embeddings-for-citation-graphs/index.html', 'papers/zebra-vision-transformer/index.html'];
  const coldPages = new Map<string, string>();
  beforeAll(() => {
    const original = readFileSync(edited);
    const deletedBytes = readFileSync(deleted);
    writeFileSync(edited, original.toString('utf8').replace('---\n\n', 'votes: 3\n---\n\n'));
    mkdirSync(path.dirname(added), { recursive: true });
    writeFileSync(
      added,
      '---\ntitle: "A Paper Only the First Build Has"\nauthors: ["Mary Somerville"]\n---\n\nOn the connexion of the physical sciences.\n',
    );
    mkdirSync(path.dirname(moved[1]), { recursive: true });
    renameSync(moved[0], moved[1]);
    rmSync(deleted);
    writeFixturePullAuthors(copy, path.join(work, 'cache'));
    cold = buildIn(work, { content: copy, env: FIXTURE_GITHUB });
    if (cold.status === 0) {
      for (const page of SAMPLED) {
        coldPages.set(page, readOut(cold, page));
      }
    }
    writeFileSync(edited, original);
    rmSync(path.dirname(added), { recursive: true });
    renameSync(moved[1], moved[0]);
    rmSync(path.dirname(moved[1]), { recursive: true });
    writeFileSync(deleted, deletedBytes);
    warm = buildIn(work, { content: copy, env: FIXTURE_GITHUB });
  });

  it('writes byte-identical output from the same content, warm or cold', () => {
    expect(warm.status, warm.output).toBe(0);
    const files = listFiles(build.out);
    expect(files.length).toBeGreaterThan(20);
    expect(listFiles(warm.out)).toEqual(files);
    expect(files.filter((f) => !readFileSync(path.join(build.out, f)).equals(readFileSync(path.join(warm.out, f))))).toEqual([]);
  });

  it('reads and renders each paper once per build, and only the changed ones and their pages again on a rebuild', () => {
    expect(cold.status, cold.output).toBe(0);
    expect(counts(build)).toEqual([6, 6, 0]);
    expect(counts(cold)).toEqual([6, 6, 0]);
    // The edited, moved and restored papers are read again; the other three come from the store.
    expect(counts(warm)).toEqual([6, 3, 3]);
    // Astro's incremental build keeps the pages whose cache key (src/data/page-keys.ts) is
    // unchanged and renders the changed papers' pages, their days, weeks and months again.
    const restored = (b: Build) => new Set([...b.output.matchAll(/├─ (\S+?) \((?:cached|restored)\)/g)].map((m) => m[1]));
    expect(restored(cold).size).toBe(0);
    const reused = restored(warm);
    // Every unchanged paper's page is restored (the cold build's changes were each paper but these).
    const changedIds = new Set([edited, added, ...moved, deleted].map((f) => path.basename(f, '.md')));
    const unchangedPapers = listFiles(copy)
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.basename(f, '.md'))
      .filter((id) => !changedIds.has(id));
    expect(unchangedPapers).toHaveLength(3);
    for (const id of unchangedPapers) {
      expect(reused, id).toContain(`/papers/${id}/index.html`);
    }
    for (const page of [
      '/papers/hyperbolic-embeddings-for-citation-graphs/index.html',
      '/papers/date/2025-03-13/index.html',
      '/papers/2503.09999/index.html',
      '/papers/quantized-draft-models/index.html',
    ]) {
      expect(reused, page).not.toContain(page);
    }
    // The cold build had the added paper and the moved paper's day; the rebuild removed them.
    expect(listFiles(cold.out)).not.toContain('papers/a-paper-only-the-first-build-has/index.html');
    expect(warm.output).toMatch(/removed \d+ files this build no longer produces/);
    // The edit showed where the paper does, and only there.
    const [changed, ...unchanged] = SAMPLED;
    expect(coldPages.get(changed ?? '')).not.toBe(readOut(build, changed ?? ''));
    for (const page of unchanged) {
      expect(coldPages.get(page), page).toBe(readOut(build, page));
    }
  });
});
