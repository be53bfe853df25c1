/**
 * Abstracts are markdown written by strangers. They are parsed with remark and turned into HTML by
 * an allow-list serializer below, so the output can only contain the elements it names, every
 * text is escaped, and links are http(s) only. Raw HTML is refused with an error, never rendered.
 * (Astro's default Markdown engine passes raw HTML through, so abstracts never go through it.)
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import remarkMath from 'remark-math';
import { escapeHtml } from '../lib/html.ts';
import { isHttpUrl } from '../lib/http-url.ts';
import { memoizeString } from '../lib/memo.ts';
import { checkTex } from './math/check.ts';
import type { MathStyles } from './math/render.ts';
import { renderTex } from './math/render.ts';
import { isMathSpan } from './math/split.ts';
import { texToText } from './math/text.ts';
import { findUrls } from './urls.ts';

/** A problem found in an abstract, positioned within the markdown body (1-based line and column). */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const processor = remark().use(remarkMath);

/** Longest abstract accepted, in characters of plain text (arXiv's own limit is 1,920). */
export const MAX_ABSTRACT_CHARS = 10_000;

/**
 * Parses an abstract (the markdown body of a paper file) into an mdast tree, with `$…$` and
 * `$$…$$` math. A dollar span that breaks pandoc's rules ("$5 and $10") is turned back into text.
 */
export function parseAbstract(markdown: string): Root {
  const tree = processor.parse(markdown);
  const fix = (parent: Parent) => {
    const children: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'inlineMath') {
        const start = child.position?.start.offset ?? 0;
        const end = child.position?.end.offset ?? 0;
        if (!isMathSpan(markdown.slice(start, end), markdown[end] ?? '')) {
          const last = children.at(-1);
          const raw = markdown.slice(start, end);
          if (last?.type === 'text') {
            last.value += raw;
          } else {
            children.push({ type: 'text', value: raw });
          }
          continue;
        }
      }
      const last = children.at(-1);
      if (child.type === 'text' && last?.type === 'text') {
        last.value += child.value;
      } else {
        children.push(child);
      }
      if ('children' in child) {
        fix(child as Parent);
      }
    }
    (parent as { children: RootContent[] }).children = children;
  };
  fix(tree);
  return tree;
}

/**
 * Lists what the site refuses in an abstract: raw HTML, images, non-http(s) links, math that could
 * draw outside its box (`checkTex`), and an empty body. An empty list means `renderAbstract` will render every part of the text.
 */
export function checkAbstract(tree: Root): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const at = (node: Nodes, message: string) =>
    problems.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });
  visit(tree, (node) => {
    if (node.type === 'html') {
      at(node, `raw HTML ${JSON.stringify(truncate(node.value, 40))} is not allowed: write \\< for a literal <`);
    } else if (node.type === 'image' || node.type === 'imageReference') {
      at(node, 'images are not allowed in abstracts');
    } else if (node.type === 'link' && !isHttpUrl(node.url)) {
      at(node, `link ${JSON.stringify(truncate(node.url, 60))} must be an absolute http(s) URL`);
    } else if (node.type === 'definition' && !isHttpUrl(node.url)) {
      at(node, `link definition ${JSON.stringify(truncate(node.url, 60))} must be an absolute http(s) URL`);
    } else if (node.type === 'inlineMath' || node.type === 'math') {
      for (const message of checkTex(node.value)) {
        at(node, message);
      }
    }
  });
  const length = toPlainText(tree).trim().length;
  if (length === 0) {
    problems.push({ line: 1, column: 1, message: 'the abstract (the text after the front matter) is empty' });
  }
  if (length > MAX_ABSTRACT_CHARS) {
    const start = tree.children[0]?.position?.start ?? { line: 1, column: 1 };
    problems.push({
      line: start.line,
      column: start.column,
      message: `the abstract is ${length} characters long; at most ${MAX_ABSTRACT_CHARS} are allowed`,
    });
  }
  return problems;
}

/**
 * The elements `renderAbstract` writes outside math, each with the only attributes it may carry.
 * Inside `span.math` is KaTeX's markup (spans with classes, MathML, an SVG path for tall radicals and
 * arrows): no `style` (KaTeX's styles become classes), no handler, no link.
 */
export const ABSTRACT_ELEMENTS: Record<string, readonly string[]> = {
  p: [],
  em: [],
  strong: [],
  del: [],
  code: [],
  pre: [],
  a: ['href', 'rel'],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  br: [],
  hr: [],
  /** A display formula's box: `class="math-display"` only. */
  div: ['class'],
  /** A formula: `class="math"` and `data-pagefind-ignore`; KaTeX's markup inside. */
  span: ['class', 'data-pagefind-ignore'],
};

