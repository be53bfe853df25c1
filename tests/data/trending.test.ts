import { describe, expect, it } from 'vitest';
import { rankTrending, trendingScore } from '../../src/data/trending.ts';

const paper = (id: string, day: string, votes: number) => ({ id, day, totalVotes: votes, title: `Paper ${id}`, tags: [], authors: [] });

describe('trendingScore', () => {
  it('divides votes by (age + 2)^1.5', () => {
    expect(trendingScore(8, 0)).toBeCloseTo(8 / 2 ** 1.5, 12);
    expect(trendingScore(8, 2)).toBeCloseTo(1, 12);
    expect(trendingScore(0, 0)).toBe(0);
  });
});

describe('rankTrending', () => {
  const papers = [
    paper('old-hit', '2025-03-03', 100), // age 14: 100 / 16^1.5 = 1.56
    paper('new-modest', '2025-03-17', 5), // age 0: 5 / 2.83 = 1.77
    paper('week-old', '2025-03-10', 40), // age 7: 40 / 27 = 1.48
    paper('yesterday', '2025-03-16', 4), // age 1: 4 / 5.20 = 0.77
    paper('no-votes', '2025-03-17', 0),
    paper('too-old', '2025-01-02', 10_000), // outside a 30-day window
  ];

  it('ranks by votes that fade with age, from the newest listing day rather than the clock', () => {
    const { newest, papers: ranked } = rankTrending(papers, { count: 10, windowDays: 30 });
    expect(newest).toBe('2025-03-17');
    expect(ranked.map((p) => p.id)).toEqual(['new-modest', 'old-hit', 'week-old', 'yesterday']);
  });

  it('keeps the window and the count, and gives the same order whatever the input order', () => {
    expect(rankTrending(papers, { count: 2, windowDays: 30 }).papers.map((p) => p.id)).toEqual(['new-modest', 'old-hit']);
    expect(rankTrending(papers, { count: 10, windowDays: 8 }).papers.map((p) => p.id)).toEqual(['new-modest', 'week-old', 'yesterday']);
    expect(rankTrending([...papers].reverse(), { count: 10, windowDays: 30 })).toEqual(rankTrending(papers, { count: 10, windowDays: 30 }));
  });

  it('breaks equal scores by votes, then title', () => {
    const tied = [paper('b', '2025-03-17', 3), paper('a', '2025-03-17', 3)];
    expect(rankTrending(tied, { count: 10, windowDays: 30 }).papers.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('has nothing to rank on an empty site', () => {
    expect(rankTrending([], { count: 10, windowDays: 30 })).toEqual({ papers: [] });
  });
});
