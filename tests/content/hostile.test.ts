import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABSTRACT_ELEMENTS } from '../../src/content/markdown.ts';
import { processPaperFile } from '../../src/content/paper-pipeline.ts';
import { formatProblem } from '../../src/content/validate.ts';
import { scanPage } from '../../src/verify/checks.ts';
import { acceptedHostile, HOSTILE_DIR, hostileBytes, REFUSED } from '../support/hostile.ts';
import { all, attr, dom, type HtmlNode } from '../support/html.ts';

/** KaTeX's own markup, allowed inside `span.math` only: MathML, SVG paths, spans with classes. */
const KATEX_ATTRIBUTES = new Set([
  'class',
  'aria-hidden',
  'xmlns',
  'encoding',
  'mathvariant',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'width',
  'height',
  'viewbox',
  'preserveaspectratio',
  'd',
  'display',
  'accent',
  'accentunder',
  'linethickness',
  'columnalign',
  'columnspacing',
  'rowspacing',
  'scriptlevel',
  'displaystyle',
  'minsize',
  'maxsize',
  'mathcolor',
  'movablelimits',
  'symmetric',
  'largeop',
  'notation',
  'rowalign',
  'columnlines',
  'rowlines',
  'frame',
  'framespacing',
  'equalrows',
  'equalcolumns',
  'side',
  'mathsize',
  'voffset',
  'depth',
  'form',
]);

/**
 * Every element and attribute of `html` (an abstract, parsed as a browser parses it) that is outside
 * the renderer's allow-list: ABSTRACT_ELEMENTS outside math, KaTeX's markup (never a style, handler
 * or link) inside `span.math`.
 */
function outsideAllowList(html: string): string[] {
  const found: string[] = [];
  const body = all(dom(`<body>${html}</body>`), (n) => n.nodeName === 'body')[0] as HtmlNode;
  const walk = (node: HtmlNode, inMath: boolean) => {
    for (const child of node.childNodes ?? []) {
      if (child.attrs === undefined) {
        continue;
      }
      const name = child.nodeName;
      const classes = (attr(child, 'class') ?? '').split(' ');
      const math = inMath || (name === 'span' && classes.includes('math'));
      for (const { name: a } of child.attrs) {
        const allowed = inMath ? KATEX_ATTRIBUTES.has(a.toLowerCase()) : (ABSTRACT_ELEMENTS[name] ?? []).includes(a);
        if (!allowed) {
          found.push(`${name}[${a}]`);
        }
      }
      if (!inMath && !(name in ABSTRACT_ELEMENTS)) {
        found.push(name);
      }
      if (!inMath && name === 'div' && attr(child, 'class') !== 'math-display') {
        found.push(`div.${attr(child, 'class')}`);
      }
      if (!inMath && name === 'span' && !math) {
        found.push('span without class math');
      }
      walk(child, math);
    }
  };
  walk(body, false);
  return found;
}

/** The paper pipeline the build and npm run check run, on a file of the folder 2025-03-20. */
const outcome = (name: string, bytes = hostileBytes(name)) => processPaperFile(bytes, `2025-03-20/${name}`, name);
const check = (name: string, bytes = hostileBytes(name)) => outcome(name, bytes).problems.map(formatProblem);

describe('the hostile corpus', () => {
  it('is all accounted for', () => {
    expect(readdirSync(HOSTILE_DIR).length).toBe(Object.keys(REFUSED).length + acceptedHostile().length);
    expect(acceptedHostile()).toEqual([
      'arabic.md',
      'chinese.md',
      'crlf.md',
      'greek.md',
      'hebrew.md',
      'hostile-title.md',
      'keyword-stuffing.md',
      'math-stress.md',
      'unbroken-everything.md',
    ]);
  });

  for (const [name, lines] of Object.entries(REFUSED)) {
    it(`refuses ${name}, naming file, line and field`, () => {
      expect(check(name)).toEqual(lines);
    });
  }

  it('has an allow-list check that sees what is outside the list', () => {
    const html = '<p style="x">a</p><span class="math"><span onclick="x"></span></span><img src="x"><div class="other"></div>';
    expect(outsideAllowList(html)).toEqual(['p[style]', 'span[onclick]', 'img[src]', 'img', 'div.other']);
  });

  it('refuses a 5 MB abstract before parsing it', () => {
    const huge = Buffer.from(`---\ntitle: "Huge"\n---\n\n${'word '.repeat(1_000_000)}\n`);
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(check('huge.md', huge)).toEqual([`huge.md:1:1 file: is ${huge.length} bytes; a paper file may be at most 100000`]);
  });

  it('never pollutes prototypes through YAML merge keys', () => {
    check('proto-merge.md');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  for (const name of acceptedHostile()) {
    it(`accepts ${name} and renders it as text only`, () => {
      // As the build renders it: the pipeline's own title and abstract HTML.
      const { problems, paper } = outcome(name);
      expect(problems.map(formatProblem)).toEqual([]);
      const html = paper?.abstractHtml ?? '';
      expect(html.length).toBeGreaterThan(0);
      const page = `<!doctype html><html lang="en"><head><title>t</title></head><body><h1>${paper?.titleHtml}</h1><div class="abstract__text">${html}</div></body></html>`;
      expect(scanPage('p.html', page, '/', /^$/).problems).toEqual([]);
      expect(outsideAllowList(html)).toEqual([]);
    });
  }
});
