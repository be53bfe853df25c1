import { describe, expect, it } from 'vitest';
import { newestSaved } from '../../src/client/library-order.ts';
import {
  addPapers,
  emptyReading,
  LIBRARY_VERSION,
  type Library,
  markRead,
  paperFromCitation,
  parseLibrary,
  parseReading,
  readSavedPaper,
  removePaper,
  type SavedPaper,
  savePaper,
  visitDay,
} from '../../src/client/library-store.ts';

const paper = (id: string, saved: number, title = `Title ${id}`): SavedPaper => ({
  id,
  title,
  authors: ['Ada Lovelace', 'Alan Turing'],
  day: '2025-03-17',
  arxiv: '2503.01234',
  path: `/papers/${id}/`,
  saved,
});
const stored = (papers: unknown[], version: unknown = LIBRARY_VERSION) => JSON.stringify({ version, papers });

describe('parseLibrary', () => {
  it('reads what this version stored, and nothing stored as an empty library', () => {
    expect(parseLibrary(stored([paper('a', 1)]))).toEqual({ library: { version: 1, papers: [paper('a', 1)] }, dropped: false });
    expect(parseLibrary(null)).toEqual({ library: { version: 1, papers: [] }, dropped: false });
  });

  it('drops the whole value when it is not JSON, another version, or holds one malformed paper', () => {
    const bad = [
      'not json',
      '[]',
      'null',
      stored([paper('a', 1)], 2),
      stored([paper('a', 1)], '1'),
      JSON.stringify({ version: 1, papers: {} }),
      stored([paper('a', 1), { ...paper('b', 2), path: 'javascript:alert(1)' }]),
      stored([{ ...paper('a', 1), path: '//evil.example/' }]),
      stored([{ ...paper('a', 1), path: 'https://evil.example/' }]),
      stored([{ ...paper('a', 1), day: '2025-3-17' }]),
      stored([{ ...paper('a', 1), authors: 'Ada' }]),
      stored([{ ...paper('a', 1), authors: [''] }]),
      stored([{ ...paper('a', 1), title: '' }]),
      stored([{ ...paper('a', 1), title: 'x'.repeat(2_001) }]),
      stored([{ ...paper('a', 1), saved: 1.5 }]),
      stored([{ ...paper('a', 1), arxiv: 42 }]),
    ];
    for (const value of bad) {
      expect(parseLibrary(value), value).toEqual({ library: { version: 1, papers: [] }, dropped: true });
    }
  });

  it('keeps only the fields a saved paper has', () => {
    const read = readSavedPaper({ ...paper('a', 1), extra: '<script>', __proto__: { polluted: true } });
    expect(read).toEqual(paper('a', 1));
    expect(Object.keys(read ?? {})).not.toContain('extra');
  });
});

describe('savePaper, removePaper and newestSaved', () => {
  it('saves once per paper (saving again moves it to now), removes, and lists newest saved first', () => {
    let library: Library = { version: LIBRARY_VERSION, papers: [] };
    library = savePaper(library, paper('a', 1));
    library = savePaper(library, paper('b', 2));
    library = savePaper(library, paper('a', 3));
    expect(newestSaved(library).map((p) => p.id)).toEqual(['a', 'b']);
    expect(newestSaved(removePaper(library, 'a')).map((p) => p.id)).toEqual(['b']);
    // Saved in the same millisecond: by title, then id.
    const tied = savePaper(savePaper(library, paper('c', 3, 'Alpha')), paper('d', 3, 'Alpha'));
    expect(newestSaved(tied).map((p) => p.id)).toEqual(['c', 'd', 'a', 'b']);
  });
});

describe('addPapers', () => {
  it('adds the papers not yet saved, the first of them newest, all after every saved one, and keeps the rest as they are', () => {
    const library: Library = { version: LIBRARY_VERSION, papers: [paper('a', 5_000), paper('b', 1)] };
    const { library: next, added } = addPapers(library, [paper('x', 0), paper('a', 0), paper('y', 0)], 1_000);
    expect(added).toBe(2);
    expect(newestSaved(next).map((p) => [p.id, p.saved])).toEqual([
      ['x', 5_002],
      ['y', 5_001],
      ['a', 5_000],
      ['b', 1],
    ]);
    expect(addPapers(next, [paper('z', 0)], 9_000).library.papers.find((p) => p.id === 'z')?.saved).toBe(9_000);
  });
});

