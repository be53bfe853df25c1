import { describe, expect, it } from 'vitest';
import { AUTHOR_SHELVES, authorShelf, authorSlug } from '../../src/content/author-slug.ts';
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

describe('slugify in other scripts', () => {
  it('transliterates Chinese, Arabic, Greek and Cyrillic text', () => {
    expect(slugify('李飞飞')).toBe('li-fei-fei');
    expect(slugify('محمد علي')).toBe('mhmd-aaly');
    expect(slugify('Αλέξανδρος Παπαδόπουλος')).toBe('alexandros-papadopoylos');
    expect(slugify('Иван Петров')).toBe('ivan-petrov');
  });
  it('folds Latin letters that have no combining accent', () => {
    expect(slugify('Đặng Thị Ngọc Ánh')).toBe('dang-thi-ngoc-anh');
  });
});

describe('authorSlug', () => {
  it('keeps the plain slug for Latin names, so spellings that fold alike share a page', () => {
    expect(authorSlug('Łukasz Kaiser')).toBe('lukasz-kaiser');
    expect(authorSlug('Lukasz  Kaiser')).toBe('lukasz-kaiser');
    expect(authorSlug('Hao Wang')).toBe('hao-wang');
  });
  it('gives every name in another script a non-empty slug: its transliteration and a hash', () => {
    for (const name of ['李飞飞', 'محمد علي', 'Αλέξανδρος Παπαδόπουλος', 'Иван Петров', 'राहुल शर्मा', '김민수']) {
      expect(authorSlug(name), name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{6}$/);
    }
    expect(authorSlug('李飞飞')).toMatch(/^li-fei-fei-[0-9a-f]{6}$/);
  });
  it('keeps different names apart even when they transliterate alike', () => {
    expect(slugify('李飞')).toBe(slugify('黎飞'));
    expect(authorSlug('李飞')).not.toBe(authorSlug('黎飞'));
    expect(authorSlug('Иван Петров')).not.toBe(authorSlug('Ivan Petrov'));
  });
  it('is stable: the same name always gets the same slug, and case or spacing does not matter', () => {
    expect(authorSlug('Иван Петров')).toBe(authorSlug('ИВАН  ПЕТРОВ'));
    expect(authorSlug('Αλέξανδρος')).toBe(authorSlug('Αλεξανδρος'));
  });
  it('is never empty', () => {
    expect(authorSlug('—')).toMatch(/^author-[0-9a-f]{6}$/);
  });
  it('stays within 80 characters', () => {
    expect(authorSlug('Иван '.repeat(30)).length).toBeLessThanOrEqual(80);
  });
});

describe('normalizeTitle in other scripts', () => {
  it('tells titles in other scripts apart, and folds their case and punctuation', () => {
    expect(normalizeTitle('Нейронные сети')).not.toBe(normalizeTitle('Глубокое обучение'));
    expect(normalizeTitle('Нейронные сети.')).toBe(normalizeTitle('нейронные  СЕТИ'));
    expect(normalizeTitle('大语言模型')).not.toBe(normalizeTitle('视觉模型'));
  });
});

describe('authorShelf', () => {
  it('names one of the 1,024 author pages, the same for a slug in every build', () => {
    expect(AUTHOR_SHELVES).toBe(1024);
    // The first 10 bits of SHA-256('lukasz-kaiser'), fixed forever: addresses must not move.
    expect(authorShelf('lukasz-kaiser')).toBe('07a');
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const shelf = authorShelf(`author-${i}`);
      expect(shelf).toMatch(/^[0-3][0-9a-f]{2}$/);
      seen.add(shelf);
    }
    expect(seen.size).toBe(AUTHOR_SHELVES);
  });
});
