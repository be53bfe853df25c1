import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_AUTHORS, FEED_SIZE, TAG_FEED_SIZE, TRENDING_COUNT, TRENDING_WINDOW_DAYS } from '../../src/consts.ts';
import { authorShelf } from '../../src/content/author-slug.ts';
import { compareByVotes } from '../../src/content/paper.ts';
import { type Build, buildSite, listFiles, readOut, tempDir } from '../support/build.ts';
import { type CorpusPaper, writeCorpus } from '../support/corpus.ts';
import { attr, byId, dom, type HtmlNode, select, text } from '../support/html.ts';

let build: Build;
let papers: CorpusPaper[];
const SITE = 'https://papershelf.example.org';

beforeAll(() => {
  const dir = tempDir('papershelf-corpus-');
  papers = writeCorpus(dir);
  build = buildSite({ content: dir });
  if (build.status !== 0) {
    throw new Error(`corpus build failed:\n${build.output}`);
  }
});

/** A built page's DOM. */
const page = (file: string) => dom(readOut(build, file));
/** Titles of the paper rows, dated rows (day, then title) or cards under `root`, in page order. */
const titlesIn = (root: HtmlNode, kind: 'paper-row__title' | 'dated-rows' | 'paper-card__title') => {
  if (kind === 'paper-row__title') {
    return select(root, 'a.paper-row__title').map(text);
  }
  if (kind === 'paper-card__title') {
    return select(root, '.paper-card__title').map(text);
  }
  return select(root, 'ol.dated-rows').flatMap((ol) => select(ol, 'li').map((li) => text(select(li, 'a')[1] ?? li)));
};
const rel = (root: HtmlNode, name: 'prev' | 'next') => {
  const link = select(root, `a[rel=${name}]`)[0];
  return link === undefined ? undefined : attr(link, 'href');
};
/** The section labelled by the heading with `id`. */
const section = (root: HtmlNode, id: string) => {
  const found = select(root, `section[aria-labelledby=${id}]`)[0];
  if (found === undefined) {
    throw new Error(`no section labelled by #${id}`);
  }
  return found;
};
const hrefs = (root: HtmlNode) => select(root, 'a').map((a) => attr(a, 'href'));
const byDay = (day: string) => papers.filter((p) => p.day === day);

