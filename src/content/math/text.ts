/** TeX as readable plain text, for meta tags, feeds and search ('$O(n^2)$' → 'O(n²)'). */
import { splitMath } from './split.ts';

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
