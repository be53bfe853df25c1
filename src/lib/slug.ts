/** Slugs for ids, tags and authors: ASCII, lowercase, words joined by '-'. */
import { memoizeString } from './memo.ts';

/** Longest id slug derived from a title, in characters (cut at a word boundary). */
export const MAX_SLUG_LENGTH = 80;

/** 'Łukasz Kaiser' → 'lukasz-kaiser'; accents are folded, anything not a letter or digit separates words. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  return maxLength === MAX_SLUG_LENGTH ? slugifyDefault(text) : slugifyText(text, maxLength);
}

// Every page slugs the same tags and author names again (see memo.ts).
const slugifyDefault = memoizeString((text) => slugifyText(text, MAX_SLUG_LENGTH));

function slugifyText(text: string, maxLength: number): string {
  const words = text
    // Apostrophes join a word ("LLM's" → "llms") instead of splitting it.
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) return slug === '' ? word.slice(0, maxLength) : slug;
    slug = next;
  }
  return slug;
}

/** A title reduced for comparison: case, accents, punctuation and spacing do not matter. */
export function normalizeTitle(title: string): string {
  return slugify(title, Number.POSITIVE_INFINITY);
}