describe('a multi-month corpus', () => {
  it(`builds ${'several hundred'} papers over many days`, () => {
    expect(papers.length).toBeGreaterThan(300);
    expect(build.output).toMatch(/verify: .*: all checks passed/);
  });

  it('puts 2024-12-30 and 2024-12-31 in week 2025-W01', () => {
    const week = page('papers/week/2025-W01/index.html');
    expect(select(week, 'h1').map(text)).toEqual(['Week 1 of 2025 (30 Dec – 5 Jan)']);
    for (const day of ['2024-12-30', '2024-12-31', '2025-01-03']) {
      expect(hrefs(week)).toContain(`/papers/date/${day}/`);
    }
    expect(listFiles(build.out)).not.toContain('papers/week/2024-W53/index.html');
    expect(listFiles(build.out)).not.toContain('papers/week/2024-W01/index.html');
  });

  it('links weeks and months to their neighbours, skipping empty ones', () => {
    const w4 = page('papers/week/2025-W04/index.html');
    expect(rel(w4, 'prev')).toBe('/papers/week/2025-W02/');
    expect(rel(page('papers/week/2025-W02/index.html'), 'next')).toBe('/papers/week/2025-W04/');
    expect(listFiles(build.out)).not.toContain('papers/week/2025-W03/index.html');
    const january = page('papers/month/2025-01/index.html');
    expect(rel(january, 'prev')).toBe('/papers/month/2024-12/');
    expect(rel(january, 'next')).toBe('/papers/month/2025-02/');
  });

  it('ranks the top of the week by votes, ties broken by title', () => {
    const inWeek = papers.filter((p) => p.day >= '2025-01-06' && p.day <= '2025-01-12');
    const expected = [...inWeek]
      .sort((a, b) => compareByVotes(a, b))
      .slice(0, 10)
      .map((p) => p.title);
    const week = page('papers/week/2025-W02/index.html');
    expect(titlesIn(section(week, 'top-heading'), 'paper-card__title')).toEqual(expected);
  });

  it('groups a week by day, each day by votes', () => {
    const week = page('papers/week/2025-W02/index.html');
    const day = section(week, 'day-2025-01-08');
    expect(titlesIn(day, 'paper-row__title')).toEqual([...byDay('2025-01-08')].sort(compareByVotes).map((p) => p.title));
  });

  it('draws a month calendar with the papers per day, each day linked', () => {
    const month = page('papers/month/2025-02/index.html');
    const cells = select(month, 'td');
    const third = cells.find((td) => select(td, 'span.calendar__date').map(text)[0] === '3');
    const link = third === undefined ? undefined : select(third, 'a')[0];
    expect(link === undefined ? undefined : attr(link, 'href')).toBe('/papers/date/2025-02-03/');
    expect(link === undefined ? '' : text(link)).toBe(`3 February: ${byDay('2025-02-03').length} papers`);
    // The 1st is a Saturday without papers: its date, no link.
    const first = cells.find((td) => select(td, 'span.calendar__date').map(text)[0] === '1');
    expect(first === undefined ? ['missing'] : select(first, 'a')).toEqual([]);
    // No script but the reader's library.
    expect(select(month, 'script').map((s) => attr(s, 'src'))).toEqual([expect.stringMatching(/^\/_astro\/BaseLayout[\w.-]+\.js$/)]);
  });

  it('lets day, week and month pages switch between the three views', () => {
    const tabs = select(page('papers/date/2025-01-08/index.html'), 'a').filter((a) => ['Daily', 'Weekly', 'Monthly'].includes(text(a)));
    expect(tabs.map((a) => [text(a), attr(a, 'href'), attr(a, 'aria-current')])).toEqual([
      ['Daily', '/papers/date/2025-01-08/', 'page'],
      ['Weekly', '/papers/week/2025-W02/', undefined],
      ['Monthly', '/papers/month/2025-01/', undefined],
    ]);
    const home = select(page('index.html'), 'a').map((a) => [text(a), attr(a, 'href')]);
    expect(home).toContainEqual(['top of Week 9 of 2025 (24 Feb – 2 Mar)', '/papers/week/2025-W09/#top-heading']);
    expect(home).toContainEqual(['top of February 2025', '/papers/month/2025-02/#top-heading']);
  });

  it('lists every listing day in the archive, newest first, with counts', () => {
    const archive = readOut(build, 'papers/index.html');
    const days = select(dom(archive), 'li')
      .map((li) => ({ link: select(li, 'a')[0], count: select(li, 'span.day-group__count')[0] }))
      .filter(({ link, count }) => link !== undefined && count !== undefined && /^\/papers\/date\//.test(attr(link, 'href') ?? ''));
    const expected = [...new Set(papers.map((p) => p.day))].sort().reverse();
    expect(days.map(({ link }) => attr(link as HtmlNode, 'href'))).toEqual(expected.map((d) => `/papers/date/${d}/`));
    expect(days.map(({ count }) => Number(text(count as HtmlNode)))).toEqual(expected.map((d) => byDay(d).length));
    expect(Buffer.byteLength(archive)).toBeLessThan(200_000);
  });

  it('paginates a tag newest first, and lists every tag with its count', () => {
    const llm = papers.filter((p) => p.tags.includes('llm'));
    const newestFirst = [...llm].sort((a, b) => (a.day === b.day ? compareByVotes(a, b) : a.day < b.day ? 1 : -1)).map((p) => p.title);
    // The first page as cards (votes, authors, badges), older pages as compact dated rows.
    const pages = [1, 2, 3].map((n) =>
      n === 1 ? titlesIn(page('tags/llm/index.html'), 'paper-card__title') : titlesIn(page(`tags/llm/${n}/index.html`), 'dated-rows'),
    );
    expect(pages.flat()).toEqual(newestFirst);
    expect(pages.map((p) => p.length)).toEqual([50, 50, llm.length - 100]);
    expect(listFiles(build.out)).not.toContain('tags/llm/4/index.html');
    expect(rel(page('tags/llm/2/index.html'), 'prev')).toBe('/tags/llm/3/');
    const entry = select(page('tags/index.html'), 'li').find((li) => select(li, 'a').some((a) => attr(a, 'href') === '/tags/llm/'));
    expect(entry === undefined ? '' : text(select(entry, 'span.day-group__count')[0] ?? entry)).toBe(String(llm.length));
  });

  it('ranks trending papers by votes that fade with age from the newest listing day, beside the tabs', () => {
    const newest =
      papers
        .map((p) => p.day)
        .sort()
        .at(-1) ?? '';
    const age = (day: string) => Math.round((Date.parse(newest) - Date.parse(day)) / 86_400_000);
    const score = (p: CorpusPaper) => p.totalVotes / (age(p.day) + 2) ** 1.5;
    const expected = papers
      .filter((p) => p.totalVotes > 0 && age(p.day) < TRENDING_WINDOW_DAYS)
      .sort((a, b) => score(b) - score(a) || compareByVotes(a, b))
      .slice(0, TRENDING_COUNT)
      .map((p) => p.title);
    expect(expected.length).toBeGreaterThan(5);
    const trending = page('papers/trending/index.html');
    expect(titlesIn(trending, 'paper-card__title')).toEqual(expected);
    const current = select(trending, 'nav.period-tabs').flatMap((nav) => select(nav, 'a[aria-current=page]'));
    expect(current.map(text)).toEqual(['Trending']);
    const dayTabs = select(page(`papers/date/${newest}/index.html`), 'nav.period-tabs').flatMap((nav) => select(nav, 'a'));
    expect(dayTabs.map((a) => [text(a), attr(a, 'href')])).toContainEqual(['Trending', '/papers/trending/']);
  });

  it('names the first authors of a long list on its card, and every author on its page', () => {
    const long = papers.find((p) => p.authors.length > CARD_AUTHORS + 1);
    if (long === undefined) {
      throw new Error('the corpus has no long author list');
    }
    const card = select(page(`papers/date/${long.day}/index.html`), 'article.paper-card').find((c) =>
      select(c, 'h2.paper-card__title').some((h) => text(h) === long.title),
    );
    const names = (root: HtmlNode | undefined) => (root ? select(root, 'p.authors').flatMap((p) => select(p, 'a').map(text)) : []);
    expect(names(card)).toEqual(long.authors.slice(0, CARD_AUTHORS));
    expect(card && select(card, 'p.authors').map(text)[0]).toMatch(new RegExp(` and ${long.authors.length - CARD_AUTHORS} more$`));
    expect(names(page(`papers/${long.id}/index.html`))).toEqual(long.authors);
  });

  it('gives "Łukasz Kaiser" and "Lukasz Kaiser" one author page, each shown as written', () => {
    const theirs = papers.filter((p) => p.authors.some((a) => a.endsWith('ukasz Kaiser')));
    const shelf = authorShelf('lukasz-kaiser');
    const section = byId(page(`authors/${shelf}/index.html`), 'lukasz-kaiser') as HtmlNode;
    expect(titlesIn(section, 'dated-rows').sort()).toEqual(theirs.map((p) => p.title).sort());
    expect(select(section, 'p.listing__count').map(text)[0]).toMatch(/also written (Lukasz|Łukasz) Kaiser/);
    const plain = theirs.find((p) => p.authors.includes('Lukasz Kaiser'));
    const links = select(page(`papers/${plain?.id}/index.html`), 'a').map((a) => [text(a), attr(a, 'href')]);
    expect(links).toContainEqual(['Lukasz Kaiser', `/authors/${shelf}/#lukasz-kaiser`]);
  });

  it('links paper pages to their tags and authors', () => {
    const paper = papers[0] as CorpusPaper;
    const tagLinks = select(page(`papers/${paper.id}/index.html`), 'a[data-pagefind-filter=tag]').map((a) => [
      text(a).trim(),
      attr(a, 'href'),
    ]);
    expect(tagLinks).toEqual(paper.tags.map((tag) => [tag, `/tags/${tag}/`]));
  });
});

describe('feeds', () => {
  const newest = () => [...papers].sort((a, b) => (a.day === b.day ? compareByVotes(a, b) : a.day < b.day ? 1 : -1));

  it('publish the newest whole days, at least FEED_SIZE papers, as RSS 2.0, Atom and JSON Feed that a feed parser accepts', () => {
    const all = newest();
    // Whole days: the feed ends where a day ends, at or after FEED_SIZE papers.
    let end = FEED_SIZE;
    while (end < all.length && all[end]?.day === all[end - 1]?.day) {
      end++;
    }
    const expected = all.slice(0, end);
    expect(expected.length).toBeGreaterThan(FEED_SIZE - 1);
    const rss = parseRssFeed(readOut(build, 'rss.xml'));
    expect(rss.items?.map((i) => i.title)).toEqual(expected.map((p) => p.title));
    expect(rss.items?.[0]?.link).toBe(`${SITE}/papers/${expected[0]?.id}/`);
    // A day's papers have distinct times in its own order, the first the latest: readers that sort by date keep it.
    const firstDay = expected.filter((p) => p.day === expected[0]?.day).length;
    const at = (day: string | undefined, second: number) => new Date(Date.parse(`${day}T00:00:00Z`) + second * 1000);
    expect(rss.items?.[0]?.pubDate).toBe(
      at(expected[0]?.day, firstDay - 1)
        .toUTCString()
        .replace('GMT', '+0000'),
    );
    const times = (rss.items ?? []).map((i) => Date.parse(i.pubDate ?? ''));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(times.length);
    const atom = parseAtomFeed(readOut(build, 'atom.xml'));
    // Atom text constructs parse to { value } objects.
    expect(atom.entries?.map((e) => (e.title as unknown as { value: string }).value)).toEqual(expected.map((p) => p.title));
    expect(atom.entries?.[0]?.authors?.map((a) => a.name)).toEqual(expected[0]?.authors);
    const json = parseJsonFeed(JSON.parse(readOut(build, 'feed.json')));
    expect(json.items?.map((i) => i.url)).toEqual(expected.map((p) => `${SITE}/papers/${p.id}/`));
    expect(json.items?.[0]?.content_text).toMatch(/^We study/);
    expect(json.items?.[0]?.date_published).toBe(
      at(expected[0]?.day, firstDay - 1)
        .toISOString()
        .replace('.000Z', 'Z'),
    );
    // Every item leads to a page that exists.
    const files = new Set(listFiles(build.out));
    for (const item of json.items ?? []) {
      expect(files.has(`${new URL(item.url ?? '').pathname.slice(1)}index.html`)).toBe(true);
    }
  });

  it('exist for every tag, with only that tag’s papers', () => {
    for (const tag of ['llm', 'vision']) {
      const items = parseRssFeed(readOut(build, `tags/${tag}/rss.xml`)).items ?? [];
      const tagged = newest().filter((p) => p.tags.includes(tag));
      let end = TAG_FEED_SIZE;
      while (end < tagged.length && tagged[end]?.day === tagged[end - 1]?.day) {
        end++;
      }
      expect(items.map((i) => i.title)).toEqual(tagged.slice(0, end).map((p) => p.title));
      expect(parseAtomFeed(readOut(build, `tags/${tag}/atom.xml`)).entries?.length).toBe(items.length);
      expect(parseJsonFeed(JSON.parse(readOut(build, `tags/${tag}/feed.json`))).items?.length).toBe(items.length);
    }
  });

  it('are advertised on listing pages, a tag page adds its own, and paper pages leave them to Subscribe', () => {
    const feeds = (file: string) =>
      select(page(file), 'link[rel=alternate]').map((l) => [attr(l, 'type'), attr(l, 'title'), attr(l, 'href')]);
    expect(feeds('index.html')).toEqual(
      expect.arrayContaining([
        ['application/rss+xml', 'Papershelf (RSS)', `${SITE}/rss.xml`],
        ['application/feed+json', 'Papershelf (JSON Feed)', `${SITE}/feed.json`],
      ]),
    );
    expect(feeds('tags/vision/index.html')).toContainEqual([
      'application/atom+xml',
      'Papershelf: vision (Atom)',
      `${SITE}/tags/vision/atom.xml`,
    ]);
    const paperPages = listFiles(build.out).filter((f) => /^papers\/[^/]+\/index\.html$/.test(f) && !f.startsWith('papers/archive/'));
    expect(paperPages.length).toBeGreaterThan(100);
    for (const file of paperPages.slice(0, 20)) {
      expect(feeds(file), file).toEqual([]);
    }
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
    const html = page(`digest/${day}.html`);
    const titles = select(html, 'a')
      .filter((a) => /font-weight:bold/.test(attr(a, 'style') ?? ''))
      .map(text);
    expect(titles).toEqual(expected.slice(0, 10));
    expect(select(html, 'table[role=presentation]').length).toBeGreaterThan(0);
    expect([...select(html, 'script'), ...select(html, 'img'), ...select(html, '[src]')]).toEqual([]);
    // Its only link is the site icon, on the site itself, for the published page's tab.
    expect(select(html, 'link').map((l) => [attr(l, 'rel'), attr(l, 'href')])).toEqual([['icon', '/favicon.svg']]);
    const plain = readOut(build, `digest/${day}.txt`).split('\n');
    expect(plain[0]).toBe('Papershelf: top papers of Wednesday, 8 January 2025');
    expect(plain).toContain(`1. ${expected[0]} (${byDay(day).sort(compareByVotes)[0]?.totalVotes} votes)`);
    expect(plain.filter((l) => l.trim().startsWith(`${SITE}/papers/`))).toHaveLength(Math.min(10, expected.length));
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
      const doc = dom(readFileSync(path.join(build.out, file), 'utf8'));
      const url = `${SITE}/${file.slice(0, -'index.html'.length)}`;
      const meta = (name: string, key = 'property') => select(doc, `meta[${key}=${name}]`).map((m) => attr(m, 'content'));
      expect(
        select(doc, 'link[rel=canonical]').map((l) => attr(l, 'href')),
        file,
      ).toEqual([url]);
      expect(meta('og:url'), file).toEqual([url]);
      expect(meta('og:title')[0], file).toMatch(/\S/);
      expect(meta('twitter:card', 'name'), file).toEqual(['summary']);
    }
  });
});