describe('the reading state', () => {
  it('reads what this version stored, and drops anything else whole', () => {
    const ok = { version: 1, track: false, hideRead: true, read: ['a'], seen: [['2025-03-17', ['a', 'b']]] };
    expect(parseReading(JSON.stringify(ok))).toEqual({ reading: ok, dropped: false });
    expect(parseReading(null)).toEqual({ reading: emptyReading(), dropped: false });
    for (const bad of [
      'nope',
      JSON.stringify({ ...ok, version: 2 }),
      JSON.stringify({ ...ok, track: 'yes' }),
      JSON.stringify({ ...ok, read: [1] }),
      JSON.stringify({ ...ok, seen: [['17 March', ['a']]] }),
      JSON.stringify({ ...ok, seen: [['2025-03-17', 'a']] }),
    ]) {
      expect(parseReading(bad), bad).toEqual({ reading: emptyReading(), dropped: true });
    }
  });

  it('marks a paper read once, the newest last', () => {
    const reading = markRead(markRead(markRead(emptyReading(), 'a'), 'b'), 'a');
    expect(reading.read).toEqual(['b', 'a']);
  });

  it('finds nothing new on a first visit to a day, then what the day did not list last time', () => {
    const first = visitDay(emptyReading(), '2025-03-17', ['a', 'b']);
    expect([...first.fresh]).toEqual([]);
    const second = visitDay(first.reading, '2025-03-17', ['a', 'b', 'c']);
    expect([...second.fresh]).toEqual(['c']);
    expect([...visitDay(second.reading, '2025-03-17', ['a', 'b', 'c']).fresh]).toEqual([]);
    // Other days are their own.
    expect([...visitDay(second.reading, '2025-03-18', ['d']).fresh]).toEqual([]);
  });

  it('keeps the last 60 days visited', () => {
    let reading = emptyReading();
    for (let d = 1; d <= 70; d++) {
      reading = visitDay(reading, `2025-01-${String((d % 28) + 1).padStart(2, '0')}`, [String(d)]).reading;
    }
    expect(reading.seen.length).toBeLessThanOrEqual(60);
    let many = emptyReading();
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= 6; d++) {
        many = visitDay(many, `2025-${String(m).padStart(2, '0')}-0${d}`, ['x']).reading;
      }
    }
    expect(many.seen).toHaveLength(60);
    expect(many.seen.at(-1)?.[0]).toBe('2025-12-06');
  });
});

describe('paperFromCitation', () => {
  const article = {
    '@type': 'ScholarlyArticle',
    headline: 'TidalDecode: Fast and Accurate LLM Decoding',
    author: [
      { '@type': 'Person', name: 'Lijie Yang' },
      { '@type': 'Person', name: 'Zhihao Jia' },
    ],
    datePublished: '2024-10-07',
    identifier: 'arXiv:2410.05076',
    about: 'cs.LG',
  };
  it('keeps what a paper page carries: its JSON-LD, listing day and path', () => {
    expect(paperFromCitation(article, '2025-03-17', '/shelf/papers/tidaldecode/')).toEqual({
      id: 'tidaldecode',
      title: 'TidalDecode: Fast and Accurate LLM Decoding',
      authors: ['Lijie Yang', 'Zhihao Jia'],
      day: '2025-03-17',
      arxiv: '2410.05076',
      published: '2024-10-07',
      category: 'cs.LG',
      path: '/shelf/papers/tidaldecode/',
      saved: 0,
    });
  });
  it('gives nothing for a page that is not a paper page, or data not in the form', () => {
    expect(paperFromCitation(article, '2025-03-17', '/papers/')).toBeUndefined();
    expect(paperFromCitation(article, null, '/papers/x/')).toBeUndefined();
    expect(paperFromCitation({ ...article, headline: 3 }, '2025-03-17', '/papers/x/')).toBeUndefined();
    expect(paperFromCitation(null, '2025-03-17', '/papers/x/')).toBeUndefined();
  });
});
