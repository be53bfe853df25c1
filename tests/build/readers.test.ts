/**
 * What the programs that read the site read from it, on the two shared builds (the real seed site
 * and the fixture site): the W3C Nu HTML Checker, Zotero's Embedded Metadata translator (as
 * tests/support/zotero.ts models it), Google Scholar's required tags, the BibTeX parser behind
 * Better BibTeX, and a feed parser over every feed.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, inject, it } from 'vitest';
import { arxivIssued } from '../../src/lib/arxiv-id.ts';
import { type Build, listFiles, readOut } from '../support/build.ts';
import { attr, dom, select } from '../support/html.ts';
import { ROOT } from '../support/run.ts';
import { embeddedMetadata } from '../support/zotero.ts';

const { seed, fixture } = inject('builds');
const SITES: [string, Build][] = [
  ['the seed site', seed],
  ['the fixture site', fixture],
];

/** A paper as the site's /papers.json gives it: its front matter (empty fields left out), id, day and URL. */
interface ListedPaper {
  id: string;
  title: string;
  authors?: string[];
  day: string;
  url: string;
  arxiv?: string;
  published?: string;
  journal?: string;
  tags?: string[];
}
/** Every paper of a site: /papers.json's list, with each day's papers.json's whole front matter. */
const papersOf = (build: Build): ListedPaper[] => {
  const listed = (JSON.parse(readOut(build, 'papers.json')) as { papers: ListedPaper[] }).papers;
  const days = new Map<string, Map<string, Partial<ListedPaper>>>();
  for (const day of new Set(listed.map((p) => p.day))) {
    const file = JSON.parse(readOut(build, `papers/date/${day}/papers.json`)) as { papers: (Partial<ListedPaper> & { id: string })[] };
    days.set(day, new Map(file.papers.map((p) => [p.id, p])));
  }
  return listed.map((p) => ({ ...p, ...days.get(p.day)?.get(p.id) }));
};
/** The date a reader cites the paper by: its own, else its arXiv id's month, else none. */
const ownDate = (p: ListedPaper) => p.published ?? (p.arxiv === undefined ? undefined : arxivIssued(p.arxiv));

