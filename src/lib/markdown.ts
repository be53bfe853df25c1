/**
 * Abstracts are markdown written by strangers. They are parsed with remark and turned into HTML by
 * an allow-list serializer below, so the output can only contain the elements it names, every
 * text is escaped, and links are http(s) only. Raw HTML is refused with an error, never rendered.
 * (Astro's default Markdown engine passes raw HTML through, so abstracts never go through it.)
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { isHttpUrl } from './paper.ts';

/** A problem found in an abstract, positioned within the markdown body (1-based line and column). */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
}

const processor = remark();

/** Longest abstract accepted, in characters of plain text (arXiv's own limit is 1,920). */
export const MAX_ABSTRACT_CHARS = 10_000;

/** Parses an abstract (the markdown body of a paper file) into an mdast tree. */
export function parseAbstract(markdown: string): Root {
  return processor.parse(markdown);
}

/**
 * Lists what the site refuses in an abstract: raw HTML, images, non-http(s) links, and an empty
 * body. An empty list means `renderAbstract` will render every part of the text.
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
    }
  });
  const length = toPlainText(tree).trim().length;
  if (length === 0) problems.push({ line: 1, column: 1, message: 'the abstract (the text after the front matter) is empty' });
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

/** Renders an abstract to HTML using only p, em, strong, code, pre, a, ul, ol, li, blockquote, br, hr. */
export function renderAbstract(tree: Root): string {
  const definitions = new Map<string, string>();
  visit(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  });
  const html = (nodes: RootContent[]): string => nodes.map(render).join('');
  const render = (node: RootContent): string => {
    switch (node.type) {
      case 'paragraph':
        return `<p>${html(node.children)}</p>\n`;
      case 'heading':
        // Headings inside an abstract would break the page outline; they read as paragraphs.
        return `<p>${html(node.children)}</p>\n`;
      case 'text':
        return escapeHtml(node.value);
      case 'emphasis':
        return `<em>${html(node.children)}</em>`;
      case 'strong':
        return `<strong>${html(node.children)}</strong>`;
      case 'delete':
        return `<del>${html(node.children)}</del>`;
      case 'inlineCode':
        return `<code>${escapeHtml(node.value)}</code>`;
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
        return link(node.url, html(node.children));
      case 'linkReference': {
        const url = definitions.get(node.identifier);
        return url === undefined ? escapeHtml(`[${plain(node.children)}]`) : link(url, html(node.children));
      }
      default:
        // html, image, definition and anything unknown render nothing; checkAbstract refuses the
        // ones a writer could mean as content, so nothing reaches a page unseen.
        return '';
    }
  };
  return html(tree.children).trim();
}

function link(url: string, inner: string): string {
  if (!isHttpUrl(url)) return inner;
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
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
      if (node.type === 'break') return ' ';
      if ('children' in node) return plain(node.children as RootContent[]);
      return '';
    })
    .join('')
    .trim();
}

/** The first `maxChars` characters of `text` at most, cut at a word boundary and ended with '…'. */
export function excerpt(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five HTML-significant characters. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) visit(child, fn);
}
