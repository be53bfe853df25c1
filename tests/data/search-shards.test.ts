import { describe, expect, it } from 'vitest';
import { withoutVotes } from '../../src/content/paper-file.ts';
import { searchShards, shardOf, shardPath, shardPlan } from '../../src/data/search-shards.ts';

describe('searchShards', () => {
  it('splits the days into the live month, the rest of its year and every earlier year, newest first', () => {
    const days = ['2025-03-17', '2023-05-02', '2025-01-06', '2025-03-03', '2024-12-31', '2025-02-28', '2025-03-17'];
    expect(searchShards(days)).toEqual([
      { name: 'live', dir: '', first: '2025-03-03', last: '2025-03-17', days: 2 },
      { name: 'year', dir: 'shards/year/', first: '2025-01-06', last: '2025-02-28', days: 2 },
      { name: 'archive', dir: 'shards/archive/', first: '2023-05-02', last: '2024-12-31', days: 2 },
    ]);
    expect(shardPath({ dir: 'shards/year/' })).toBe('/pagefind/shards/year/');
  });

  it('leaves out a shard with no day: a January site has no year shard, a first-year site no archive', () => {
    expect(searchShards(['2026-01-05', '2025-12-31']).map((s) => s.name)).toEqual(['live', 'archive']);
    expect(searchShards(['2025-03-17', '2025-02-03']).map((s) => s.name)).toEqual(['live', 'year']);
    expect(searchShards([])).toEqual([]);
  });

  it('moves a period along as the newest day does: a month closes into the year, a year into the archive', () => {
    expect(shardOf('2025-11-28', '2025-11-30')).toBe('live');
    expect(shardOf('2025-11-28', '2025-12-01')).toBe('year');
    expect(shardOf('2025-11-28', '2026-01-02')).toBe('archive');
  });
});

describe('shardPlan', () => {
  it('gives each shard its papers, and a site with none its empty live shard', () => {
    const papers = [
      { day: '2025-03-17', id: 'a' },
      { day: '2024-12-31', id: 'b' },
      { day: '2025-03-03', id: 'c' },
    ];
    expect(shardPlan(papers).map(({ shard, papers: inShard }) => [shard.name, inShard.map((p) => p.id)])).toEqual([
      ['live', ['a', 'c']],
      ['archive', ['b']],
    ]);
    expect(shardPlan([])).toEqual([{ shard: { name: 'live', dir: '', first: '', last: '', days: 0 }, papers: [] }]);
  });
});

describe('withoutVotes', () => {
  it('drops the votes: and hf_upvotes: lines of the front matter, and nothing else', () => {
    const file = '---\ntitle: "Votes: a study"\nvotes: 3\nhf_upvotes: 12 # from Hugging Face\n---\n\nvotes: in the abstract stay.\n';
    expect(withoutVotes(file)).toBe('---\ntitle: "Votes: a study"\n---\n\nvotes: in the abstract stay.\n');
    expect(withoutVotes(file.replace('votes: 3', 'votes: 40'))).toBe(withoutVotes(file));
    expect(withoutVotes('no front matter\nvotes: 1\n')).toBe('no front matter\nvotes: 1\n');
  });
});
