/** Slugs for ids, tags and authors: ASCII, lowercase, words joined by '-'. */
import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';
import { memoizeString } from './memo.ts';

/** Longest id slug derived from a title, in characters (cut at a word boundary). */
export const MAX_SLUG_LENGTH = 80;

// Latin letters that carry no combining accent to strip, folded to their usual ASCII spelling.
const LATIN_FOLDS: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ı: 'i' };

/**
 * The words of `text` folded for comparison, in any script: lowercase, accents removed
 * ('Łukasz' and 'Lukasz' fold alike), apostrophes inside words dropped, every other character
 * that is not a letter or digit a separator. Only the combining accents of the Latin, Greek and
 * Cyrillic alphabets are removed, so vowel signs of other scripts (हिन्दी) still tell names apart.
 */
export function foldWords(text: string): string[] {
  return (
    text
      // Apostrophes join a word ("LLM's" → "llms") instead of splitting it.
      .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
      .toLowerCase()
      .replace(/[łøßđðþæœı]/g, (c) => LATIN_FOLDS[c] ?? c)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((w) => w !== '')
  );
}

/**
 * 'Łukasz Kaiser' → 'lukasz-kaiser', 'Иван Петров' → 'ivan-petrov', '李飞飞' → 'li-fei-fei':
 * accents fold, other scripts are transliterated (the `transliteration` package), anything not a
 * letter or digit separates words. Empty only when the text has no letter or digit at all.
 */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  return maxLength === MAX_SLUG_LENGTH ? slugifyDefault(text) : slugifyText(text, maxLength);
}

// Every page slugs the same tags and author names again (see memo.ts).
const slugifyDefault = memoizeString((text) => slugifyText(text, MAX_SLUG_LENGTH));

function slugifyText(text: string, maxLength: number): string {
  const words = foldWords(text).flatMap((word) => (/^[a-z0-9]+$/.test(word) ? [word] : asciiWords(word)));
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) return slug === '' ? word.slice(0, maxLength) : slug;
    slug = next;
  }
  return slug;
}

/** A folded word outside ASCII, transliterated and split into lowercase ASCII words. */
function asciiWords(word: string): string[] {
  return transliterate(word)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * The URL slug of an author name. Spellings that fold to the same words share it ('Łukasz
 * Kaiser', 'Lukasz Kaiser'); a name written outside the Latin alphabet gets its transliteration
 * plus a short hash of its folded words ('李飞飞' → 'li-fei-fei-…'), since transliteration merges
 * different names (李飞 and 黎飞 are both 'Li Fei') and different names never share a page.
 * Never empty: a name with no letter or digit at all is its hash alone.
 */
export const authorSlug = memoizeString((name: string): string => {
  const words = foldWords(name);
  if (words.length > 0 && words.every((w) => /^[a-z0-9]+$/.test(w))) return slugify(name);
  const hash = createHash('sha256')
    .update(words.length > 0 ? words.join(' ') : name.trim())
    .digest('hex')
    .slice(0, 6);
  // Room for '-' and the hash within MAX_SLUG_LENGTH.
  const base = slugify(name, MAX_SLUG_LENGTH - hash.length - 1);
  return base === '' ? `author-${hash}` : `${base}-${hash}`;
});

/**
 * How many author pages the site has, whatever its size: each author is a section of one of them.
 * A page per author would be most of the site's files (real papers bring 3–4 new author names
 * each, most on one paper only): 170,000 pages at 50,000 papers, past every static host's file
 * limits. Fixed, so that an author's address never moves as the site grows: 1,024 pages hold ~35
 * authors each at 10,000 papers and ~170 (~100 KB of HTML, ~20 KB compressed) at 50,000.
 */
export const AUTHOR_SHELVES = 1024;

/** The author page that holds an author's section: the first 10 bits of a SHA-256 of the slug, as '000'–'3ff'. */
export const authorShelf = memoizeString((slug: string): string => {
  const bits = Number.parseInt(createHash('sha256').update(slug).digest('hex').slice(0, 3), 16) >> 2;
  return bits.toString(16).padStart(3, '0');
});

/** A title reduced for comparison: case, accents, punctuation and spacing do not matter, in any script. */
export function normalizeTitle(title: string): string {
  return foldWords(title).join(' ');
}
