/**
 * Turns the LaTeX residue that listing pages carry over from arXiv abstracts into plain Unicode
 * text: escaped specials (`\%`), text commands (`\textless`), accents (`na\"ive`), TeX quotes
 * and abbreviations. Anything it does not know (math such as `$\mathcal{O}(n)$`) is left as is.
 */

const SPECIALS: Record<string, string> = { '%': '%', _: '_', '&': '&', '#': '#', $: '$', '{': '{', '}': '}' };

const TEXT_COMMANDS: Record<string, string> = {
  textless: '<',
  textgreater: '>',
  textasciitilde: '~',
  textbackslash: '\\',
  textbar: '|',
  textendash: '–',
  textemdash: '—',
  ldots: '…',
  dots: '…',
};

// Abbreviation macros are defined with \xspace in papers, so the space after them stays.
const ABBREVIATIONS: Record<string, string> = { eg: 'e.g.', ie: 'i.e.', etal: 'et al.', vs: 'vs.', wrt: 'w.r.t.', etc: 'etc.' };

// Combining marks for the accent commands, applied to the next letter and then composed (NFC).
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  c: '\u0327',
  v: '\u030C',
  u: '\u0306',
  H: '\u030B',
};

/** Replaces known LaTeX escapes in `text` with the characters they stand for; idempotent. */
export function cleanLatex(text: string): string {
  return (
    text
      // TeX quotes: ``quoted'' → “quoted”
      .replace(/``/g, '“')
      .replace(/''/g, '”')
      // Accents: \"i, \"{i}, \'{e}, \c{c}, \v{s}
      .replace(/\\(["'`^~=.]|[cvuH](?=\{))\{?([A-Za-z])\}?/g, (_m, accent: string, letter: string) =>
        `${letter}${ACCENTS[accent] ?? ''}`.normalize('NFC'),
      )
      .replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (match, name: string) => ABBREVIATIONS[name] ?? match)
      // Text commands; a following space or {} only ends the command name, as in TeX.
      .replace(/\\([A-Za-z]+)(?:\{\}| (?=\S))?/g, (match, name: string) => TEXT_COMMANDS[name] ?? match)
      .replace(/\\([%_&#${}])/g, (_m, c: string) => SPECIALS[c] ?? c)
  );
}
