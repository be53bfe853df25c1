/**
 * Slugs for ids and tags: ASCII, lowercase, words joined by '-', other scripts transliterated.
 * Author slugs, which also hash the name with Node's crypto, are in author-slug.ts.
 */
import { transliterate } from 'transliteration';
import { memoizeString } from './memo.ts';
import { foldWords } from './text.ts';

/** Longest id slug derived from a title, in characters (cut at a word boundary). */
export const MAX_SLUG_LENGTH = 80;

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
    if (next.length > maxLength) {
      return slug === '' ? word.slice(0, maxLength) : slug;
    }
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

/** A title reduced for comparison: case, accents, punctuation and spacing do not matter, in any script. */
export function normalizeTitle(title: string): string {
  return foldWords(title).join(' ');
}
