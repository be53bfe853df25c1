import { describe, expect, it } from 'vitest';
import { AUTHOR_SHELVES, authorShelf } from '../../src/content/author-slug.ts';
import {
  compareNewestFirst,
  type GroupedPaper,
  groupByAuthor,
  groupByDay,
  groupByPeriod,
  groupByShelf,
  groupByTag,
  neighbours,
} from '../../src/data/groups.ts';
import { monthOf, weekOf } from '../../src/lib/dates.ts';

const paper = (id: string, day: string, votes = 0, extra: Partial<GroupedPaper> = {}): GroupedPaper => ({
  id,
  day,
  title: extra.title ?? id.toUpperCase(),
  totalVotes: votes,
  tags: extra.tags ?? [],
  authors: extra.authors ?? [],
});
const ids = (list: { id: string }[]) => list.map((p) => p.id);

// Papers over the turn of 2024 into 2025: 2024-12-30 and 2024-12-31 belong to ISO week 2025-W01.
const PAPERS = [
  paper('a', '2024-12-30', 3),
  paper('b', '2024-12-31', 9),
  paper('c', '2025-01-03', 1),
  paper('d', '2025-01-06', 5, { title: 'Same' }),
  paper('e', '2025-01-06', 5, { title: 'Same' }),
  paper('f', '2025-01-06', 5, { title: 'Earlier title' }),
  paper('g', '2025-01-20', 0),
  paper('h', '2024-12-02', 2),
];

describe('groupByDay', () => {
  it('lists days newest first, each by votes, then title, then id, whatever the input order', () => {
    const days = groupByDay([...PAPERS].reverse());
    expect(days.map((d) => d.day)).toEqual(['2025-01-20', '2025-01-06', '2025-01-03', '2024-12-31', '2024-12-30', '2024-12-02']);
    expect(ids(days[1]?.papers ?? [])).toEqual(['f', 'd', 'e']);
    expect(groupByDay(PAPERS)).toEqual(days);
  });
});

describe('groupByPeriod', () => {
  it('puts the last days of 2024 into week 2025-W01 and skips weeks without papers', () => {
    const weeks = groupByPeriod(groupByDay(PAPERS), weekOf);
    expect(weeks.map((w) => w.key)).toEqual(['2025-W04', '2025-W02', '2025-W01', '2024-W49']);
    const w1 = weeks[2];
    expect(w1?.days.map((d) => d.day)).toEqual(['2025-01-03', '2024-12-31', '2024-12-30']);
    expect(ids(w1?.byVotes ?? [])).toEqual(['b', 'a', 'c']);
  });
  it('groups months by calendar month, newest first, with the month’s top papers by votes', () => {
    const months = groupByPeriod(groupByDay(PAPERS), monthOf);
    expect(months.map((m) => m.key)).toEqual(['2025-01', '2024-12']);
    expect(ids(months[0]?.byVotes ?? [])).toEqual(['f', 'd', 'e', 'c', 'g']);
    expect(ids(months[1]?.byVotes ?? [])).toEqual(['b', 'a', 'h']);
  });
});

describe('groupByTag', () => {
  it('lists tags in code-point order, each with its papers newest first', () => {
    const tagged = [
      paper('x', '2025-01-01', 0, { tags: ['vision', 'llm'] }),
      paper('y', '2025-01-02', 0, { tags: ['llm'] }),
      paper('z', '2025-01-02', 4, { tags: ['agents', 'llm'] }),
    ];
    const tags = groupByTag(tagged);
    expect(tags.map((t) => t.tag)).toEqual(['agents', 'llm', 'vision']);
    expect(ids(tags[1]?.papers ?? [])).toEqual(['z', 'y', 'x']);
  });
});

describe('groupByAuthor', () => {
  it('gives spellings that fold alike one author, named by the commonest spelling, and keeps other scripts apart', () => {
    const written = [
      paper('p1', '2025-01-01', 0, { authors: ['Łukasz Kaiser', 'Иван Петров'] }),
      paper('p2', '2025-01-02', 0, { authors: ['Lukasz Kaiser', 'Ivan Petrov'] }),
      paper('p3', '2025-01-03', 0, { authors: ['Łukasz Kaiser'] }),
    ];
    const authors = groupByAuthor(written);
    const lukasz = authors.find((a) => a.slug === 'lukasz-kaiser');
    expect(lukasz?.name).toBe('Łukasz Kaiser');
    expect(lukasz?.names).toEqual(['Lukasz Kaiser', 'Łukasz Kaiser']);
    expect(ids(lukasz?.papers ?? [])).toEqual(['p3', 'p2', 'p1']);
    expect(authors.filter((a) => a.name.includes('Petrov') || a.name.includes('Петров')).map((a) => ids(a.papers))).toEqual([
      ['p2'],
      ['p1'],
    ]);
    expect(authors.map((a) => a.slug)).toEqual([...authors.map((a) => a.slug)].sort());
  });
});

describe('groupByShelf', () => {
  it('puts every author on the page their slug hashes to, pages in order, authors by name', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      paper(`p${i}`, '2025-01-01', 0, { authors: [`Author ${i} Zed`, `Ada ${i % 7} Lovelace`] }),
    );
    const authors = groupByAuthor(many);
    const shelves = groupByShelf(authors);
    expect(shelves.flatMap((s) => s.authors).length).toBe(authors.length);
    for (const { shelf, authors: list } of shelves) {
      for (const a of list) {
        expect(authorShelf(a.slug)).toBe(shelf);
      }
      expect(list.map((a) => a.name)).toEqual([...list.map((a) => a.name)].sort());
    }
    expect(shelves.map((s) => s.shelf)).toEqual([...shelves.map((s) => s.shelf)].sort());
    // 3,007 authors spread over most of the 1,024 pages: no page holds more than a handful.
    expect(shelves.length).toBeGreaterThan(0.9 * AUTHOR_SHELVES);
    expect(Math.max(...shelves.map((s) => s.authors.length))).toBeLessThan(15);
  });
});

describe('neighbours', () => {
  it('names the older key previous and the newer key next, in a newest-first list', () => {
    expect(neighbours(['2025-W04', '2025-W02', '2025-W01'], '2025-W02')).toEqual({ previous: '2025-W01', next: '2025-W04' });
    expect(neighbours(['2025-W04', '2025-W02'], '2025-W04')).toEqual({ previous: '2025-W02' });
    expect(neighbours(['2025-W04'], '2025-W09')).toEqual({});
  });
});

describe('compareNewestFirst', () => {
  it('orders by day, then votes, then title, then id', () => {
    expect([...PAPERS].sort(compareNewestFirst).map((p) => p.id)).toEqual(['g', 'f', 'd', 'e', 'c', 'b', 'a', 'h']);
  });
});
