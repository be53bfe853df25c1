/**
 * Grouping papers for listings: by day, ISO week and month, by tag and by author. Pure and
 * deterministic: every order has a tie-breaker, so the output never depends on input order.
 */

import { authorShelf, authorSlug } from '../content/author-slug.ts';
import type { Paper } from '../content/paper.ts';
import { compareByVotes } from '../content/paper.ts';
import type { DayKey } from '../lib/dates.ts';
import { compareText } from '../lib/text.ts';

/** The fields grouping needs. */
export type GroupedPaper = Pick<Paper, 'id' | 'day' | 'title' | 'totalVotes' | 'tags' | 'authors'>;

/** One listing day and its papers, ordered by votes then title. */
export interface DayGroup<P extends GroupedPaper = Paper> {
  day: DayKey;
  papers: P[];
}

/** A week or month: its days (newest first) and all its papers ranked by votes ("top of the week"). */
export interface PeriodGroup<P extends GroupedPaper = Paper> {
  key: string;
  days: DayGroup<P>[];
  byVotes: P[];
}

/** Newest day first; within a day, most votes first, then title, then id. */
export function compareNewestFirst(a: GroupedPaper, b: GroupedPaper): number {
  return a.day === b.day ? compareByVotes(a, b) : a.day < b.day ? 1 : -1;
}

/** Listing days that have papers, newest first, each ordered by votes. */
export function groupByDay<P extends GroupedPaper>(papers: readonly P[]): DayGroup<P>[] {
  const days: DayGroup<P>[] = [];
  for (const paper of [...papers].sort(compareNewestFirst)) {
    const last = days.at(-1);
    if (last?.day === paper.day) {
      last.papers.push(paper);
    } else {
      days.push({ day: paper.day, papers: [paper] });
    }
  }
  return days;
}

/** Weeks or months (by `keyOf(day)`) that have papers, newest first, with their days and top papers. */
export function groupByPeriod<P extends GroupedPaper>(days: readonly DayGroup<P>[], keyOf: (day: DayKey) => string): PeriodGroup<P>[] {
  const periods: PeriodGroup<P>[] = [];
  for (const day of days) {
    const key = keyOf(day.day);
    const last = periods.at(-1);
    if (last?.key === key) {
      last.days.push(day);
    } else {
      periods.push({ key, days: [day], byVotes: [] });
    }
  }
  for (const period of periods) {
    period.byVotes = period.days.flatMap((d) => d.papers).sort(compareByVotes);
  }
  return periods;
}

/** Every tag with its papers, newest first; tags in alphabetical order. */
export function groupByTag<P extends GroupedPaper>(papers: readonly P[]): { tag: string; papers: P[] }[] {
  const byTag = new Map<string, P[]>();
  for (const paper of papers) {
    for (const tag of paper.tags) {
      byTag.set(tag, [...(byTag.get(tag) ?? []), paper]);
    }
  }
  return [...byTag].map(([tag, list]) => ({ tag, papers: list.sort(compareNewestFirst) })).sort((a, b) => compareText(a.tag, b.tag));
}

/** An author: one slug for every spelling that folds to it ("Łukasz Kaiser", "Lukasz Kaiser"). */
export interface AuthorGroup<P extends GroupedPaper = Paper> {
  slug: string;
  /** The spelling used most often (ties: the first in code-point order), shown as the name. */
  name: string;
  /** Every spelling seen, in code-point order. */
  names: string[];
  papers: P[];
}

/** Authors by slug, in slug order; each author's papers newest first. Every name has a slug. */
export function groupByAuthor<P extends GroupedPaper>(papers: readonly P[]): AuthorGroup<P>[] {
  const bySlug = new Map<string, { counts: Map<string, number>; papers: Set<P> }>();
  for (const paper of papers) {
    for (const name of paper.authors) {
      const slug = authorSlug(name);
      const entry = bySlug.get(slug) ?? { counts: new Map(), papers: new Set() };
      entry.counts.set(name, (entry.counts.get(name) ?? 0) + 1);
      entry.papers.add(paper);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug]
    .map(([slug, { counts, papers: set }]) => {
      const names = [...counts.keys()].sort(compareText);
      const name = [...names].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || compareText(a, b))[0] ?? slug;
      return { slug, name, names, papers: [...set].sort(compareNewestFirst) };
    })
    .sort((a, b) => compareText(a.slug, b.slug));
}

/** Authors on their pages (`authorShelf`), in shelf order; each page's authors by name. */
export function groupByShelf<P extends GroupedPaper>(authors: readonly AuthorGroup<P>[]): { shelf: string; authors: AuthorGroup<P>[] }[] {
  const byShelf = new Map<string, AuthorGroup<P>[]>();
  for (const author of authors) {
    const shelf = authorShelf(author.slug);
    const list = byShelf.get(shelf);
    if (list) {
      list.push(author);
    } else {
      byShelf.set(shelf, [author]);
    }
  }
  return [...byShelf]
    .sort(([a], [b]) => compareText(a, b))
    .map(([shelf, list]) => ({ shelf, authors: list.sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug)) }));
}

/** The newer and older neighbours of `key` in a newest-first list of keys. */
export function neighbours(keys: readonly string[], key: string): { previous?: string; next?: string } {
  const index = keys.indexOf(key);
  if (index === -1) {
    return {};
  }
  const older = keys[index + 1];
  const newer = index > 0 ? keys[index - 1] : undefined;
  return { ...(older === undefined ? {} : { previous: older }), ...(newer === undefined ? {} : { next: newer }) };
}

/** Splits a list into pages of `size`; always at least one page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    pages.push(items.slice(i, i + size));
  }
  return pages.length === 0 ? [[]] : pages;
}
