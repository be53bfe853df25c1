/**
 * LaTeX math in titles and abstracts, rendered at build time with KaTeX into HTML and MathML, so
 * readers need no JavaScript. KaTeX positions glyphs with style attributes, which the site's
 * Content-Security-Policy forbids: each distinct style becomes a class (named by a hash of the
 * style, so names never depend on build order), collected into a stylesheet.
 */
import { createHash } from 'node:crypto';
import katex from 'katex';
import { escapeHtml } from './html.ts';
import { compareText } from './text.ts';

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
        if (plain !== '') segments.push({ kind: 'text', text: plain });
        plain = '';
        segments.push({ kind: 'math', tex: text.slice(i + open, close), display });
        i = close + open;
        continue;
      }
    }
    plain += text[i];
    i++;
  }
  if (plain !== '') segments.push({ kind: 'text', text: plain });
  return segments;
}

function findClose(text: string, from: number, display: boolean): number {
  if (!display && /\s/.test(text[from] ?? ' ')) return -1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (display ? text.startsWith('$$', j) : text[j] === '$') {
      if (j === from) return -1;
      if (!display && (/\s/.test(text[j - 1] ?? '') || /\d/.test(text[j + 1] ?? ''))) return -1;
      return j;
    }
  }
  return -1;
}

/** True when `raw` (the source of a `$…$` span, delimiters included) satisfies the rules of `splitMath`. */
export function isMathSpan(raw: string, next: string): boolean {
  if (raw.startsWith('$$')) return raw.length > 4;
  const inner = raw.slice(1, -1);
  return inner !== '' && !/^\s|\s$/.test(inner) && !/\d/.test(next);
}

/**
 * Renders TeX to KaTeX HTML + MathML with classes instead of style attributes (added to `styles`).
 * Returns undefined when KaTeX cannot parse it: the caller shows the source as text instead.
 */
export function renderTex(tex: string, display: boolean, styles: MathStyles): string | undefined {
  let html: string;
  try {
    html = katex.renderToString(tex, { displayMode: display, output: 'htmlAndMathml', throwOnError: true, strict: 'ignore', trust: false });
  } catch {
    return undefined;
  }
  const classOf = (css: string) => {
    const name = `ks-${createHash('sha256').update(css).digest('hex').slice(0, 10)}`;
    styles.set(name, css);
    return name;
  };
  const classed = html
    .replace(/class="([^"]*)" style="([^"]*)"/g, (_m, cls: string, css: string) => `class="${cls} ${classOf(css)}"`)
    .replace(/ style="([^"]*)"/g, (_m, css: string) => ` class="${classOf(css)}"`);
  // The search index gets no glyph soup from math; readers and screen readers get KaTeX's output.
  return `<span class="math" data-pagefind-ignore>${classed}</span>`;
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
};

/** Readable plain text for TeX: '\mathcal{O}(n^2 \log n)' → 'O(n² log n)', for metadata, feeds and search. */
export function texToText(tex: string): string {
  return tex
    .replace(/\\(?:mathcal|mathrm|mathbf|mathit|mathbb|mathsf|text|textbf|textit|operatorname|boldsymbol)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\^\{?([0-9+\-ni])\}?(?![0-9a-z])/g, (m, c: string) => SUPERSCRIPTS[c] ?? m)
    .replace(/_\{?([0-9+-])\}?(?![0-9])/g, (m, c: string) => SUBSCRIPTS[c] ?? m)
    .replace(/\\([A-Za-z]+|[%{}_&#,;! ])/g, (m, name: string) => SYMBOLS[name] ?? (/^[A-Za-z]+$/.test(name) ? name : m))
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text with its math turned into readable plain text ('$O(n^2)$ time' → 'O(n²) time'). */
export function mathToText(text: string): string {
  return splitMath(text)
    .map((s) => (s.kind === 'text' ? s.text.replace(/\\\$/g, '$') : texToText(s.tex)))
    .join('');
}