/**
 * Renders an abstract to HTML using only the elements of `ABSTRACT_ELEMENTS` and KaTeX's math
 * markup (whose positioning classes are added to `styles`). A bare http(s) URL in the text becomes
 * a link to itself, as readers expect of an abstract that names its code.
 */
export function renderAbstract(tree: Root, styles: MathStyles = new Map()): string {
  const definitions = new Map<string, string>();
  visit(tree, (node) => {
    if (node.type === 'definition') {
      definitions.set(node.identifier, node.url);
    }
  });
  // Text inside a link is never linked again.
  let inLink = 0;
  const html = (nodes: RootContent[]): string => nodes.map(render).join('');
  const render = (node: RootContent): string => {
    switch (node.type) {
      case 'paragraph':
        return `<p>${html(node.children)}</p>\n`;
      case 'heading':
        // Headings inside an abstract would break the page outline; they read as paragraphs.
        return `<p>${html(node.children)}</p>\n`;
      case 'text':
        return inLink > 0 ? escapeHtml(node.value) : linkUrls(node.value);
      case 'emphasis':
        return `<em>${html(node.children)}</em>`;
      case 'strong':
        return `<strong>${html(node.children)}</strong>`;
      case 'delete':
        return `<del>${html(node.children)}</del>`;
      case 'inlineCode':
        return `<code>${escapeHtml(node.value)}</code>`;
      case 'inlineMath':
        return renderTex(node.value, false, styles) ?? escapeHtml(`$${node.value}$`);
      case 'math':
        return `<div class="math-display">${renderTex(node.value, true, styles) ?? escapeHtml(`$$${node.value}$$`)}</div>\n`;
      case 'code':
        return `<pre><code>${escapeHtml(node.value)}</code></pre>\n`;
      case 'break':
        return '<br>';
      case 'thematicBreak':
        return '<hr>\n';
      case 'blockquote':
        return `<blockquote>${html(node.children)}</blockquote>\n`;
      case 'list':
        return node.ordered
          ? `<ol${node.start != null && node.start !== 1 ? ` start="${node.start}"` : ''}>${html(node.children)}</ol>\n`
          : `<ul>${html(node.children)}</ul>\n`;
      case 'listItem':
        return `<li>${html(node.children)}</li>`;
      case 'link':
        return link(node.url, linkText(node.children));
      case 'linkReference': {
        const url = definitions.get(node.identifier);
        return url === undefined ? escapeHtml(`[${plain(node.children)}]`) : link(url, linkText(node.children));
      }
      default:
        // html, image, definition and anything unknown render nothing; checkAbstract refuses the
        // ones a writer could mean as content, so nothing reaches a page unseen.
        return '';
    }
  };
  const linkText = (nodes: RootContent[]): string => {
    inLink++;
    try {
      return html(nodes);
    } finally {
      inLink--;
    }
  };
  return html(tree.children).trim();
}

/** Escaped text in which every bare http(s) URL (as `findUrls` reads it) is a link to itself. */
function linkUrls(text: string): string {
  let out = '';
  let at = 0;
  for (const { start, end, url } of findUrls(text)) {
    out += `${escapeHtml(text.slice(at, start))}${link(url, escapeHtml(url))}`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

function link(url: string, inner: string): string {
  if (!isHttpUrl(url)) {
    return inner;
  }
  return `<a href="${escapeHtml(url)}" rel="nofollow noopener noreferrer">${inner}</a>`;
}

/** The abstract as plain text: paragraphs joined by a blank line, markup removed. */
export function toPlainText(tree: Root): string {
  return tree.children
    .map((block) => plain([block]))
    .filter((text) => text !== '')
    .join('\n\n');
}

function plain(nodes: RootContent[]): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
        return node.value;
      }
      if (node.type === 'inlineMath' || node.type === 'math') {
        return texToText(node.value);
      }
      if (node.type === 'break') {
        return ' ';
      }
      if ('children' in node) {
        return plain(node.children as RootContent[]);
      }
      return '';
    })
    .join('')
    .trim();
}

/** The first `maxChars` characters of `text` at most, cut at a word boundary and ended with '…'. */
export function excerpt(text: string, maxChars: number): string {
  let byText = excerpts.get(maxChars);
  if (byText === undefined) {
    byText = memoizeString((t) => excerptOf(t, maxChars), 200_000);
    excerpts.set(maxChars, byText);
  }
  return byText(text);
}

// A paper's excerpt appears on its day, week, month, tag and author pages (see memo.ts).
const excerpts = new Map<number, (text: string) => string>();

function excerptOf(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) {
    return flat;
  }
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) {
    for (const child of node.children) {
      visit(child, fn);
    }
  }
}
