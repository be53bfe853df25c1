/**
 * The search page's ranking on real abstracts: a site of the first 2,000 papers of the real corpus
 * (tests/fixtures/corpus/arxiv-2k.jsonl.gz, as in ../shared/corpus/), built for real, its Pagefind
 * index searched in Node by the engine the search page runs (src/client/search-engine.ts), with
 * the evaluation set the bench reports on (scripts/dev/bench/search-queries.json). The bench holds the
 * goals (npm run bench -- --relevance); this test holds the behaviour: a described paper is found
 * where Pagefind's all-words matching finds nothing, and known-item search stays exact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/dev/bench/build.ts';
import { readRealCorpus, realPapers } from '../../scripts/dev/bench/real-corpus.ts';
import { measureRelevance, readEvalQueries } from '../../scripts/dev/bench/relevance.ts';
import { type StaticServer, serveStatic } from '../../scripts/dev/static-server.ts';
import { openSearchBundle, type PagefindModule } from '../../src/client/search-bundle.ts';
import { ANY_WORD, type PagefindHit, type PagefindSearch, rankedSearch } from '../../src/client/search-engine.ts';
import { planQuery, readShards } from '../../src/client/search-state.ts';
import { type Build, buildSite, tempDir } from '../support/build.ts';
import { ROOT } from '../support/run.ts';

type Hit = PagefindHit & { data(): Promise<{ url: string; meta: Record<string, string> }> };
type Pagefind = PagefindSearch<Hit> & { options(o: Record<string, unknown>): Promise<void>; init(): Promise<void> };

const records = readRealCorpus(path.join(ROOT, 'tests/fixtures/corpus/arxiv-2k.jsonl.gz'));
let build: Build;
let server: StaticServer;
let pagefind: Pagefind;
let total: number;
let common: Set<string>;

beforeAll(async () => {
  const content = path.join(tempDir('papershelf-relevance-'), 'papers');
  const { papers, refused } = realPapers(records, records.length);
  expect(refused).toEqual([]);
  writeCorpus(content, papers);
  build = buildSite({ content });
  if (build.status !== 0) {
    throw new Error(`build failed:\n${build.output}`);
  }
  server = await serveStatic(build.out);
  pagefind = (await import(path.join(build.out, 'pagefind/pagefind.js'))) as Pagefind;
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
  await pagefind.init();
  total = (await pagefind.search(null, {}))?.results.length ?? 0;
  common = new Set(JSON.parse(readFileSync(path.join(build.out, 'search/common-words.json'), 'utf8')) as string[]);
});
afterAll(async () => {
  await server?.close();
});

const search = (q: string) => rankedSearch(pagefind, planQuery(q), {}, total, common);
const urlOf = async (hit: Hit | undefined) => (hit === undefined ? undefined : (await hit.data()).url);

describe('openSearchBundle on the 2,000-paper site, in Node', () => {
  it('opens the shards the search page names, counts the pages, and lists newest first (across shards: tests/e2e/search.test.ts)', async () => {
    const form = /<form[^>]*id="search-form"[^>]*>/.exec(readFileSync(path.join(build.out, 'search/index.html'), 'utf8'))?.[0] ?? '';
    const data = (name: string) => (new RegExp(`${name}="([^"]*)"`).exec(form)?.[1] ?? '').replace(/&quot;/g, '"');
    const shards = readShards(data('data-shards')).map((s) => ({ ...s, path: `${server.url}${s.path.slice(1)}` }));
    // These 2,000 papers were listed in one month: one shard, the live one.
    expect(shards.map((s) => s.path.replace(server.url, '/'))).toEqual(['/pagefind/']);
    const fresh = (await import(`${path.join(build.out, 'pagefind/pagefind.js')}?bundle`)) as PagefindModule<Hit>;
    const index = await openSearchBundle(fresh, {
      bundle: `${server.url}pagefind/`,
      baseUrl: '/',
      shards,
      commonWords: `${server.url}${data('data-common-words').slice(1)}`,
      votes: `${server.url}${data('data-votes').slice(1)}`,
    });
    expect(index.shards).toHaveLength(1);
    expect(index.pages).toBe(2000);
    expect((await index.commonWords).has('the')).toBe(true);
    // No paper of the corpus has votes: the votes file is there, and empty.
    expect(await index.votes()).toEqual({});
    expect((await index.tagPages()).size).toBe(0);
    // Newest first: the same papers as by relevance, by listing day.
    const merged = await Promise.all(
      ((await index.pagefind.search('segmentation', {}))?.results ?? []).map(async (h) => (await h.data()).url),
    );
    const newest = await index.searchNewest('segmentation', {}, '', '');
    expect(newest.results).toHaveLength(merged.length);
    const dayOf = new Map(records.map((r) => [`/papers/${r.arxiv}/`, r.day]));
    const days = await Promise.all(newest.results.map(async (h) => dayOf.get((await h.data()).url) ?? ''));
    expect(days).toEqual([...days].sort().reverse());
    expect(new Set(days).size).toBeGreaterThan(3);
  });
});

describe('rankedSearch on 2,000 real papers', () => {
  it('finds papers described in a sentence, which Pagefind alone finds almost never, and keeps known items first', async () => {
    expect(total).toBe(2000);
    // The words on more than 500 of the 2,000 papers, which the page does not search one by one.
    expect(common.has('the')).toBe(true);
    expect(common.has('subretinal')).toBe(false);
    const report = await measureRelevance(pagefind, records, readEvalQueries(), common);
    const { description, topic } = report.scores;
    // Floors below what the bench measures: the bench holds the goals.
    expect(description?.pagefind.top10).toBeLessThanOrEqual(10);
    expect(description?.site.top10).toBeGreaterThanOrEqual(54);
    expect(topic?.site.top10).toBeGreaterThanOrEqual(58);
    expect(report.knownItem).toEqual({ papers: 61, byId: 61, byTitle: 61 });
  });

  it('ranks the pages that hold every word first, then the others, each saying which words it holds', async () => {
    const q = 'reuse attention tokens across layers to speed up long context decoding';
    const { results, words } = await search(q);
    expect(words).toEqual(['reuse', 'attention', 'tokens', 'across', 'layers', 'speed', 'up', 'long', 'context', 'decoding']);
    const partial = results.findIndex((r) => r.partial);
    expect(partial).toBeGreaterThanOrEqual(0);
    expect(results.slice(partial).every((r) => r.partial)).toBe(true);
    for (const r of results.slice(partial, partial + 20)) {
      expect(r.matched.length).toBeGreaterThan(0);
      expect(r.matched.every((w) => words.includes(w))).toBe(true);
    }
    // The first results hold more of the rare words than the last ones.
    expect(results[partial]?.matched.length).toBeGreaterThan(results.at(-1)?.matched.length ?? 0);
  });

  it('adds no partial matches when enough pages hold every word, or the query is one word', async () => {
    const many = await search('language models');
    expect(many.results.length).toBeGreaterThanOrEqual(ANY_WORD.enough);
    expect(many.results.some((r) => r.partial)).toBe(false);
    const one = await search('splatting');
    expect(one.results.some((r) => r.partial)).toBe(false);
    expect(one.results.length).toBe((await pagefind.search('splatting', {}))?.results.length);
  });

  it('searches a pasted abstract by its first words only, and a query of stop words not at all', async () => {
    const abstract = records[33]?.abstract ?? '';
    const pasted = await search(abstract);
    expect(pasted.words).toHaveLength(ANY_WORD.maxWords);
    expect(await urlOf(pasted.results[0]?.hit)).toBe(`/papers/${records[33]?.arxiv}/`);
    const stop = await search('what is the of and');
    expect(stop.words).toEqual([]);
  });
});
