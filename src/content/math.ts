/**
 * LaTeX math in titles and abstracts, rendered at build time with KaTeX into HTML and MathML, so
 * readers need no JavaScript. KaTeX positions glyphs with style attributes, which the site's
 * Content-Security-Policy forbids: each distinct style becomes a class (named by a hash of the
 * style, so names never depend on build order), collected into a stylesheet.
 */
import { createHash } from 'node:crypto';
import katex from 'katex';
import { escapeHtml } from '../lib/html.ts';
import { compareText } from '../lib/text.ts';
import { repairMathml } from './mathml.ts';

/** Class name → CSS declarations, gathered while rendering. */
export type MathStyles = Map<string, string>;

/** A piece of text: plain, or math between `$…$` (inline) or `$$…$$` (display). */
export type MathSegment = { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

/**
 * Splits text at math delimiters with pandoc's rules, so that prices are not math: `$` must be
 * followed by a non-space, the closing `$` preceded by a non-space and not followed by a digit
 * ("$5 and $10" stays text). `\$` is a literal dollar.
 */
export function splitMath(text: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\' && text[i + 1] === '$') {
      plain += '\\$';
      i += 2;
      continue;
    }
    if (text[i] === '$') {
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      const close = findClose(text, i + open, display);
      if (close !== -1) {
        if (plain !== '') {
          segments.push({ kind: 'text', text: plain });
        }
        plain = '';
        segments.push({ kind: 'math', tex: text.slice(i + open, close), display });
        i = close + open;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  if (plain !== '') {
    segments.push({ kind: 'text', text: plain });
  }
  return segments;
}

function findClose(text: string, from: number, display: boolean): number {
  if (!display && /\s/.test(text[from] ?? ' ')) {
    return -1;
  }
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (display ? text.startsWith('$$', j) : text[j] === '$') {
      if (j === from) {
        return -1;
      }
      if (!display && (/\s/.test(text[j - 1] ?? '') || /\d/.test(text[j + 1] ?? ''))) {
        return -1;
      }
      return j;
    }
  }
  return -1;
}

/** True when `raw` (the source of a `$…$` span, delimiters included) satisfies the rules of `splitMath`. */
export function isMathSpan(raw: string, next: string): boolean {
  if (raw.startsWith('$$')) {
    return raw.length > 4;
  }
  const inner = raw.slice(1, -1);
  return inner !== '' && !/^\s|\s$/.test(inner) && !/\d/.test(next);
}

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

/** How `renderTex` opens each formula: `mathmlOnly` finds formulas by it. */
const MATH_OPEN = '<span class="math" data-pagefind-ignore>';

/**
 * Renders TeX to KaTeX HTML + MathML with classes instead of style attributes (added to `styles`).
 * Returns undefined when KaTeX cannot parse it: the caller shows the source as text instead.
 */
export function renderTex(tex: string, display: boolean, styles: MathStyles): string | undefined {
  let html: string;
  try {
    html = katex.renderToString(tex, {
      ...KATEX_LIMITS,
      displayMode: display,
      output: 'htmlAndMathml',
      throwOnError: true,
      strict: 'ignore',
    });
  } catch {
    return undefined;
  }
  const classOf = (css: string) => {
    const name = `ks-${createHash('sha256').update(css).digest('hex').slice(0, 10)}`;
    styles.set(name, css);
    return name;
  };
  // KaTeX splits some scripts' arguments in its MathML (KaTeX issue #3721): joined back first.
  const classed = repairMathml(html)
    .replace(/class="([^"]*)" style="([^"]*)"/g, (_m, cls: string, css: string) => `class="${cls} ${classOf(css)}"`)
    .replace(/ style="([^"]*)"/g, (_m, css: string) => ` class="${classOf(css)}"`);
  // The search index gets no glyph soup from math; readers and screen readers get KaTeX's output.
  return `${MATH_OPEN}${classed}</span>`;
}

/**
 * `html` (this module's and renderAbstract's output) with each formula as its MathML alone, for
 * documents read without the site's stylesheets (feeds): KaTeX's HTML rendering is positioned by
 * math.css, and beside the MathML a feed reader would show every formula twice, the second one
 * broken. Each formula is the span `renderTex` writes, which text cannot forge (the serializer
 * escapes every `<` of an abstract), so its end is found by counting spans.
 */
