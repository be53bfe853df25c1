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

/**
 * Restores TeX that a listing page's text extraction stripped of its backslashes and dollars, only
 * where no English word can be meant:
 * - a number glued to `times` is a factor: `1.75times` → `1.75×` ("three times faster" has a space);
 * - one letter glued to `times`, then one letter: `ktimes k` → `k × k` (no word is one letter + "times");
 * - one letter glued to `leq`, `geq` or `neq`, then a number or a letter: `kleq 10` → `k ≤ 10`;
 * - `sim` glued to a number: `sim30` → `∼30`, `80%sim95%` → `80%∼95%` ("similar", "simulate" have no digit);
 * - `mathbf` and one letter, with a subscript and an enclosing `R_y(…)`: `R_y(mathbf x_0)` →
 *   `$R_y(\mathbf{x}_0)$`, `mathbf u` → `$\mathbf{u}$` ("mathbf" is no word).
 * Anything else is left as written: prose is never altered. Idempotent.
 */
export function repairStrippedTex(text: string): string {
  const bold = (letter: string, sub: string | undefined) => `\\mathbf{${letter}}${sub === undefined ? '' : `_${sub}`}`;
  return text
    .replace(/(?<![\w.])(\d+(?:\.\d+)?)times\b/g, '$1×')
    .replace(/(?<![\w-])([A-Za-z])times ([A-Za-z])(?![\w-])/g, '$1 × $2')
    .replace(/(?<![\w-])([A-Za-z])(leq|geq|neq) (\d+(?:\.\d+)?|[A-Za-z])(?![\w-])/g, (_m, a: string, op: string, b: string) => {
      const sign = op === 'leq' ? '≤' : op === 'geq' ? '≥' : '≠';
      return `${a} ${sign} ${b}`;
    })
    .replace(/(?<![A-Za-z])sim(?=\d)/g, '∼')
    .replace(
      /(?<![\w$\\])([A-Za-z])_([A-Za-z0-9])\(mathbf ([A-Za-z])(?:_([A-Za-z0-9]))?\)/g,
      (_m, f: string, s: string, letter: string, sub: string | undefined) => `$${f}_${s}(${bold(letter, sub)})$`,
    )
    .replace(
      /(?<![\w$\\])mathbf ([A-Za-z])(?:_([A-Za-z0-9]))?(?![\w])/g,
      (_m, letter: string, sub: string | undefined) => `$${bold(letter, sub)}$`,
    );
}
