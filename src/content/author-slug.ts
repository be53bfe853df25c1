/** Author slugs and the author pages (shelves) that hold them: hashed with Node's crypto, so apart from slug.ts. */
import { createHash } from 'node:crypto';
import { memoizeString } from '../lib/memo.ts';
import { MAX_SLUG_LENGTH, slugify } from '../lib/slug.ts';
import { foldWords } from '../lib/text.ts';

/**
 * The URL slug of an author name. Spellings that fold to the same words share it ('Łukasz
 * Kaiser', 'Lukasz Kaiser'); a name written outside the Latin alphabet gets its transliteration
 * plus a short hash of its folded words ('李飞飞' → 'li-fei-fei-…'), since transliteration merges
 * different names (李飞 and 黎飞 are both 'Li Fei') and different names never share a page.
 * Never empty: a name with no letter or digit at all is its hash alone.
 */
export const authorSlug = memoizeString((name: string): string => {
  const words = foldWords(name);
  if (words.length > 0 && words.every((w) => /^[a-z0-9]+$/.test(w))) {
    return slugify(name);
  }
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
 * limits. Fixed, so that an author's address never moves as the site grows; each page's size
 * at 10,000 and 50,000 papers: docs/performance.md, "Behind the code".
 */
export const AUTHOR_SHELVES = 1024;

/** The author page that holds an author's section: the first 10 bits of a SHA-256 of the slug, as '000'–'3ff'. */
export const authorShelf = memoizeString((slug: string): string => {
  const bits = Number.parseInt(createHash('sha256').update(slug).digest('hex').slice(0, 3), 16) >> 2;
  return bits.toString(16).padStart(3, '0');
});
