import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAbstract, toPlainText } from '../../src/content/markdown.ts';
import { readPaperFile } from '../../src/content/paper-file.ts';
import { relatedPapers, stem, terms } from '../../src/data/related.ts';
import { ROOT } from '../support/run.ts';

const dir = path.join(ROOT, 'content/papers/2025-03-17');
const seed = readdirSync(dir)
  .sort()
  .map((file) => {
    const { data, body } = readPaperFile(readFileSync(path.join(dir, file), 'utf8'));
    return { id: file.slice(0, -3), title: String(data.title), abstract: toPlainText(parseAbstract(body)) };
  });
const title = new Map(seed.map((p) => [p.id, p.title]));
const related = relatedPapers(seed);

describe('terms', () => {
  it('drops stop words and numbers and stems the rest', () => {
    expect(terms('We propose speculative decoding with 2 draft models')).toEqual(['speculative', 'decod', 'draft']);
    expect(stem('decoding')).toBe('decod');
    expect(stem('tokens')).toBe('token');
  });
});

describe('relatedPapers on the seed', () => {
  it('gives every paper up to five related papers (most get five), never itself', () => {
    expect(related.size).toBe(75);
    for (const [id, list] of related) {
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list).not.toContain(id);
      expect(new Set(list).size).toBe(list.length);
    }
    expect([...related.values()].filter((list) => list.length === 5).length).toBeGreaterThanOrEqual(68);
  });

  it('lists the speculative-decoding papers for each other', () => {
    const speculative = seed.filter((p) => /speculative/i.test(p.title)).map((p) => p.id);
    expect(speculative.length).toBeGreaterThanOrEqual(5);
    for (const id of speculative) {
      const hits = (related.get(id) ?? []).filter((other) => /specul|draft|decod/i.test(title.get(other) ?? ''));
      expect(hits.length, `${title.get(id)} → ${(related.get(id) ?? []).map((o) => title.get(o)).join(' | ')}`).toBeGreaterThanOrEqual(3);
    }
    const kangaroo = seed.find((p) => p.title.startsWith('Kangaroo'))?.id ?? '';
    const s2d = seed.find((p) => p.title.startsWith('S2D'))?.id ?? '';
    expect(related.get(kangaroo)).toContain(s2d);
    expect(related.get(s2d)).toContain(kangaroo);
  });

  it('is deterministic whatever the input order', () => {
    expect(relatedPapers([...seed].reverse())).toEqual(related);
  });
});
