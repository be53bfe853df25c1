import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/dev/chromium.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { runAxe } from '../support/axe.ts';
import { type Build, buildSite } from '../support/build.ts';
import { ROOT, runScript } from '../support/run.ts';

// A site made the way a maintainer makes one: the fixtures of tests/fixtures/search imported with
// `npm run import` (a Daily Papers listing whose abstracts end in URLs, and Hugging Face JSON with
// two same-title papers, authors in four scripts, an old-style arXiv id, a prolific "Hao Wang" and
// a 149-author paper full of "Hao …" and "… Wang"), then built and served with the header policy.
const HF = 'tests/fixtures/search/daily-papers.json';
const LISTING = 'tests/fixtures/search/listing-oct-1.txt';
type HfItem = {
  paper: { id: string; title: string; authors: { name: string }[]; upvotes: number; submittedOnDailyAt: string; githubRepo?: string };
};
const ITEMS = (JSON.parse(readFileSync(path.join(ROOT, HF), 'utf8')) as HfItem[]).map((i) => i.paper);
const ITEM_ABSTRACTS = new Map(
  (JSON.parse(readFileSync(path.join(ROOT, HF), 'utf8')) as { paper: { id: string; summary: string } }[]).map((i) => [
    i.paper.id,
    i.paper.summary.replace(/\s+/g, ' ').trim(),
  ]),
);
/** The one paper of an earlier year, written into the imported site. */
const ARCHIVED = { day: '2024-11-19', id: 'agents-remembered', title: 'Agents Remembered: An Archive of Tool Use' };
const HAO_WANG = new Set(ITEMS.filter((p) => p.authors.some((a) => a.name === 'Hao Wang')).map((p) => p.id));

let content: string;
let build: Build;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
const violations: string[] = [];

