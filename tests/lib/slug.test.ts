import { describe, expect, it } from 'vitest';
import { normalizeTitle, slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it('makes lowercase ASCII words joined by hyphens', () => {
    expect(slugify('Reasoning to Attend: Try to Understand How <SEG> Token Works')).toBe(
      'reasoning-to-attend-try-to-understand-how-seg-token-works',
    );
  });
  it('folds accents and special letters', () => {
    expect(slugify('Łukasz Kaiser')).toBe('lukasz-kaiser');
    expect(slugify('Lukasz Kaiser')).toBe('lukasz-kaiser');
    expect(slugify('Müller, Ørsted & Straße')).toBe('muller-orsted-strasse');
  });
  it('keeps apostrophes inside words', () => {
    expect(slugify("Enhence LLM's Reasoning")).toBe('enhence-llms-reasoning');
  });
  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^word(-word)*$/);
  });
  it('returns an empty slug when there are no letters or digits', () => {
    expect(slugify('¿¡ — !?')).toBe('');
  });
});

describe('normalizeTitle', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(normalizeTitle('Token-level  Direct Preference Optimization')).toBe(
      normalizeTitle('token level direct preference optimization.'),
    );
  });
});
