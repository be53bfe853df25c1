import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, FETCH_LIMIT, libraryFile } from '../../src/client/library-files.ts';
import type { SavedPaper } from '../../src/client/library-store.ts';
import { referencesIn } from '../../src/data/citation-formats.ts';

// Saved papers as the library keeps them (from the seed's paper pages' JSON-LD).
const saved: SavedPaper[] = [
  {
    id: 'tidaldecode-fast-and-accurate-llm-decoding-with-position-persistent-sparse-attention',
    title: 'TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention',
    authors: ['Lijie Yang', 'Zhihao Zhang', 'Zhuofu Chen', 'Zikun Li', 'Zhihao Jia'],
    day: '2025-03-17',
    arxiv: '2410.05076',
    published: '2024-10-07',
    category: 'cs.LG',
    path: '/papers/tidaldecode-fast-and-accurate-llm-decoding-with-position-persistent-sparse-attention/',
    saved: 2,
  },
  {
    id: 'attentive-mask-clip',
    title: 'Attentive Mask CLIP',
    authors: ['Yifan Yang', 'Łukasz Kaiser'],
    day: '2025-03-17',
    path: '/papers/attentive-mask-clip/',
    saved: 1,
  },
];
const ORIGIN = 'https://papers.example.org';

describe('libraryFile', () => {
  it('writes the library in each format, read back as the same papers by real parsers', () => {
    const bib = libraryFile('bibtex', saved, ORIGIN);
    const parsed = parseBibtex(bib);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => [e.key, e.fields.title, e.fields.eprint])).toEqual([
      ['yang2024tidaldecode', 'TidalDecode: Fast and accurate LLM decoding with position persistent sparse attention', '2410.05076'],
      ['yangattentive', 'Attentive mask CLIP', undefined],
    ]);
    const ris = new Cite(libraryFile('ris', saved, ORIGIN)).data as { title: string; URL: string }[];
    expect(ris.map((i) => [i.title, i.URL])).toEqual([
      [saved[0]?.title, 'https://arxiv.org/abs/2410.05076'],
      ['Attentive Mask CLIP', `${ORIGIN}/papers/attentive-mask-clip/`],
    ]);
    const csl = new Cite(JSON.parse(libraryFile('csl-json', saved, ORIGIN))).data as { author: unknown[] }[];
    expect(csl[1]?.author).toEqual([
      { family: 'Yang', given: 'Yifan' },
      { family: 'Kaiser', given: 'Łukasz' },
    ]);
    // What import reads back: the arXiv id, or this site's page.
    expect(referencesIn(bib).map((r) => r.arxiv ?? r.urls[0])).toEqual(['2410.05076', `${ORIGIN}/papers/attentive-mask-clip/`]);
  });
});

describe('share links', () => {
  it('carry the ids compressed, and give them back in order', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `a-paper-with-a-long-title-number-${i}`);
    const packed = await encodeShare(ids);
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(ids.join('\n').length / 4);
    expect(await decodeShare(packed)).toEqual(ids);
    expect(await decodeShare(await encodeShare(['2410.05076']))).toEqual(['2410.05076']);
  });
  it('read nothing from a link that is damaged, not deflate, or names what is not a paper id', async () => {
    const packed = await encodeShare(['2410.05076', 'attentive-mask-clip']);
    expect(await decodeShare(packed.slice(0, -3))).toBeUndefined();
    expect(await decodeShare('not base64!')).toBeUndefined();
    expect(await decodeShare(btoa('plain text, not deflate'))).toBeUndefined();
    expect(await decodeShare(await encodeShare(['../../etc/passwd']))).toBeUndefined();
    expect(await decodeShare(await encodeShare(['javascript:alert(1)']))).toBeUndefined();
    expect(await decodeShare(await encodeShare(Array.from({ length: FETCH_LIMIT + 1 }, (_, i) => `p${i}`)))).toBeUndefined();
  });
});
