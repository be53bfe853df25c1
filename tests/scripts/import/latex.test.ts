import { describe, expect, it } from 'vitest';
import { cleanLatex } from '../../../scripts/import/latex.ts';

describe('cleanLatex', () => {
  it('unescapes special characters', () => {
    expect(cleanLatex('up to 62.3\\% and Strip\\_MLP, R\\&D, \\#1')).toBe('up to 62.3% and Strip_MLP, R&D, #1');
  });
  it('turns text commands into characters, ending the command name as TeX does', () => {
    expect(cleanLatex('requires \\textless2MB')).toBe('requires <2MB');
    expect(cleanLatex('a \\textgreater{} b')).toBe('a > b');
    expect(cleanLatex('(\\eg, DINOv2) and \\ie this')).toBe('(e.g., DINOv2) and i.e. this');
  });
  it('composes accents', () => {
    expect(cleanLatex('a na\\"ive approach')).toBe('a naïve approach');
    expect(cleanLatex('Erd\\H{o}s and G\\"{o}del and caf\\\'e')).toBe('Erdős and Gödel and café');
  });
  it('turns TeX quotes into typographic quotes', () => {
    expect(cleanLatex("a ``token'' is")).toBe('a “token” is');
  });
  it('leaves math and unknown commands alone', () => {
    expect(cleanLatex('$O(n^2)$ and \\mathcal{O} and 1.8~2.01x')).toBe('$O(n^2)$ and \\mathcal{O} and 1.8~2.01x');
  });
  it('is idempotent', () => {
    const once = cleanLatex("na\\\"ive 62.3\\% ``q'' \\textless2");
    expect(cleanLatex(once)).toBe(once);
  });
});
