import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArxivFeed } from '../../../scripts/import/arxiv.ts';
import { parseArxivRef } from '../../../src/lib/arxiv-id.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/arxiv/${name}`, import.meta.url), 'utf8');

describe('parseArxivRef', () => {
  it('reads ids the way people paste them', () => {
    expect(parseArxivRef('2503.01234')).toEqual({ id: '2503.01234' });
    expect(parseArxivRef('arXiv:2503.01234v2')).toEqual({ id: '2503.01234', version: 'v2' });
    expect(parseArxivRef('https://arxiv.org/abs/2503.01234')).toEqual({ id: '2503.01234' });
    expect(parseArxivRef('https://arxiv.org/pdf/2503.01234v2.pdf')).toEqual({ id: '2503.01234', version: 'v2' });
    expect(parseArxivRef('hep-ex/0307015')).toEqual({ id: 'hep-ex/0307015' });
    expect(parseArxivRef('https://arxiv.org/abs/math.gt/0309136v1')).toEqual({ id: 'math.GT/0309136', version: 'v1' });
  });
  it('refuses anything else', () => {
    for (const bad of ['2503.0123x', '2503.123', 'https://example.org/abs/2503.01234', 'javascript:alert(1)', '']) {
      expect(parseArxivRef(bad), bad).toBeUndefined();
    }
  });
});

describe(`parseArxivFeed (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('reads an entry, joining wrapped lines and taking the UTC publication day', () => {
    const [entry] = parseArxivFeed(fixture('tidaldecode.xml')).entries;
    expect(entry?.fields).toEqual({
      title: 'TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention',
      authors: ['Lijie Yang', 'Zhihao Zhang', 'Zhuofu Chen', 'Zikun Li', 'Zhihao Jia'],
      arxiv: '2410.05076',
      published: '2024-10-07',
      links: { pdf: 'https://arxiv.org/pdf/2410.05076' },
      category: 'cs.LG',
      comment: '18 pages, 10 figures',
    });
    expect(entry?.abstract).toMatch(/^Large language models \(LLMs\) have driven significant advancements across diverse NLP tasks, with/);
    expect(entry?.abstract).toContain('position persistent sparse attention & a cache-correction mechanism');
  });
  it('reads old-style ids, journal references and versions', () => {
    expect(parseArxivFeed(fixture('old-style.xml')).entries[0]?.fields).toMatchObject({
      arxiv: 'hep-ex/0307015',
      journal: 'Eur.Phys.J. C31 (2003) 17-29',
      category: 'hep-ex',
    });
    expect(parseArxivFeed(fixture('versioned.xml')).entries[0]?.ref).toEqual({ id: '2503.01234', version: 'v2' });
  });
  it("recognises arXiv's error feed and an empty result", () => {
    expect(parseArxivFeed(fixture('error.xml'))).toEqual({ entries: [], problems: [], apiError: 'incorrect id format for 2503.0123x' });
    expect(parseArxivFeed(fixture('empty.xml'))).toEqual({ entries: [], problems: [], totalResults: 0 });
  });
  it('reports what is not a feed', () => {
    expect(parseArxivFeed('<html></html>').problems).toEqual([{ index: 0, message: 'not an Atom feed (no <feed> element)' }]);
  });
});