export function mathmlOnly(html: string): string {
  let out = '';
  let at = 0;
  for (let start = html.indexOf(MATH_OPEN); start !== -1; start = html.indexOf(MATH_OPEN, at)) {
    const math = html.slice(html.indexOf('<math', start), html.indexOf('</math>', start) + '</math>'.length);
    let depth = 0;
    let end = start;
    const tags = /<span\b|<\/span>/g;
    tags.lastIndex = start;
    for (let tag = tags.exec(html); tag !== null; tag = tags.exec(html)) {
      depth += tag[0] === '</span>' ? -1 : 1;
      if (depth === 0) {
        end = tag.index + tag[0].length;
        break;
      }
    }
    if (depth !== 0 || !math.startsWith('<math')) {
      throw new Error(`mathmlOnly: a formula without its MathML or its end at ${start}`);
    }
    out += html.slice(at, start) + math;
    at = end;
  }
  return out + html.slice(at);
}

/** Text with math rendered: for titles (math segments rendered, the rest escaped). */
export function renderTextWithMath(text: string, styles: MathStyles): string {
  return splitMath(text)
    .map((s) =>
      s.kind === 'text' ? escapeHtml(s.text.replace(/\\\$/g, '$')) : (renderTex(s.tex, false, styles) ?? escapeHtml(`$${s.tex}$`)),
    )
    .join('');
}

/** The stylesheet for the classes collected in `styles`, in name order. */
export function mathStylesheet(styles: MathStyles): string {
  return [...styles]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, css]) => `.${name}{${css}}`)
    .join('\n');
}

const SYMBOLS: Record<string, string> = {
  times: '×',
  cdot: '·',
  cdots: '⋯',
  ldots: '…',
  dots: '…',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  infty: '∞',
  pm: '±',
  rightarrow: '→',
  to: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  in: '∈',
  sum: '∑',
  prod: '∏',
  int: '∫',
  partial: '∂',
  nabla: '∇',
  sqrt: '√',
  log: 'log',
  exp: 'exp',
  max: 'max',
  min: 'min',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Sigma: 'Σ',
  Phi: 'Φ',
  Omega: 'Ω',
  '%': '%',
  '{': '{',
  '}': '}',
  _: '_',
  '&': '&',
  '#': '#',
  ',': ' ',
  ';': ' ',
  '!': '',
  ' ': ' ',
  quad: ' ',
};
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  n: 'ⁿ',
  i: 'ⁱ',
};
const SUBSCRIPTS: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};

/** A fraction's part or a root's radicand as text: parenthesised unless it is one word, number or root. */
const group = (part: string) => (/^[\p{L}\p{N}.]+$|^√(\(.*\)|[\p{L}\p{N}]+)$/u.test(part) ? part : `(${part})`);

/**
 * Readable plain text for TeX: '\mathcal{O}(n^2 \log n)' → 'O(n² log n)', '\frac{1}{\sqrt{d_k}}' →
 * '1/√dₖ', for metadata, feeds, card and search excerpts. Nested fonts, roots and fractions are
 * unwrapped from the inside out.
 */
export function texToText(tex: string): string {
  let out = tex;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out
      .replace(/\\(?:mathcal|mathrm|mathbf|mathit|mathbb|mathsf|text|textbf|textit|operatorname|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
      .replace(/\\sqrt\s*\{([^{}]*)\}/g, (_m, x: string) => `√${group(texToSubscripts(x))}`)
      .replace(
        /\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g,
        (_m, a: string, b: string) => `${group(texToSubscripts(a))}/${group(texToSubscripts(b))}`,
      );
  }
  return texToSubscripts(out)
    .replace(/\\([A-Za-z]+|[%{}_&#,;! ])/g, (m, name: string) => SYMBOLS[name] ?? (/^[A-Za-z]+$/.test(name) ? name : m))
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Superscripts and subscripts of one character as Unicode ones where they exist: 'n^2' → 'n²', 'd_k' → 'dₖ'. */
function texToSubscripts(tex: string): string {
  return tex
    .replace(/\^\{?([0-9+\-ni])\}?(?![0-9a-z])/g, (m, c: string) => SUPERSCRIPTS[c] ?? m)
    .replace(/_\{?([0-9+\-aehijklmnoprstuvx])\}?(?![0-9A-Za-z])/g, (m, c: string) => SUBSCRIPTS[c] ?? m);
}

/** Text with its math turned into readable plain text ('$O(n^2)$ time' → 'O(n²) time'). */
export function mathToText(text: string): string {
  return splitMath(text)
    .map((s) => (s.kind === 'text' ? s.text.replace(/\\\$/g, '$') : texToText(s.tex)))
    .join('');
}
