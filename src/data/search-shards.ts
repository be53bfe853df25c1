/**
 * The search index in shards by listing period, so that a build re-indexes only the period that
 * changed (src/integrations/pagefind.ts) and the search page combines them (src/client/search.ts).
 *
 * Three shards at most, few and large: Pagefind ranks each index by its own word statistics, and
 * small indexes rank badly when merged (two shards keep nearly all of a single index's top 10,
 * monthly shards far fewer: docs/performance.md, "Behind the code"), and every shard adds its metadata to the first query. By the newest listing day:
 * - `live`: its month. Re-indexed on every build that adds a paper (a month is ≤ ~1,100 papers).
 * - `year`: the earlier months of its year. Thaws once a month, when the live month closes.
 * - `archive`: every earlier year. Thaws once a year, or when an old paper is edited or moved.
 * A shard with no paper is left out. The live shard is the primary bundle, at the site's Pagefind
 * path; the others sit below it, under `shards/<name>/`.
 */
import { type DayKey, monthOf, yearOf } from '../lib/dates.ts';
import { compareText } from '../lib/text.ts';
import { pagefindPath } from './routes.ts';

/** The shards, newest period first. */
export const SHARD_NAMES = ['live', 'year', 'archive'] as const;
export type ShardName = (typeof SHARD_NAMES)[number];

/** One shard of the search index. */
export interface SearchShard {
  name: ShardName;
  /** Its bundle's folder, relative to the site's Pagefind folder: '' for the live shard, else `shards/<name>/`. */
  dir: string;
  /** Its first and last listing day. */
  first: DayKey;
  last: DayKey;
  /** How many of the given days it holds. */
  days: number;
}

/** The shard that holds `day` when `newest` is the site's newest listing day. */
export function shardOf(day: DayKey, newest: DayKey): ShardName {
  if (monthOf(day) === monthOf(newest)) {
    return 'live';
  }
  if (yearOf(day) === yearOf(newest)) {
    return 'year';
  }
  return 'archive';
}

/** The shards of a site whose listing days are `days` (any order, duplicates allowed), newest first; none for no day. */
export function searchShards(days: readonly DayKey[]): SearchShard[] {
  const sorted = [...new Set(days)].sort(compareText);
  const newest = sorted.at(-1);
  if (newest === undefined) {
    return [];
  }
  return SHARD_NAMES.flatMap((name) => {
    const mine = sorted.filter((day) => shardOf(day, newest) === name);
    const [first, last] = [mine[0], mine.at(-1)];
    if (first === undefined || last === undefined) {
      return [];
    }
    return [{ name, dir: name === 'live' ? '' : `shards/${name}/`, first, last, days: mine.length }];
  });
}

/**
 * The shards of a site with `papers` (newest period first), each with its papers. A site with no
 * paper still has its (empty) live shard, so that the index is where the search page looks.
 */
export function shardPlan<T extends { day: DayKey }>(papers: readonly T[]): { shard: SearchShard; papers: T[] }[] {
  const shards = searchShards(papers.map((p) => p.day));
  const newest = shards[0]?.last;
  if (newest === undefined) {
    return [{ shard: { name: 'live', dir: '', first: '', last: '', days: 0 }, papers: [] }];
  }
  return shards.map((shard) => ({ shard, papers: papers.filter((p) => shardOf(p.day, newest) === shard.name) }));
}

/** The URL of a shard's bundle (the folder that holds its `pagefind.js` and `pagefind-entry.json`). */
export function shardPath(shard: Pick<SearchShard, 'dir'>): string {
  return pagefindPath(shard.dir);
}

/** The file, in the site's Pagefind folder, that maps each result's page hash to the paper's votes. */
export const VOTES_FILE = 'votes.json';
