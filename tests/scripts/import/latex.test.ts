import { describe, expect, it } from 'vitest';
import { cleanLatex, repairStrippedTex } from '../../../scripts/import/latex.ts';

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

describe('repairStrippedTex', () => {
  it("restores the seed's stripped TeX where it is certain", () => {
    // Sentences of the Daily Papers listing of 17 March 2025, as the page's text gave them.
    const seed: [string, string][] = [
      ['increases speed-ups by 1.75times and 1.76times, as compared', 'increases speed-ups by 1.75× and 1.76×, as compared'],
      ['a cell (a ktimes k grouping of neighboring patches)', 'a cell (a k × k grouping of neighboring patches)'],
      ['while achieving 20times faster inference', 'while achieving 20× faster inference'],
      ['with only sim30 human-annotated pairs', 'with only ∼30 human-annotated pairs'],
      ['we observe an 80%sim95% co-currency rate', 'we observe an 80%∼95% co-currency rate'],
      ['the time with prompts of kleq 10 tokens', 'the time with prompts of k ≤ 10 tokens'],
      ['output token sequences R_y(mathbf x_0) for which', 'output token sequences $R_y(\\mathbf{x}_0)$ for which'],
      ['a control input sequence mathbf u for each mathbf y in R', 'a control input sequence $\\mathbf{u}$ for each $\\mathbf{y}$ in R'],
    ];
    for (const [before, after] of seed) {
      expect(repairStrippedTex(before), before).toBe(after);
    }
    for (const [, after] of seed) {
      expect(repairStrippedTex(after), after).toBe(after);
    }
  });

  it('never alters prose', () => {
    const prose = [
      'three times faster',
      'up to 3 times the speed',
      'sometimes, oftentimes, at times, in times of plenty',
      'runtimes and lifetimes k',
      'a leq-shaped curve, and the keq 5 rule',
      'similar simulations simulate a simple sim',
      'x times y',
      'the mathbf package',
      'k-times faster',
    ];
    for (const text of prose) {
      expect(repairStrippedTex(text), text).toBe(text);
    }
  });
});
