/**
 * Trending papers, as on Hugging Face: votes that count for less as a paper ages. A paper's age is
 * counted in days back from the site's newest listing day, never from the clock, so the same
 * content always builds the same page:
 *
 *   score = votes / (age + 2) ^ 1.5
 *
 * (Hacker News' "gravity": a day-old paper needs 1.8 × the votes of a new one to rank with it, a
 * week-old one 5.2 ×). Papers listed within the last `windowDays` days with at least one vote are
 * ranked by score; ties by votes, then title, then id.
 */

import { compareByVotes } from '../content/paper.ts';
import type { DayKey } from '../lib/dates.ts';
import { daysBetween } from '../lib/dates.ts';
import type { GroupedPaper } from './groups.ts';

/** How fast votes fade with age. */
export const TRENDING_GRAVITY = 1.5;

/** The score of `votes` on a paper `age` days older than the newest listing day. */
export function trendingScore(votes: number, age: number): number {
  return votes / (age + 2) ** TRENDING_GRAVITY;
}

/** The `count` trending papers of `papers`, highest score first, with the newest listing day. */
export function rankTrending<P extends GroupedPaper>(
  papers: readonly P[],
  options: { count: number; windowDays: number },
): { newest?: DayKey; papers: P[] } {
  let newest: DayKey | undefined;
  for (const paper of papers) {
    if (newest === undefined || paper.day > newest) {
      newest = paper.day;
    }
  }
  if (newest === undefined) {
    return { papers: [] };
  }
  const from = newest;
  const scored = papers
    .map((paper) => ({ paper, age: daysBetween(paper.day, from) }))
    .filter(({ paper, age }) => paper.totalVotes > 0 && age < options.windowDays)
    .map(({ paper, age }) => ({ paper, score: trendingScore(paper.totalVotes, age) }));
  scored.sort((a, b) => b.score - a.score || compareByVotes(a.paper, b.paper));
  return { newest, papers: scored.slice(0, options.count).map((s) => s.paper) };
}
