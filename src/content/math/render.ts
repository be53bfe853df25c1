/**
 * LaTeX math in titles and abstracts, rendered at build time with KaTeX into HTML and MathML, so
 * readers need no JavaScript. KaTeX positions glyphs with style attributes, which the site's
 * Content-Security-Policy forbids: each distinct style becomes a class (named by a hash of the
 * style, so names never depend on build order), collected into a stylesheet.
 */
import { createHash } from 'node:crypto';
import katex from 'katex';
import { escapeHtml } from '../../lib/html.ts';
import { compareText } from '../../lib/text.ts';
import { KATEX_LIMITS } from './check.ts';
import { repairMathml } from './mathml.ts';
import { splitMath } from './split.ts';

/** Class name → CSS declarations, gathered while rendering. */
export type MathStyles = Map<string, string>;

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
