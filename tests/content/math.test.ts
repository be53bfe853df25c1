import { describe, expect, it } from 'vitest';
import { parseAbstract, renderAbstract, toPlainText } from '../../src/content/markdown.ts';
import { mathmlOnly, mathStylesheet, renderTex, renderTextWithMath } from '../../src/content/math/render.ts';
import { splitMath } from '../../src/content/math/split.ts';
import { mathToText, texToText } from '../../src/content/math/text.ts';
import { all, attr, dom, type HtmlNode, select, text } from '../support/html.ts';

describe('splitMath', () => {
  it('finds inline and display math', () => {
    expect(splitMath('in $O(n^2)$ time, $$\\sum x$$.')).toEqual([
      { kind: 'text', text: 'in ' },
      { kind: 'math', tex: 'O(n^2)', display: false },
      { kind: 'text', text: ' time, ' },
      { kind: 'math', tex: '\\sum x', display: true },
      { kind: 'text', text: '.' },
    ]);
  });
  it('leaves prices and lone dollars as text (pandoc rules)', () => {
    expect(splitMath('costs $5 and $10 today')).toEqual([{ kind: 'text', text: 'costs $5 and $10 today' }]);
    expect(splitMath('a $ b $ c')).toEqual([{ kind: 'text', text: 'a $ b $ c' }]);
    expect(splitMath('only \\$5')).toEqual([{ kind: 'text', text: 'only \\$5' }]);
  });
});

describe('renderTex', () => {
  it('renders HTML and MathML with classes instead of style attributes', () => {
    const styles = new Map<string, string>();
    const html = renderTex('\\mathcal{O}(n^2)', false, styles) ?? '';
    const doc = dom(html);
    expect(select(doc, 'math').map((m) => attr(m, 'xmlns'))).toEqual(['http://www.w3.org/1998/Math/MathML']);
    expect(select(doc, 'annotation[encoding=application/x-tex]').map(text)).toEqual(['\\mathcal{O}(n^2)']);
    expect(all(doc, (n) => attr(n, 'style') !== undefined)).toEqual([]);
    const outer = select(doc, 'body')[0]?.childNodes ?? [];
    expect(outer.map((n) => [n.nodeName, attr(n, 'class'), attr(n, 'data-pagefind-ignore')])).toEqual([['span', 'math', '']]);
    expect(styles.size).toBeGreaterThan(0);
    for (const name of styles.keys()) {
      expect(html).toContain(name);
    }
    expect(mathStylesheet(styles)).toMatch(/^\.ks-[0-9a-f]{10}\{[^}]+\}/);
  });
  it('names classes by content, so the stylesheet does not depend on rendering order', () => {
    const a = new Map<string, string>();
    const b = new Map<string, string>();
    renderTex('x^2', false, a);
    renderTex('\\frac{1}{2}', false, a);
    renderTex('\\frac{1}{2}', false, b);
    renderTex('x^2', false, b);
    expect(mathStylesheet(a)).toBe(mathStylesheet(b));
  });
  it('returns undefined for TeX that KaTeX cannot parse', () => {
    expect(renderTex('\\frac{', false, new Map())).toBeUndefined();
  });
});

describe('texToText and mathToText', () => {
  it('make math readable as plain text', () => {
    expect(texToText('\\mathcal{O}(n^2 \\log n)')).toBe('O(n² log n)');
    expect(texToText('\\alpha \\leq \\frac{1}{2}')).toBe('α ≤ 1/2');
    expect(texToText('x_1 + x_{2}')).toBe('x₁ + x₂');
    // Nested roots and fractions, unwrapped from the inside: never "frac1√d_k".
    expect(texToText('\\frac{1}{\\sqrt{d_k}}')).toBe('1/√dₖ');
    expect(texToText('\\mathrm{softmax}(\\frac{QK^T}{\\sqrt{d}})V')).toBe('softmax((QK^T)/√d)V');
    expect(texToText('R_y(\\mathbf{x}_0)')).toBe('R_y(x₀)');
    expect(mathToText('Attention in $O(n^2)$, costs $5 and $10')).toBe('Attention in O(n²), costs $5 and $10');
  });
});

describe('math in abstracts and titles', () => {
  it('renders math in abstracts and keeps prices and cleaned percentages as text', () => {
    const tree = parseAbstract('In $O(n^2)$ time; it costs $5 and $10; 62.3% better.');
    const html = renderAbstract(tree);
    const paragraph = select(dom(html), 'p');
    expect(paragraph.length).toBe(1);
    expect(select(paragraph[0] as HtmlNode, 'span.katex').length).toBe(1);
    expect(text(paragraph.at(-1) as HtmlNode).endsWith('; it costs $5 and $10; 62.3% better.')).toBe(true);
    expect(toPlainText(tree)).toBe('In O(n²) time; it costs $5 and $10; 62.3% better.');
  });
  it('shows TeX that does not parse as its source text', () => {
    expect(renderAbstract(parseAbstract('Broken $\\frac{a$ here.'))).toBe('<p>Broken $\\frac{a$ here.</p>');
  });
  it('escapes the text around math in titles', () => {
    const html = renderTextWithMath('<b> in $x$', new Map());
    expect(html.startsWith('&lt;b&gt; in <span class="math"')).toBe(true);
  });
});

describe('mathmlOnly', () => {
  it('keeps each formula as its MathML alone, and everything around it as it was', () => {
    const html = renderAbstract(parseAbstract('In $O(n^2)$ time, 1 < 2 & 3, $5 and $10.\n\n$$\n\\sum_i x_i^2\n$$\n\nEnd $\\alpha$.'));
    const out = mathmlOnly(html);
    const doc = dom(out);
    expect(select(doc, 'math').map((m) => attr(m, 'display'))).toEqual([undefined, 'block', undefined]);
    expect(select(doc, 'annotation').map(text)).toEqual(['O(n^2)', '\\sum_i x_i^2', '\\alpha']);
    expect(select(doc, 'span')).toEqual([]);
    expect(out).not.toMatch(/katex|ks-|data-pagefind-ignore/);
    // Only the formulas changed: the rest is the same text, escaped the same way.
    expect(out.replace(/<math[\s\S]*?<\/math>/g, '<math/>')).toBe(
      '<p>In <math/> time, 1 &lt; 2 &amp; 3, $5 and $10.</p>\n<div class="math-display"><math/></div>\n<p>End <math/>.</p>',
    );
  });
  it('leaves HTML without formulas alone, and a title with one', () => {
    expect(mathmlOnly('<p>No math, $5 and $10.</p>')).toBe('<p>No math, $5 and $10.</p>');
    expect(mathmlOnly(renderTextWithMath('A $x$ title', new Map()))).toMatch(/^A <math [^>]*>.*<\/math> title$/);
  });
  it('refuses a formula whose span does not end', () => {
    const cut = renderTextWithMath('$x$', new Map()).slice(0, -7);
    expect(() => mathmlOnly(cut)).toThrow(/mathmlOnly/);
  });
});