beforeAll(async () => {
  content = mkdtempSync(path.join(tmpdir(), 'papershelf-search-'));
  for (const args of [
    ['hf', HF],
    ['listing', LISTING, '--date', '2025-10-01'],
  ]) {
    const run = runScript('import.ts', args, { PAPERSHELF_CONTENT: content });
    if (run.status !== 0) {
      throw new Error(`import ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
    }
  }
  // One paper from an earlier year: the site's index then has all three shards (the live month,
  // October; September in the year's; 2024 in the archive: src/data/search-shards.ts).
  mkdirSync(path.join(content, ARCHIVED.day));
  writeFileSync(
    path.join(content, ARCHIVED.day, `${ARCHIVED.id}.md`),
    `---\ntitle: "${ARCHIVED.title}"\nauthors: ["Grace Hopper"]\ntags: ["archives"]\nhf_upvotes: 500\n---\n\nAn archived study of reinforcement learning for tool use, kept for the record.\n`,
  );
  build = buildSite({ content });
  if (build.status !== 0) {
    throw new Error(`build failed:\n${build.output}`);
  }
  server = await serveStatic(build.out, '/', true);
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (content) {
    rmSync(content, { recursive: true, force: true });
  }
});

/** Opens the search page for a query string and waits until the page has drawn its answer. */
const searchPage = async (query: string): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${server.url}search/?${query}`);
  await page.locator('#search-form[data-ready="true"]').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '', null, { timeout: 15_000 });
  return page;
};
const resultIds = (page: Page) =>
  page
    .locator('.search-result__link')
    .evaluateAll((links) => links.map((a) => /\/papers\/([^/]+)\/$/.exec((a as HTMLAnchorElement).pathname)?.[1]));
const q = (text: string) => `q=${encodeURIComponent(text)}`;
/** The search page with no query, ready for one. */
const emptySearchPage = async (): Promise<Page> => {
  const page = await context.newPage();
  await page.goto(`${server.url}search/`);
  await page.locator('#search-form[data-ready="true"]').waitFor({ timeout: 15_000 });
  return page;
};
/** Types `text` into an open search page's query box, as a reader does, and waits for its results (the list's aria-busy). */
const typeQuery = async (page: Page, text: string) => {
  await page.fill('#search-q', text);
  await page.locator('#search-results[aria-busy="false"]').waitFor({ timeout: 15_000 });
};
/** Every result's id, after "Show more results" until there is no more. */
const allResultIds = async (page: Page) => {
  while (await page.locator('#search-more').isVisible()) {
    const n = await page.locator('.search-result').count();
    await page.locator('#search-more').click();
    await page.waitForFunction((before) => document.querySelectorAll('.search-result').length > before, n);
  }
  return resultIds(page);
};

describe('importing and building the fixtures loses nothing', () => {
  const paper = async (id: string) => {
    const page = await context.newPage();
    await page.goto(`${server.url}papers/${id}/`);
    return page;
  };

  it('keeps a one-sentence abstract that ends in two URLs, links them, and copies them to the paper links', async () => {
    const page = await paper('open-resources-for-scene-graph-generation');
    const abstract = page.locator('.abstract__text');
    expect(await abstract.textContent()).toBe(
      'All resources are public (a project page at https://example.org/project/, plus a repository at https://github.com/example/repo).',
    );
    expect(await abstract.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      'https://example.org/project/',
      'https://github.com/example/repo',
    ]);
    expect(await page.getByRole('link', { name: 'Code', exact: true }).getAttribute('href')).toBe('https://github.com/example/repo');
    expect(await page.getByRole('link', { name: 'Project page', exact: true }).getAttribute('href')).toBe('https://example.org/project/');
    await page.close();
  });

  it('keeps every sentence of the listing, with LaTeX remnants cleaned from the URLs', async () => {
    const lines = readFileSync(path.join(ROOT, LISTING), 'utf8').split('\n');
    const expected: Record<string, string> = {
      'streaming-speech-translation-with-monotonic-attention': lines[10] ?? '',
      'curated-pretraining-data-by-influence-scores': lines[13] ?? '',
      'layered-neural-textures':
        'Layered textures represent thin structures such as hair and foliage. Code is at https://github.com/example/layered_tex. Dataset and code are in https://example.org/layers, and a demo is at https://example.org/demo.',
    };
    for (const [id, text] of Object.entries(expected)) {
      const page = await paper(id);
      expect(await page.locator('.abstract__text').textContent(), id).toBe(text);
      await page.close();
    }
  });

  it('builds both papers that share a title, each with its own abstract', async () => {
    const [a, b] = [await paper('2509.18176'), await paper('2509.25393')];
    expect(await a.locator('h1').textContent()).toBe('Agentic Reasoning with Tool Feedback');
    expect(await b.locator('h1').textContent()).toBe('Agentic Reasoning with Tool Feedback');
    expect(await a.locator('.abstract__text').textContent()).toContain('introduce a benchmark of 400 multi-step tasks');
    expect(await b.locator('.abstract__text').textContent()).toContain('reports a 12-point gain');
    await a.close();
    await b.close();
  });

  it('links every author, in any script, to a page that lists the paper under the name as written', async () => {
    const page = await paper('2510.00001');
    const links = await page
      .locator('.authors a')
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent ?? '', href: (a as HTMLAnchorElement).href })));
    expect(links.map((l) => l.name)).toEqual(['李飞飞', 'محمد علي', 'Αλέξανδρος Παπαδόπουλος', 'Иван Петров', 'Ivan Petrov']);
    expect(new Set(links.map((l) => l.href)).size).toBe(5);
    for (const { name, href } of links) {
      const response = await page.goto(href);
      expect(response?.status(), name).toBe(200);
      // The author's section of their author page, which the address's #fragment names.
      const section = page.locator(`section[id="${new URL(href).hash.slice(1)}"]`);
      expect(await section.locator('h2').textContent(), name).toContain(name);
      expect(await section.getByRole('link', { name: 'Cross-Script Name Matching for Bibliographic Search' }).count(), name).toBe(1);
    }
    await page.close();
  });
});