describe('the W3C Nu HTML Checker', () => {
  for (const [name, build] of SITES) {
    it(`finds no error in any page of ${name}`, () => {
      const jar = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
      let report = '';
      try {
        execFileSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', build.out], { stdio: 'pipe' });
      } catch (error) {
        // The checker exits 1 when it finds errors, and writes its JSON report to stderr.
        report = String((error as { stderr?: Buffer }).stderr ?? error);
      }
      const messages =
        report === '' ? [] : (JSON.parse(report) as { messages: { url: string; lastLine: number; message: string }[] }).messages;
      expect(messages.map((m) => `${path.relative(build.out, new URL(m.url).pathname)}:${m.lastLine} ${m.message}`)).toEqual([]);
      // It did check the pages (a checker that saw nothing would say nothing).
      expect(listFiles(build.out).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(20);
    });
  }
});

describe('what Zotero saves from a paper page', () => {
  it('saves each of the 75 seed papers as a preprint with its arXiv id, DOI, authors and own date', () => {
    const wrong: string[] = [];
    const papers = papersOf(seed);
    expect(papers).toHaveLength(75);
    for (const paper of papers) {
      const item = embeddedMetadata(dom(readOut(seed, `papers/${paper.id}/index.html`)));
      const expected = {
        itemType: 'preprint',
        title: paper.title,
        ...(ownDate(paper) === undefined ? {} : { date: ownDate(paper)?.replace(/-/g, '/') }),
        ...(paper.arxiv === undefined
          ? {}
          : { archiveID: `arXiv:${paper.arxiv}`, DOI: `10.48550/arXiv.${paper.arxiv}`, publisher: 'arXiv' }),
      };
      for (const [field, value] of Object.entries(expected)) {
        if ((item as unknown as Record<string, unknown>)[field] !== value) {
          wrong.push(`${paper.id} ${field}: ${String((item as unknown as Record<string, unknown>)[field])}`);
        }
      }
      if (item.creators.length !== (paper.authors ?? []).length) {
        wrong.push(`${paper.id}: ${item.creators.length} creators`);
      }
      // The listing day is when the site listed it, never the date a reader cites.
      if (ownDate(paper) !== undefined && item.date === paper.day.replace(/-/g, '/')) {
        wrong.push(`${paper.id}: dated by its listing day`);
      }
    }
    expect(wrong).toEqual([]);
    // "Attentive Mask CLIP" (arXiv 2212.08653) has no date of its own: December 2022, as its id says.
    const clip = papers.find((p) => p.arxiv === '2212.08653');
    expect(clip && embeddedMetadata(dom(readOut(seed, `papers/${clip.id}/index.html`))).date).toBe('2022/12');
    // Every seed paper but the two no source gives authors for has them.
    expect(papers.filter((p) => p.authors === undefined)).toHaveLength(2);
  });

  it('saves a paper with a journal reference as a journal article in that journal', () => {
    const item = embeddedMetadata(dom(readOut(fixture, 'papers/hyperbolic-embeddings-for-citation-graphs/index.html')));
    expect(item).toMatchObject({
      itemType: 'journalArticle',
      title: 'Hyperbolic Embeddings for Citation Graphs',
      publicationTitle: 'Journal of Graph Algorithms 29, 1-20 (2025)',
      creators: [
        { lastName: 'Turing', firstName: 'Alan' },
        { lastName: 'Johnson', firstName: 'Katherine' },
      ],
    });
    expect(item).not.toHaveProperty('archiveID');
  });

  it('gives Google Scholar its required tags, the online date apart from the publication date', () => {
    for (const paper of papersOf(fixture)) {
      const doc = dom(readOut(fixture, `papers/${paper.id}/index.html`));
      const content = (name: string) => select(doc, `meta[name=${name}]`).map((m) => attr(m, 'content'));
      // The title as text: TeX made readable ($\\mathcal{O}(n \\log n)$ → O(n log n)).
      expect(content('citation_title'), paper.id).toEqual([
        paper.title.includes('$') ? expect.stringContaining('O(n log n)') : paper.title,
      ]);
      expect(content('citation_author').length, paper.id).toBe((paper.authors ?? []).length);
      expect(content('citation_online_date'), paper.id).toEqual([paper.day.replace(/-/g, '/')]);
      const date = ownDate(paper);
      expect(content('citation_publication_date'), paper.id).toEqual(date === undefined ? [] : [date.replace(/-/g, '/')]);
    }
  });
});

describe("the seed day's BibTeX, read by the parser behind Better BibTeX", () => {
  it("dates every entry by the paper's own year and gives every arXiv paper eprinttype and DOI", () => {
    const papers = papersOf(seed);
    const library = parseBibtex(readOut(seed, 'papers/date/2025-03-17/papers.bib'));
    expect(library.errors).toEqual([]);
    const byArxiv = new Map(library.entries.map((e) => [String(e.fields.eprint), e]));
    for (const paper of papers.filter((p) => p.arxiv !== undefined)) {
      const entry = byArxiv.get(paper.arxiv ?? '');
      expect(entry?.fields, paper.id).toMatchObject({
        year: ownDate(paper)?.slice(0, 4),
        eprinttype: 'arxiv',
        archiveprefix: 'arXiv',
        doi: `10.48550/arXiv.${paper.arxiv}`,
      });
    }
    // Before, 58 of 75 entries said 2025, the listing day's year; now only papers of 2025 do.
    const years = library.entries.map((e) => String(e.fields.year));
    expect(years.filter((y) => y === '2025').length).toBe(papers.filter((p) => ownDate(p)?.startsWith('2025')).length);
    expect(years.filter((y) => y === '2025').length).toBeLessThan(40);
  });
});

describe('feeds, read by a feed parser', () => {
  /** Every feed of a site: the site's three and each tag's three. */
  const feedsOf = (build: Build) => listFiles(build.out).filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f));

  for (const [name, build] of SITES) {
    it(`hold every paper of their newest days, in distinct times, with the site icon (${name})`, () => {
      const papers = papersOf(build);
      const feeds = feedsOf(build);
      expect(feeds.length).toBeGreaterThanOrEqual(3);
      for (const file of feeds) {
        const tag = /^tags\/([^/]+)\//.exec(file)?.[1];
        const listed = papers.filter((p) => tag === undefined || (p.tags ?? []).includes(tag));
        let urls: string[];
        let times: string[];
        let icon: string | undefined;
        if (file.endsWith('.json')) {
          const feed = parseJsonFeed(JSON.parse(readOut(build, file)));
          urls = (feed.items ?? []).map((i) => i.url ?? '');
          times = (feed.items ?? []).map((i) => i.date_published ?? '');
          icon = feed.icon;
        } else if (file.endsWith('atom.xml')) {
          const feed = parseAtomFeed(readOut(build, file));
          urls = (feed.entries ?? []).map((e) => e.links?.[0]?.href ?? '');
          times = (feed.entries ?? []).map((e) => e.updated ?? '');
          icon = feed.icon;
        } else {
          const feed = parseRssFeed(readOut(build, file));
          urls = (feed.items ?? []).map((i) => i.link ?? '');
          times = (feed.items ?? []).map((i) => i.pubDate ?? '');
          icon = feed.image?.url;
        }
        const days = new Set(listed.filter((p) => urls.includes(p.url)).map((p) => p.day));
        const newest = [...new Set(listed.map((p) => p.day))].sort().reverse();
        // The feed's days are the newest ones, each whole: every paper of them and no other.
        expect([...days].sort().reverse(), file).toEqual(newest.slice(0, days.size));
        expect(new Set(urls), file).toEqual(new Set(listed.filter((p) => days.has(p.day)).map((p) => p.url)));
        const instants = times.map((t) => Date.parse(t));
        expect(new Set(instants).size, file).toBe(urls.length);
        expect(instants, file).toEqual([...instants].sort((a, b) => b - a));
        expect(icon, file).toMatch(/\/icon-(512|64)\.png$/);
        expect(listFiles(build.out)).toContain(new URL(icon ?? '').pathname.slice(1));
      }
    });
  }

  it('give all 75 papers of the seed day, ShowUI among them, in the site feeds', () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect(readOut(seed, file)).toContain('ShowUI');
    }
    expect(parseRssFeed(readOut(seed, 'rss.xml')).items).toHaveLength(75);
  });
});

describe('pages kept out of search engines', () => {
  it('the 404 page names no canonical address, and digests say noindex, link the icon and are not in the sitemap', () => {
    const notFound = dom(readOut(fixture, '404.html'));
    expect(select(notFound, 'link[rel=canonical]')).toEqual([]);
    expect(select(notFound, 'meta[name=robots]').map((m) => attr(m, 'content'))).toEqual(['noindex']);
    const digests = listFiles(fixture.out).filter((f) => f.startsWith('digest/') && f.endsWith('.html'));
    expect(digests.length).toBeGreaterThan(0);
    for (const file of digests) {
      const doc = dom(readOut(fixture, file));
      expect(
        select(doc, 'meta[name=robots]').map((m) => attr(m, 'content')),
        file,
      ).toEqual(['noindex']);
      expect(
        select(doc, 'link[rel=icon]').map((l) => attr(l, 'href')),
        file,
      ).toEqual(['/favicon.svg']);
    }
    const sitemaps = listFiles(fixture.out).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const urls = sitemaps.flatMap((f) => [...readOut(fixture, f).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? ''));
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => /\/digest\/|\/404/.test(u))).toEqual([]);
  });
});
