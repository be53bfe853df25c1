/**
 * The words of a text as the search page's any-word ranking reads them (no dependencies: the
 * browser runs it on queries, the build on every paper to find the common words).
 */

/** Words a reader's sentence holds that say nothing about a paper. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this those to too us very was we ' +
    'were what when where which while who whom why will with would you your about also'
  ).split(' '),
);

/**
 * A word on more than this share of the papers, and on more than `COMMON_WORD_PAPERS` of them, is
 * common: the any-word ranking does not search it on its own (its search would list a large part
 * of the index, which a phone pays for, and it weighs little: measured on 2,000 real papers,
 * leaving out the words of more than a fifth of them changed no ranking of the evaluation set;
 * docs/performance.md). On a small site every word is searched: its lists are short, and a
 * site of one topic (the 75 seed papers are all about tokens) needs its topic's words.
 */
export const COMMON_WORD_SHARE = 0.2;
/** See `COMMON_WORD_SHARE`. */
export const COMMON_WORD_PAPERS = 500;

/** Lowercase runs of letters and digits ('self-speculative' is two words, as Pagefind indexes it). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The words of `texts` (one per paper) that more than `COMMON_WORD_SHARE` and `COMMON_WORD_PAPERS` of them hold, sorted. */
export function commonWords(texts: readonly string[]): string[] {
  const held = new Map<string, number>();
  for (const text of texts) {
    for (const word of new Set(wordsOf(text))) {
      held.set(word, (held.get(word) ?? 0) + 1);
    }
  }
  const limit = Math.max(COMMON_WORD_SHARE * texts.length, COMMON_WORD_PAPERS);
  return [...held]
    .filter(([, n]) => n > limit)
    .map(([word]) => word)
    .sort();
}
