import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareByVotes } from '../../src/content/paper.ts';
import { type Build, buildSite, listFiles, readOut, tempDir } from '../support/build.ts';
import { type CorpusPaper, writeCorpus } from '../support/corpus.ts';

let build: Build;
let papers: CorpusPaper[];
const SITE = 'https://papershelf.example.org';

beforeAll(() => {
  const dir = tempDir('papershelf-corpus-');
  papers = writeCorpus(dir);
  build = buildSite({ content: dir });
  if (build.status !== 0) throw new Error(`corpus build failed:\n${build.output}`);
});

const titlesIn = (html: string, selector: 'paper-row__title' | 'paper-card__title') =>
  selector === 'paper-row__title'
    ? [...html.matchAll(/<a class="paper-row__title" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])
    : [...html.matchAll(/<h2 class="paper-card__title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const rel = (html: string, name: 'prev' | 'next') => new RegExp(`<a rel="${name}" href="([^"]+)"`).exec(html)?.[1];
const byDay = (day: string) => papers.filter((p) => p.day === day);

describe('a multi-month corpus', () => {
  it(`builds ${'several hundred'} papers over many days`, () => {
    expect(papers.length).toBeGreaterThan(300);
    expect(build.output).toMatch(/verify: .*: all checks passed/);
  });

  it('puts 2024-12-30 and 2024-12-31 in week 2025-W01', () => {
    const week = readOut(build, 'papers/week/2025-W01/index.html');
    expect(week).toContain('<h1>Week 1 of 2025 (30 Dec – 5 Jan)</h1>');
    for (const day of ['2024-12-30', '2024-12-31', '2025-01-03']) expect(week).toContain(`href="/papers/date/${day}/"`);
    expect(listFiles(build.out)).not.toContain('papers/week/2024-W53/index.html');
    expect(listFiles(build.out)).not.toContain('papers/week/2024-W01/index.html');
  });

  it('links weeks and months to their neighbours, skipping empty ones', () => {
    const w4 = readOut(build, 'papers/week/2025-W04/index.html');
    expect(rel(w4, 'prev')).toBe('/papers/week/2025-W02/');
    expect(rel(readOut(build, 'papers/week/2025-W02/index.html'), 'next')).toBe('/papers/week/2025-W04/');
    expect(listFiles(build.out)).not.toContain('papers/week/2025-W03/index.html');
    const january = readOut(build, 'papers/month/2025-01/index.html');
    expect(rel(january, 'prev')).toBe('/papers/month/2024-12/');
    expect(rel(january, 'next')).toBe('/papers/month/2025-02/');
  });

  it('ranks the top of the week by votes, ties broken by title', () => {
    const inWeek = papers.filter((p) => p.day >= '2025-01-06' && p.day <= '2025-01-12');
    const expected = [...inWeek]
      .sort((a, b) => compareByVotes(a, b))
      .slice(0, 10)
      .map((p) => p.title);
    const week = readOut(build, 'papers/week/2025-W02/index.html');
    const top = week.slice(week.indexOf('id="top-heading"'), week.indexOf('id="by-day-heading"'));
    expect(titlesIn(top, 'paper-row__title')).toEqual(expected);
  });

  it('groups a week by day, each day by votes', () => {
    const week = readOut(build, 'papers/week/2025-W02/index.html');
    const day = week.slice(week.indexOf('id="day-2025-01-08"'), week.indexOf('id="day-2025-01-07"'));
    expect(titlesIn(day, 'paper-row__title')).toEqual([...byDay('2025-01-08')].sort(compareByVotes).map((p) => p.title));
  });

  it('draws a month calendar with the papers per day, each day linked', () => {
    const month = readOut(build, 'papers/month/2025-02/index.html');
    const count = byDay('2025-02-03').length;
    expect(month).toContain(
      `<a href="/papers/date/2025-02-03/"><span class="calendar__date">3</span><span class="visually-hidden"> February: </span><span class="calendar__count">${count}</span><span class="visually-hidden"> papers</span></a>`,
    );
    expect(month).toContain('<td class="calendar__day"><span class="calendar__date">1</span></td>'); // a Saturday, no papers
    expect(month).not.toMatch(/<script/);
  });

  it('lets day, week and month pages switch between the three views', () => {
    const day = readOut(build, 'papers/date/2025-01-08/index.html');
    expect(day).toContain('<a href="/papers/date/2025-01-08/" aria-current="page">Daily</a>');
    expect(day).toContain('<a href="/papers/week/2025-W02/">Weekly</a>');
    expect(day).toContain('<a href="/papers/month/2025-01/">Monthly</a>');
    const home = readOut(build, 'index.html');
    expect(home).toContain('<a href="/papers/week/2025-W09/#top-heading">top of Week 9 of 2025 (24 Feb – 2 Mar)</a>');
    expect(home).toContain('<a href="/papers/month/2025-02/#top-heading">top of February 2025</a>');
  });

  it('lists every listing day in the archive, newest first, with counts', () => {
    const archive = readOut(build, 'papers/index.html');
    const days = [
      ...archive.matchAll(/<li><a href="\/papers\/date\/([\d-]+)\/">[^<]+<\/a> <span class="day-group__count">(\d+)<\/span><\/li>/g),
    ];
    const expected = [...new Set(papers.map((p) => p.day))].sort().reverse();
    expect(days.map((m) => m[1])).toEqual(expected);
    expect(days.map((m) => Number(m[2]))).toEqual(expected.map((d) => byDay(d).length));
    expect(Buffer.byteLength(archive)).toBeLessThan(200_000);
  });

  it('paginates a tag newest first, and lists every tag with its count', () => {
    const llm = papers.filter((p) => p.tags.includes('llm'));
    const newestFirst = [...llm].sort((a, b) => (a.day === b.day ? compareByVotes(a, b) : a.day < b.day ? 1 : -1)).map((p) => p.title);
    const pages = [1, 2, 3].map((n) =>
      titlesIn(readOut(build, n === 1 ? 'tags/llm/index.html' : `tags/llm/${n}/index.html`), 'paper-card__title'),
    );
    expect(pages.flat()).toEqual(newestFirst);
    expect(pages.map((p) => p.length)).toEqual([50, 50, llm.length - 100]);
    expect(listFiles(build.out)).not.toContain('tags/llm/4/index.html');
    expect(rel(readOut(build, 'tags/llm/2/index.html'), 'prev')).toBe('/tags/llm/3/');
    expect(readOut(build, 'tags/index.html')).toContain(`<a href="/tags/llm/">llm</a> <span class="day-group__count">${llm.length}</span>`);
  });

  it('gives "Łukasz Kaiser" and "Lukasz Kaiser" one author page, each shown as written', () => {
    const theirs = papers.filter((p) => p.authors.some((a) => a.endsWith('ukasz Kaiser')));
    const page = readOut(build, 'authors/lukasz-kaiser/index.html');
    expect(titlesIn(page, 'paper-card__title').sort()).toEqual(theirs.map((p) => p.title).sort());
    expect(page).toMatch(/also written (Lukasz|Łukasz) Kaiser/);
    const plain = theirs.find((p) => p.authors.includes('Lukasz Kaiser'));
    expect(readOut(build, `papers/${plain?.id}/index.html`)).toContain('<a href="/authors/lukasz-kaiser/">Lukasz Kaiser</a>');
  });

  it('links paper pages to their tags and authors', () => {
    const paper = papers[0] as CorpusPaper;
    const page = readOut(build, `papers/${paper.id}/index.html`);
    for (const tag of paper.tags) expect(page).toContain(`<a href="/tags/${tag}/" data-pagefind-filter="tag">${tag}</a>`);
  });
});

describe('feeds', () => {
  const newest = () => [...papers].sort((a, b) => (a.day === b.day ? compareByVotes(a, b) : a.day < b.day ? 1 : -1));

  it('publish the latest 50 papers as RSS 2.0, Atom and JSON Feed that a feed parser accepts', () => {
    const expected = newest().slice(0, 50);
    const rss = parseRssFeed(readOut(build, 'rss.xml'));
    expect(rss.items?.map((i) => i.title)).toEqual(expected.map((p) => p.title));
    expect(rss.items?.[0]?.link).toBe(`${SITE}/papers/${expected[0]?.id}/`);
    expect(rss.items?.[0]?.pubDate).toBe(new Date(`${expected[0]?.day}T00:00:00Z`).toUTCString().replace('GMT', '+0000'));
    const atom = parseAtomFeed(readOut(build, 'atom.xml'));
    // Atom text constructs parse to { value } objects.
    expect(atom.entries?.map((e) => (e.title as unknown as { value: string }).value)).toEqual(expected.map((p) => p.title));
    expect(atom.entries?.[0]?.authors?.map((a) => a.name)).toEqual(expected[0]?.authors);
    const json = parseJsonFeed(JSON.parse(readOut(build, 'feed.json')));
    expect(json.items?.map((i) => i.url)).toEqual(expected.map((p) => `${SITE}/papers/${p.id}/`));
    expect(json.items?.[0]?.content_text).toMatch(/^We study/);
    expect(json.items?.[0]?.date_published).toBe(`${expected[0]?.day}T00:00:00Z`);
    // Every item leads to a page that exists.
    const files = new Set(listFiles(build.out));
    for (const item of json.items ?? []) expect(files.has(`${new URL(item.url ?? '').pathname.slice(1)}index.html`)).toBe(true);
  });

  it('exist for every tag, with only that tag’s papers', () => {
    for (const tag of ['llm', 'vision']) {
      const items = parseRssFeed(readOut(build, `tags/${tag}/rss.xml`)).items ?? [];
      expect(items.map((i) => i.title)).toEqual(
        newest()
          .filter((p) => p.tags.includes(tag))
          .slice(0, 50)
          .map((p) => p.title),
      );
      expect(parseAtomFeed(readOut(build, `tags/${tag}/atom.xml`)).entries?.length).toBe(items.length);
      expect(parseJsonFeed(JSON.parse(readOut(build, `tags/${tag}/feed.json`))).items?.length).toBe(items.length);
    }
  });

  it('are advertised on every page, and a tag page adds its own', () => {
    const home = readOut(build, 'index.html');
    expect(home).toContain(`<link rel="alternate" type="application/rss+xml" title="Papershelf (RSS)" href="${SITE}/rss.xml">`);
    expect(home).toContain(`<link rel="alternate" type="application/feed+json" title="Papershelf (JSON Feed)" href="${SITE}/feed.json">`);
    expect(readOut(build, 'tags/vision/index.html')).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Papershelf: vision (Atom)" href="${SITE}/tags/vision/atom.xml">`,
    );
  });
});

