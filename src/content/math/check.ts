/**
 * TeX written by strangers: the limits KaTeX renders it with, and the commands and shapes refused
 * before it is rendered (anything that draws outside the formula's box, macro definitions, deep nesting).
 */

/**
 * KaTeX's settings for TeX written by strangers: no `\href`, `\url`, `\includegraphics` or
 * `\html…` (trust), every size a writer gives capped at 5 em (a `\\[5000em]` row gap is 5 em),
 * and at most 300 macro expansions per formula (KaTeX's default, 1000, lets a few lines expand into
 * megabytes). What can still move ink outside the formula's box is refused by `checkTex`.
 */
export const KATEX_LIMITS = { trust: false, maxSize: 5, maxExpand: 300 } as const;

/** Commands that move ink outside the box of the formula, or define macros; `checkTex` refuses them. */
const REFUSED_COMMANDS: Record<string, string> = {
  kern: 'it can move what follows over other text',
  mkern: 'it can move what follows over other text',
  hskip: 'it can move what follows over other text',
  mskip: 'it can move what follows over other text',
  hspace: 'it can move what follows over other text',
  rule: 'it can draw a bar over the page',
  raisebox: 'it can lift text over the lines around it',
  smash: 'it can draw over the lines around it',
  llap: 'it draws outside its box',
  rlap: 'it draws outside its box',
  clap: 'it draws outside its box',
  mathllap: 'it draws outside its box',
  mathrlap: 'it draws outside its box',
  mathclap: 'it draws outside its box',
  genfrac: 'its sizes can be negative',
  above: 'its sizes can be negative',
  abovewithdelims: 'its sizes can be negative',
  char: 'it can write any character, invisible ones too',
  def: 'abstracts define no macros',
  gdef: 'abstracts define no macros',
  edef: 'abstracts define no macros',
  xdef: 'abstracts define no macros',
  let: 'abstracts define no macros',
  futurelet: 'abstracts define no macros',
  global: 'abstracts define no macros',
  newcommand: 'abstracts define no macros',
  renewcommand: 'abstracts define no macros',
  providecommand: 'abstracts define no macros',
};

/** Negative spaces, in mu (18 mu = 1 em): a formula may use at most 1 em of them in all. */
const NEGATIVE_SPACES: Record<string, number> = { '!': 3, negthinspace: 3, negmedspace: 4, negthickspace: 5 };
const MAX_NEGATIVE_MU = 18;

/** Deepest nesting of groups (`{…}`, `\left…\right`, `\begin…\end`) a formula may have. */
export const MAX_TEX_DEPTH = 12;

/**
 * What the site refuses in a formula written by a stranger, as messages naming the command: ink
 * moved outside the formula's box (`\kern`, `\rule`, `\raisebox`, laps, `\smash`), negative row
 * gaps, more than 1 em of negative space, macro definitions, and nesting deeper than
 * `MAX_TEX_DEPTH`. An empty list means KaTeX (with `KATEX_LIMITS`) draws it inside its box.
 */
export function checkTex(tex: string): string[] {
  const problems = new Set<string>();
  let depth = 0;
  let deepest = 0;
  let negative = 0;
  for (const match of tex.matchAll(/\\(?:[A-Za-z]+|.)|[{}]/gs)) {
    const token = match[0];
    if (token === '{' || token === '\\left' || token === '\\begin') {
      depth++;
    } else if (token === '}' || token === '\\right' || token === '\\end') {
      depth--;
    }
    deepest = Math.max(deepest, depth);
    const name = token.slice(1);
    const reason = token.startsWith('\\') ? REFUSED_COMMANDS[name] : undefined;
    if (reason !== undefined) {
      problems.add(`math command \\${name} is not allowed: ${reason}`);
    }
    negative += token.startsWith('\\') ? (NEGATIVE_SPACES[name] ?? 0) : 0;
    if ((token === '\\\\' || token === '\\cr') && /^\s*\[\s*-/.test(tex.slice((match.index ?? 0) + token.length))) {
      problems.add(`math command ${token}[-…] is not allowed: a negative row gap can draw over the lines above`);
    }
  }
  if (negative > MAX_NEGATIVE_MU) {
    problems.add(`math uses ${negative} mu of negative space (\\!, \\negthinspace…); at most ${MAX_NEGATIVE_MU} mu (1 em) are allowed`);
  }
  if (deepest > MAX_TEX_DEPTH) {
    problems.add(`math is nested ${deepest} groups deep; at most ${MAX_TEX_DEPTH} are allowed`);
  }
  return [...problems];
}
