import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseAbstract, renderAbstract } from '../../src/content/markdown.ts';
import { elementChildren, MATHML_ARITY, repairMathml } from '../../src/content/math/mathml.ts';
import { scanPage } from '../../src/verify/checks.ts';
import { all, dom, type HtmlNode, text } from '../support/html.ts';

/** Every MathML element with fixed arguments in `html` whose child-element count is wrong, as "tag:count". */
function wrongArity(html: string): string[] {
  return all(dom(html), (n) => MATHML_ARITY[n.nodeName] !== undefined).flatMap((n) => {
    const count = (n.childNodes ?? []).filter((c: HtmlNode) => c.attrs !== undefined).length;
    return count === MATHML_ARITY[n.nodeName] ? [] : [`${n.nodeName}:${count}`];
  });
}

const mathml = (tex: string) => katex.renderToString(tex, { output: 'mathml' });

describe('repairMathml', () => {
  it('finds KaTeX still writing R_{\\max} with three arguments (KaTeX issue #3721): the repair is needed', () => {
    expect(wrongArity(mathml('R_{\\max}'))).toEqual(['msub:3']);
  });
  it('joins an operator name and its function application into one argument', () => {
    const repaired = repairMathml(mathml('R_{\\max} + x_{\\min}^2 + \\sum_{i}^{n} \\log_2 n'));
    expect(wrongArity(repaired)).toEqual([]);
    const subscript = all(dom(repaired), (n) => n.nodeName === 'msub')[0];
    expect(subscript?.childNodes?.map((c) => `${c.nodeName}:${text(c)}`)).toEqual(['mi:R', 'mrow:max\u2061']);
    // The TeX source a reader can copy is kept.
    expect(text(all(dom(repaired), (n) => n.nodeName === 'annotation')[0] ?? dom(''))).toBe(
      'R_{\\max} + x_{\\min}^2 + \\sum_{i}^{n} \\log_2 n',
    );
  });
  it('leaves a formula without a function application as it is, byte for byte', () => {
    const html = mathml('\\frac{a}{b} + x^2 < y \\& z');
    expect(repairMathml(html)).toBe(html);
  });
  it('gives every formula of an abstract arguments MathML accepts, so the build verifies it', () => {
    const html = renderAbstract(parseAbstract('Reward $R_{\\max}$, loss $\\mathcal{L}_{\\min}^{2}$ and $\\arg\\max_{\\theta} p$.'));
    expect(wrongArity(html)).toEqual([]);
    const page = `<!doctype html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`;
    expect(scanPage('p.html', page, '/', /^$/).problems).toEqual([]);
  });
});

describe('elementChildren', () => {
  it('counts elements, not the text between them', () => {
    const fragment = {
      childNodes: [
        { nodeName: '#text', value: ' ' },
        { nodeName: 'mi', tagName: 'mi', attrs: [], childNodes: [] },
      ],
    };
    expect(elementChildren(fragment as never)).toHaveLength(1);
  });
});
