/** Small text helpers shared by the build, the scripts and the browser code (no dependencies). */

/** Locale-independent string order (code points), so output never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs of white space (line breaks included) as single spaces, trimmed. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Characters that are invisible yet change how the text around them reads: the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F,
 * U+061C), which can reorder the names that follow, and zero-width spaces and joiners of no script
 * (U+200B, U+2060, U+FEFF, U+180E, U+2061–U+2064). Arabic and Hebrew text needs none of them: the
 * browser orders it from the letters themselves. ZWNJ and ZWJ (U+200C, U+200D) are kept: Persian and
 * Indic names are spelt with them.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF\u180E\u2061-\u2064]/u;

const INVISIBLE_NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u061C': 'ARABIC LETTER MARK',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\u180E': 'MONGOLIAN VOWEL SEPARATOR',
  '\u2061': 'FUNCTION APPLICATION',
  '\u2062': 'INVISIBLE TIMES',
  '\u2063': 'INVISIBLE SEPARATOR',
  '\u2064': 'INVISIBLE PLUS',
};

/**
 * Describes the first invisible character of `value` (see `INVISIBLE`) as a message naming its code
 * point and where it is ('U+202E RIGHT-TO-LEFT OVERRIDE at character 5'); undefined when there is none.
 */
export function describeInvisible(value: string): string | undefined {
  const match = INVISIBLE.exec(value);
  if (match === null) {
    return undefined;
  }
  const char = match[0];
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${code} ${INVISIBLE_NAMES[char] ?? 'invisible character'} at character ${[...value.slice(0, match.index)].length + 1}`;
}

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