describe('email digests', () => {
  it('exist for every listing day, as HTML for mail clients and as text', () => {
    const days = [...new Set(papers.map((p) => p.day))];
    const files = new Set(listFiles(build.out));
    for (const day of days) {
      expect(files.has(`digest/${day}.html`)).toBe(true);
      expect(files.has(`digest/${day}.txt`)).toBe(true);
    }
  });

  it('show the top papers of the day in vote order, with inline styles and no scripts or external assets', () => {
    const day = '2025-01-08';
    const expected = [...byDay(day)].sort(compareByVotes).map((p) => p.title);
    const html = readOut(build, `digest/${day}.html`);
    const titles = [...html.matchAll(/font-weight:bold;">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles).toEqual(expected.slice(0, 10));
    expect(html).toMatch(/<table role="presentation"/);
    expect(html).not.toMatch(/<script|<link|<img|src=/);
    const text = readOut(build, `digest/${day}.txt`);
    expect(text.split('\n')[0]).toBe('Papershelf: top papers of Wednesday, 8 January 2025');
    expect(text).toContain(`1. ${expected[0]}`);
    expect(text).toContain(`${SITE}/papers/`);
  });
});

describe('metadata for the web', () => {
  it('lists every page in the sitemap, and robots.txt points to it', () => {
    const index = readOut(build, 'sitemap-index.xml');
    expect(index).toContain(`<sitemap><loc>${SITE}/sitemap-0.xml</loc></sitemap>`);
    const urls = [...readOut(build, 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    const pages = listFiles(build.out)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `/${f.slice(0, -'index.html'.length)}`);
    expect([...urls].sort()).toEqual([...pages].sort());
    expect(readOut(build, 'robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('gives every page a canonical URL, Open Graph and Twitter card tags', () => {
    for (const file of listFiles(build.out).filter((f) => f.endsWith('index.html'))) {
      const html = readFileSync(path.join(build.out, file), 'utf8');
      const url = `${SITE}/${file.slice(0, -'index.html'.length)}`;
      expect(html, file).toContain(`<link rel="canonical" href="${url}">`);
      expect(html, file).toContain(`<meta property="og:url" content="${url}">`);
      expect(html, file).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html, file).toContain('<meta name="twitter:card" content="summary">');
    }
  });
});
