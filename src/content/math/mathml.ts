/**
 * MathML's structural rules that a renderer can break: a script or fraction element takes a fixed
 * number of arguments. KaTeX 0.19 writes `R_{\max}` as `<msub><mi>R</mi><mi>max</mi><mo>⁡</mo></msub>`
 * (three children: KaTeX issue #3721), which the W3C checker refuses and screen readers, who read
 * the MathML, read as R sub "max" followed by a stray function application. `repairMathml` puts such
 * a split argument back in one `<mrow>`; the build's verification (src/verify/checks.ts) refuses any
 * element left with the wrong count, so the next such bug stops the build instead of reaching readers.
 */
import { type DefaultTreeAdapterMap, parseFragment, serialize } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** How many child elements each MathML element with fixed arguments takes (MathML Core). */
export const MATHML_ARITY: Readonly<Record<string, number>> = {
  msub: 2,
  msup: 2,
  msubsup: 3,
  munder: 2,
  mover: 2,
  munderover: 3,
  mfrac: 2,
  mroot: 2,
};

/** The invisible operator KaTeX writes after an operator name (`\max`, `\log`): U+2061 FUNCTION APPLICATION. */
const FUNCTION_APPLICATION = '\u2061';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** The element children of a node (MathML ignores the text between them). */
export function elementChildren(node: { childNodes: ChildNode[] }): Element[] {
  return node.childNodes.filter((c): c is Element => 'tagName' in c);
}

/**
 * `html` (KaTeX's output) with every scripted or fractional element that has more arguments than
 * it takes repaired: an argument split into an operator name and its `<mo>⁡</mo>` is joined back
 * into one `<mrow>`. Formulas without a function application are returned as they are, unparsed.
 */
export function repairMathml(html: string): string {
  if (!html.includes(FUNCTION_APPLICATION)) {
    return html;
  }
  const fragment = parseFragment(html);
  let repaired = false;
  const walk = (node: { childNodes: ChildNode[] }) => {
    for (const child of elementChildren(node)) {
      walk(child);
    }
    if (!('tagName' in node)) {
      return;
    }
    const element = node as Element;
    const arity = MATHML_ARITY[element.tagName];
    if (arity === undefined || element.namespaceURI !== MATHML_NS) {
      return;
    }
    while (elementChildren(element).length > arity && joinFunctionApplication(element)) {
      repaired = true;
    }
  };
  walk(fragment);
  return repaired ? serialize(fragment) : html;
}

/** Joins the first `X <mo>⁡</mo>` pair among `element`'s children into an `<mrow>`; false when there is none. */
function joinFunctionApplication(element: Element): boolean {
  const children = elementChildren(element);
  const at = children.findIndex((c, i) => i > 0 && c.tagName === 'mo' && textOf(c) === FUNCTION_APPLICATION);
  const name = children[at - 1];
  const apply = children[at];
  if (at < 1 || name === undefined || apply === undefined) {
    return false;
  }
  const row: Element = {
    nodeName: 'mrow',
    tagName: 'mrow',
    attrs: [],
    namespaceURI: MATHML_NS as Element['namespaceURI'],
    childNodes: [name, apply],
    parentNode: element,
  };
  name.parentNode = row;
  apply.parentNode = row;
  const index = element.childNodes.indexOf(name);
  element.childNodes.splice(index, element.childNodes.indexOf(apply) - index + 1, row);
  return true;
}

function textOf(node: ChildNode): string {
  if (node.nodeName === '#text') {
    return (node as DefaultTreeAdapterMap['textNode']).value;
  }
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
