/**
 * Search relevance on real abstracts: the evaluation set (search-queries.json: descriptions a
 * reader writes from memory, and short topic queries, each naming the paper it should find) run
 * against a built site of the real corpus, three ways: Pagefind as it is (all words), the site's
 * search (src/client/search-engine.ts, on the same Pagefind index, in Node), and the plain BM25
 * reference (bm25.ts). Known-item search is checked too: each paper by its arXiv id and its title.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type PagefindHit, type PagefindSearch, rankedSearch } from '../../../src/client/search-engine.ts';
import { planQuery } from '../../../src/client/search-state.ts';
import { Bm25 } from './bm25.ts';
import type { CorpusRecord } from './real-corpus.ts';

/** One query of the evaluation set. */
export interface EvalQuery {
  arxiv: string;
  kind: 'description' | 'topic';
  query: string;
}

/** The evaluation set, from the file beside this module. */
export function readEvalQueries(file: string = path.join(import.meta.dirname, 'search-queries.json')): EvalQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] }).queries;
}

/** Top-1, top-10 and mean reciprocal rank of one ranker over one kind of query. */
export interface Scores {
  queries: number;
  top1: number;
  top10: number;
  mrr: number;
}

/** What `measureRelevance` reports. */
export interface RelevanceReport {
  papers: number;
  /** kind → ranker → scores. */
  scores: Record<string, Record<'pagefind' | 'site' | 'bm25', Scores>>;
  /** Of the evaluated papers, how many come first for their arXiv id, and for their title. */
  knownItem: { papers: number; byId: number; byTitle: number };
  /** Each query where the site's search misses the top 10: the query and the rank it gave. */
  misses: { kind: string; arxiv: string; query: string; rank: number }[];
}

/** A Pagefind result that can load its page's data. */
type Hit = PagefindHit & { data(): Promise<{ url: string }> };
/** Pagefind's JavaScript API as the engine and this module use it. */
type Pagefind = PagefindSearch<Hit>;

/**
 * Runs the evaluation set on `pagefind` (an initialised pagefind.js over the built site, with the
 * site's common words, as the search page runs it) and on the BM25 reference over `records`.
 */
export async function measureRelevance(
  pagefind: Pagefind,
  records: readonly CorpusRecord[],
  queries: readonly EvalQuery[],
  common: ReadonlySet<string> = new Set(),
): Promise<RelevanceReport> {
  const total = records.length;
  const bm25 = new Bm25(records.map((r) => ({ id: r.arxiv, title: r.title, abstract: r.abstract })));
  const titleOf = new Map(records.map((r) => [r.arxiv, r.title]));
  // The page of each evaluated paper (its id is its arXiv id: /papers/<arXiv id>/), found by
  // searching its arXiv id, as a reader pastes it.
  const pageOf = new Map<string, string>();
  let byId = 0;
  let byTitle = 0;
  for (const arxiv of new Set(queries.map((q) => q.arxiv))) {
    const first = (await rankedSearch(pagefind, planQuery(arxiv), {}, total, common)).results[0]?.hit;
    if (first !== undefined && (await first.data()).url.endsWith(`/papers/${arxiv}/`)) {
      byId++;
      pageOf.set(arxiv, first.id);
    } else {
      throw new Error(`arXiv ${arxiv} does not find its page first: is it in the site?`);
    }
    const title = titleOf.get(arxiv) ?? '';
    if ((await rankedSearch(pagefind, planQuery(title), {}, total, common)).results[0]?.hit.id === first.id) {
      byTitle++;
    }
  }
  const rank = (ids: readonly string[], target: string) => {
    const i = ids.indexOf(target);
    return i < 0 ? Number.POSITIVE_INFINITY : i + 1;
  };
  const scores: RelevanceReport['scores'] = {};
  const misses: RelevanceReport['misses'] = [];
  for (const kind of ['description', 'topic'] as const) {
    const mine = queries.filter((q) => q.kind === kind);
    const ranks = { pagefind: [] as number[], site: [] as number[], bm25: [] as number[] };
    for (const q of mine) {
      const target = pageOf.get(q.arxiv) ?? '';
      ranks.pagefind.push(
        rank(
          ((await pagefind.search(q.query, {}))?.results ?? []).map((r) => r.id),
          target,
        ),
      );
      const site = rank(
        (await rankedSearch(pagefind, planQuery(q.query), {}, total, common)).results.map((r) => r.hit.id),
        target,
      );
      ranks.site.push(site);
      if (site > 10) {
        misses.push({ kind, arxiv: q.arxiv, query: q.query, rank: site });
      }
      ranks.bm25.push(rank(bm25.search(q.query), q.arxiv));
    }
    const score = (r: number[]): Scores => ({
      queries: r.length,
      top1: r.filter((x) => x === 1).length,
      top10: r.filter((x) => x <= 10).length,
      mrr: r.reduce((sum, x) => sum + 1 / x, 0) / Math.max(1, r.length),
    });
    scores[kind] = { pagefind: score(ranks.pagefind), site: score(ranks.site), bm25: score(ranks.bm25) };
  }
  return { papers: total, scores, knownItem: { papers: pageOf.size, byId, byTitle }, misses };
}

/** The report as the bench prints it. */
export function formatRelevance(report: RelevanceReport): string {
  const lines = [`search relevance on ${report.papers} real papers (scripts/dev/bench/search-queries.json)`];
  lines.push(`  ${'queries'.padEnd(24)}${'ranker'.padEnd(18)}${'top 1'.padStart(8)}${'top 10'.padStart(8)}${'MRR'.padStart(8)}`);
  const names = { pagefind: 'Pagefind as is', site: "the site's search", bm25: 'BM25 reference' } as const;
  for (const [kind, byRanker] of Object.entries(report.scores)) {
    for (const ranker of ['pagefind', 'site', 'bm25'] as const) {
      const s = byRanker[ranker];
      lines.push(
        `  ${`${kind} (${s.queries})`.padEnd(24)}${names[ranker].padEnd(18)}${String(s.top1).padStart(8)}${String(s.top10).padStart(8)}${s.mrr.toFixed(3).padStart(8)}`,
      );
    }
  }
  const k = report.knownItem;
  lines.push(`  known item: ${k.byId} of ${k.papers} first by arXiv id, ${k.byTitle} of ${k.papers} first by title`);
  for (const m of report.misses) {
    lines.push(`  not in the top 10 (${m.kind}, rank ${m.rank}): ${m.arxiv} "${m.query}"`);
  }
  return lines.join('\n');
}