describe('the search page finds what people type', () => {
  it('ranks a paper first for the first five words of its title', async () => {
    // One page, the queries typed in turn (a page per query loads the index again each time).
    const page = await emptySearchPage();
    for (const item of ITEMS.filter((_, i) => i % 3 === 0)) {
      await typeQuery(page, item.title.split(/\s+/).slice(0, 5).join(' '));
      expect((await resultIds(page))[0], item.title).toBe(item.id.replace('/', '-'));
    }
    await page.close();
  });

  it('finds a paper first by every form of its arXiv id', async () => {
    const forms = [
      ['2509.15409', '2509.15409'],
      ['2509.15409v2', '2509.15409'],
      ['arXiv:2509.15409', '2509.15409'],
      ['https://arxiv.org/abs/2509.15409', '2509.15409'],
      ['https://arxiv.org/pdf/2509.15409v1', '2509.15409'],
      ['hep-ex/0307015', 'hep-ex-0307015'],
    ];
    const page = await emptySearchPage();
    for (const [form, id] of forms) {
      await typeQuery(page, form as string);
      expect((await resultIds(page))[0], form).toBe(id);
    }
    await page.close();
  });

  it('finds a paper by id typed into the header search box of another page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}papers/date/2025-09-29/`);
    await page.fill('#site-search', 'https://arxiv.org/abs/2509.25393');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('.search-result__link').first().waitFor({ timeout: 15_000 });
    expect((await resultIds(page))[0]).toBe('2509.25393');
    await page.close();
  });

  it('lists an author’s papers first for their exact name: the whole first page of results', async () => {
    const page = await searchPage(q('Hao Wang'));
    const ids = await resultIds(page);
    expect(ids).toHaveLength(10);
    expect(
      ids.every((id) => HAO_WANG.has(id ?? '')),
      ids.join(' '),
    ).toBe(true);
    // The 149-author paper, where "Hao" and "Wang" occur only in other names, comes after them.
    await page.getByRole('button', { name: 'Show more results' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    const all = await resultIds(page);
    expect(all.slice(0, HAO_WANG.size).every((id) => HAO_WANG.has(id ?? ''))).toBe(true);
    expect(all).toContain('2509.30001');
    await page.close();
    const cyrillic = await searchPage(q('Иван Петров'));
    expect((await resultIds(cyrillic))[0]).toBe('2510.00001');
    await cyrillic.close();
  });
});

describe('search filters, sorting and the URL', () => {
  const dayOf = new Map(ITEMS.map((p) => [p.id.replace('/', '-'), p.submittedOnDailyAt.slice(0, 10)]));

  it('ORs two tags: papers with either', async () => {
    const page = await searchPage('tag=agents&tag=retrieval');
    expect((await resultIds(page)).sort()).toEqual(['2509.15409', '2509.18176', '2509.25393']);
    expect(await page.locator('#search-tags input[name="tag"][value="agents"]').isChecked()).toBe(true);
    expect(await page.locator('#search-tags input[name="tag"][value="retrieval"]').isChecked()).toBe(true);
    await page.close();
  });

  it('keeps a listing-day range, inclusive', async () => {
    const page = await searchPage('from=2025-09-30&to=2025-09-30');
    const ids = await resultIds(page);
    expect(ids.length).toBe(ITEMS.filter((p) => p.submittedOnDailyAt.startsWith('2025-09-30')).length);
    expect(ids.every((id) => dayOf.get(id ?? '') === '2025-09-30')).toBe(true);
    await page.close();
  });

  it('combines a query, has-code and votes order', async () => {
    const page = await searchPage(`${q('Hao Wang')}&code=1&sort=votes`);
    const ids = await resultIds(page);
    const votes = ids.map((id) => ITEMS.find((p) => p.id === id)?.upvotes ?? -1);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    // Each result shows its votes, as the votes file has them.
    const shown = await page.locator('.search-result__meta').allTextContents();
    expect(shown.map((line) => Number(/(\d+) votes?/.exec(line)?.[1] ?? 0))).toEqual(votes);
    // Exactly Hao Wang's papers that the import gave a code link (githubRepo).
    const withCode = ITEMS.filter((p) => HAO_WANG.has(p.id) && p.githubRepo !== undefined).map((p) => p.id);
    expect(withCode.length).toBeGreaterThan(3);
    expect([...ids].sort()).toEqual(withCode.sort());
    await page.close();
  });

  it('searches every shard of the index: relevance, newest first across periods, and most votes from the votes file', async () => {
    expect(readdirSync(path.join(build.out, 'pagefind/shards')).sort()).toEqual(['archive', 'year']);
    const title = await searchPage(q(ARCHIVED.title));
    expect((await resultIds(title))[0]).toBe(ARCHIVED.id);
    await title.close();
    const newest = await searchPage(`${q('reinforcement learning')}&sort=newest`);
    const status = (await newest.locator('#search-status').textContent()) ?? '';
    const ids = await allResultIds(newest);
    expect(status).toBe(`${ids.length} papers found`);
    const days = ids.map((id) => (id === ARCHIVED.id ? ARCHIVED.day : (dayOf.get(id ?? '') ?? '2025-10-01')));
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe('2025-10-01');
    expect(ids.at(-1)).toBe(ARCHIVED.id);
    expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(3);
    await newest.close();
    const voted = await searchPage(`${q('reinforcement learning')}&sort=votes`);
    expect((await resultIds(voted))[0]).toBe(ARCHIVED.id);
    expect(await voted.locator('.search-result__meta').first().textContent()).toContain('500 votes');
    expect(await allResultIds(voted)).toHaveLength(ids.length);
    await voted.close();
  });

  it('leaves out the papers with a word written -word, and the papers with a "not" tag, kept in the URL', async () => {
    const ids = async (query: string) => {
      const page = await searchPage(query);
      const found = await allResultIds(page);
      const status = await page.locator('#search-status').textContent();
      await page.close();
      return { found, status };
    };
    const base = await ids(q('Hao Wang'));
    const video = await ids(q('"video"'));
    const without = await ids(q('Hao Wang -video'));
    expect(video.found).toContain('2509.20001');
    expect(base.found).toContain('2509.20001');
    // Every paper that holds the word is left out, whether it holds all the other words or some.
    expect(without.found.sort()).toEqual(base.found.filter((id) => !video.found.includes(id)).sort());
    expect(without.found.length).toBeGreaterThan(0);
    expect(without.status).toMatch(new RegExp(`^${without.found.length} papers found`));
    // A "not" tag: agents OR retrieval, but not agents.
    const either = await ids('tag=agents&tag=retrieval');
    const agents = await ids('tag=agents');
    const notAgents = await ids('tag=agents&tag=retrieval&nottag=agents');
    expect(notAgents.found.sort()).toEqual(either.found.filter((id) => !agents.found.includes(id)).sort());
    expect(notAgents.found).toHaveLength(1);
    // Set on the page, it goes into the URL.
    const page = await searchPage('tag=retrieval');
    await page.getByLabel('not agents').check();
    await page.waitForURL(/nottag=agents/);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 1);
    expect(await resultIds(page)).toEqual(notAgents.found);
    await page.close();
  });

  it('still searches the shards there are when one the page names is missing (npm run dev on an older build)', async () => {
    const archive = path.join(build.out, 'pagefind/shards/archive');
    renameSync(archive, `${archive}-away`);
    try {
      const page = await searchPage(q('reinforcement learning'));
      const found = await allResultIds(page);
      expect(found.length).toBeGreaterThan(0);
      expect(found).not.toContain(ARCHIVED.id);
      expect(await page.locator('#search-status').textContent()).toBe(`${found.length} papers found`);
      await page.close();
    } finally {
      renameSync(`${archive}-away`, archive);
    }
  });

  it('sorts newest first', async () => {
    const page = await searchPage(`${q('Hao Wang')}&sort=newest`);
    const days = (await resultIds(page)).map((id) => dayOf.get(id ?? '') ?? '');
    expect(days).toEqual([...days].sort().reverse());
    await page.close();
  });

  it('reflects what the reader sets in the URL, and the URL restores it', async () => {
    const page = await searchPage(q('reinforcement learning'));
    await page.locator('#search-tags input[name="tag"][value="agents"]').check();
    await page.waitForURL(/tag=agents/);
    await page.getByLabel('Sort by').selectOption('newest');
    await page.waitForURL(/sort=newest/);
    const url = page.url();
    expect(new URL(url).searchParams.get('q')).toBe('reinforcement learning');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 1);
    const ids = await resultIds(page);
    await page.close();
    const again = await searchPage(new URL(url).search.slice(1));
    expect(await resultIds(again)).toEqual(ids);
    expect(ids).toEqual(['2509.25393']);
    await again.close();
  });

  it('shows the abstract as the snippet, with the day as text, first authors and a code badge', async () => {
    const page = await searchPage(q('Sparse Mixture Routing'));
    const first = page.locator('.search-result').first();
    expect(await first.locator('.search-result__link').textContent()).toBe('Sparse Mixture Routing for Long-Context Retrieval');
    const meta = (await first.locator('.search-result__meta').textContent()) ?? '';
    expect(meta).toMatch(/^29 Sept? 2025 · /);
    // Votes are not in the index: shown once the order is by votes (the next test).
    expect(meta).not.toMatch(/votes?\b/);
    expect(await first.locator('.search-result__meta bdi').count()).toBe(3);
    expect(await first.getByRole('link', { name: 'Code' }).getAttribute('href')).toMatch(/^https:\/\/github\.com\//);
    const abstract = ITEM_ABSTRACTS.get('2509.15409') ?? '';
    const snippet = (await first.locator('.search-result__excerpt').textContent()) ?? '';
    expect(abstract.startsWith(snippet.replace(/…$/, ''))).toBe(true);
    expect(await first.locator('.search-result__excerpt mark').allTextContents()).toEqual(['sparse', 'mixture']);
    await page.close();
    // The 149-author paper: its abstract, never its author list, as the snippet.
    const crowd = await searchPage(q('Collaboration Report on Open Multimodal Evaluation'));
    const top = crowd.locator('.search-result').first();
    expect(await top.locator('.search-result__meta').textContent()).toMatch(/and 143 more/);
    const crowdSnippet = ((await top.locator('.search-result__excerpt').textContent()) ?? '').replace(/…$/, '');
    expect(crowdSnippet.length).toBeGreaterThan(40);
    expect((ITEM_ABSTRACTS.get('2509.30001') ?? '').startsWith(crowdSnippet)).toBe(true);
    await crowd.close();
  });

  it('counts each tag as the results it would give, with or without a query', async () => {
    for (const query of ['tag=agents', `${q('agentic reasoning')}&tag=agents`]) {
      const page = await searchPage(query);
      const found = Number(/^(\d+) papers? found$/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
      const label = page.locator('.search-tag', { has: page.locator('input[name="tag"][value="agents"]') });
      expect(await label.locator('.search-tag__count').textContent(), query).toBe(`(${found})`);
      expect(found, query).toBe(2);
      await page.close();
    }
  });

  it('says when no paper has the arXiv id asked for, before any other match', async () => {
    const page = await searchPage(q('2503.99999'));
    expect(await page.locator('#search-status').textContent()).toMatch(/^No paper with arXiv id 2503\.99999 here\./);
    expect(await page.locator('#search-help').isVisible()).toBe(true);
    await page.close();
  });

  it('keeps the results on screen while the reader types, and one query box on the page', async () => {
    const page = await searchPage(q('attention'));
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    await page.evaluate(() => {
      const list = document.querySelector('#search-results') as HTMLElement;
      (window as unknown as { emptied: number }).emptied = 0;
      new MutationObserver(() => {
        if (list.children.length === 0) {
          (window as unknown as { emptied: number }).emptied++;
        }
      }).observe(list, { childList: true });
    });
    await page.fill('#search-q', '');
    await page.locator('#search-q').pressSequentially('attention kernels', { delay: 60 });
    await page.waitForFunction(() => /found|No paper/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.locator('.search-result__link', { hasText: 'Efficient Attention Kernels' }).first().waitFor({ timeout: 15_000 });
    // Clearing the box empties the list once (the empty state); typing never did.
    expect(await page.evaluate(() => (window as unknown as { emptied: number }).emptied)).toBe(1);
    await page.close();
  });

  it('helps when there is no query, no result, or no JavaScript', async () => {
    const empty = await context.newPage();
    await empty.goto(`${server.url}search/`);
    await empty.locator('#search-form[data-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await empty.locator('#search-help').isVisible()).toBe(true);
    expect(await empty.locator('.search-help__examples a').count()).toBeGreaterThanOrEqual(2);
    expect(await empty.locator('#search-help').getByRole('link', { name: 'archive of listing days' }).getAttribute('href')).toBe(
      '/papers/',
    );
    await empty.close();
    const none = await searchPage(q('zzyzx quokka'));
    expect(await none.locator('#search-status').textContent()).toBe('No paper matches “zzyzx quokka”.');
    expect(await none.locator('#search-help').isVisible()).toBe(true);
    await none.close();
    const offline = await browser.newContext({ javaScriptEnabled: false });
    const page = await offline.newPage();
    await page.goto(`${server.url}search/`);
    // Playwright's text and role queries skip <noscript>; the page's own DOM shows what a reader sees.
    const shown = await page.evaluate(() => {
      const help = document.querySelector('noscript .search-help');
      const box = help?.getBoundingClientRect();
      return {
        text: help?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        height: box?.height ?? 0,
        links: [...(help?.querySelectorAll('a') ?? [])].map((a) => [a.textContent, a.getAttribute('href')]),
      };
    });
    expect(shown.text).toMatch(/^Search runs in your browser and needs JavaScript, which is off\./);
    expect(shown.height).toBeGreaterThan(0);
    expect(shown.links).toEqual([
      ['archive of days', '/papers/'],
      ['tags', '/tags/'],
      ['feeds', '/subscribe/'],
    ]);
    await offline.close();
  });

  it('caused no Content-Security-Policy violation under the header policy', () => {
    expect(violations).toEqual([]);
  });

  it('is axe-clean with results and filters drawn, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const axeContext = await browser.newContext({ colorScheme, bypassCSP: true });
      const page = await axeContext.newPage();
      await page.goto(`${server.url}search/?${q('Hao Wang')}&tag=agents&tag=retrieval&code=1`);
      await page.locator('#search-form[data-ready="true"]').waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
      expect(await runAxe(page), colorScheme).toEqual([]);
      await axeContext.close();
    }
  });
});
