/**
 * Checks of built pages, run on every page by the build's verification (site.ts): a second wall behind the
 * validator, so that one missed rule can never put a script on the site or a paper out of it.
 * Pages are parsed with parse5, as a browser would parse them.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { elementChildren, MATHML_ARITY } from '../content/math/mathml.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A problem in one built file, with the source line where parse5 found the element. */
export interface PageProblem {
  file: string;
  line: number;
  message: string;
}

/** What the link checker needs from a page: the internal URLs it points to, and its element ids. */
export interface PageScan {
  problems: PageProblem[];
  /** Internal references (`href`, `src`, `action`): each URL once, with the line of its first use. */
  links: { url: string; line: number }[];
  ids: Set<string>;
  /** True for pages marked for the search index (paper pages). */
  indexed: boolean;
  /** The abstract's text, on paper pages. */
  abstractText?: string;
}

// Elements that have no place in a static listing site; a hostile abstract aims for these.
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background', 'ping', 'xlink:href']);
const SAFE_SCHEME = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

/**
 * Scans one page. `allowedScripts` matches the `src` of the only scripts the site may load (its
 * own bundles); any other script, inline script, event handler, inline style, dangerous URL,
 * forbidden element, meta refresh, search-index attribute inside an abstract, or MathML element
 * with the wrong number of arguments is a problem.
 * With `email`, inline style attributes are allowed (the email digests).
 */
export function scanPage(file: string, html: string, base: string, allowedScripts: RegExp, options: { email?: boolean } = {}): PageScan {
  const problems: PageProblem[] = [];
  const links: PageScan['links'] = [];
  const linked = new Set<string>();
  const ids = new Set<string>();
  let indexed = false;
  let abstractText: string | undefined;
  const document = parse(html, { sourceCodeLocationInfo: true });
  const walk = (node: Node, inAbstract: boolean) => {
    if (!('tagName' in node)) {
      if ('childNodes' in node) {
        for (const child of node.childNodes) {
          walk(child, inAbstract);
        }
      }
      return;
    }
    const el = node as Element;
    const line = el.sourceCodeLocation?.startLine ?? 1;
    const at = (message: string) => problems.push({ file, line, message });
    const attrs = new Map(el.attrs.map((a) => [a.name, a.value]));
    if (FORBIDDEN_ELEMENTS.has(el.tagName)) {
      at(`<${el.tagName}> is not allowed`);
    }
    if (el.tagName === 'script' && attrs.get('type') === 'application/ld+json' && !attrs.has('src')) {
      // Structured data is never executed; it must still be JSON that cannot close its element.
      const json = textOf(el);
      if (json.includes('</')) {
        at('a JSON-LD block contains "</"');
      }
      try {
        JSON.parse(json);
      } catch {
        at('a JSON-LD block is not valid JSON');
      }
    } else if (el.tagName === 'script') {
      const src = attrs.get('src');
      if (src === undefined) {
        at("an inline <script> is not allowed (scripts must be the site's own bundles)");
      } else if (!allowedScripts.test(src)) {
        at(`the script ${JSON.stringify(src)} is not one of the site's own bundles`);
      }
      if (src !== undefined && el.childNodes.length > 0) {
        at('a <script> with src must be empty');
      }
    }
    const arity = MATHML_ARITY[el.tagName];
    if (arity !== undefined && el.namespaceURI === 'http://www.w3.org/1998/Math/MathML') {
      const count = elementChildren(el).length;
      // Screen readers read the MathML: a script with a stray argument is read wrong (KaTeX issue #3721).
      if (count !== arity) {
        at(`MathML <${el.tagName}> has ${count} arguments where it takes ${arity}`);
      }
    }
    if (el.tagName === 'style') {
      at("an inline <style> is not allowed (styles must be the site's stylesheet)");
    }
    if (el.tagName === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      at('<meta http-equiv="refresh"> is not allowed');
    }
    for (const [name, value] of attrs) {
      if (name.startsWith('on')) {
        at(`the event handler attribute ${name}="${value.slice(0, 40)}" is not allowed`);
      }
      // Email digests need inline styles (mail clients ignore stylesheets); site pages must not have any.
      if (name === 'style' && !options.email) {
        at('an inline style attribute is not allowed');
      }
      // data-pagefind-ignore only hides text from the index (math glyphs); every other
      // data-pagefind-* attribute inside an abstract could spoof titles, filters or weights.
      if (inAbstract && name.startsWith('data-pagefind') && name !== 'data-pagefind-ignore') {
        at(`${name} inside an abstract could spoof the search index`);
      }
      if (URL_ATTRIBUTES.has(name)) {
        // Browsers drop ASCII tab and newline inside URLs ("java\tscript:"): compare without them.
        const url = [...value.trim()].filter((c) => c.charCodeAt(0) > 0x20).join('');
        if (!SAFE_SCHEME.test(url)) {
          at(`${name}="${value.slice(0, 60)}" uses a scheme that is not allowed`);
        } else if ((url.startsWith(base) || url.startsWith('#')) && !linked.has(url)) {
          // Pages repeat their navigation links; one check per URL is enough.
          linked.add(url);
          links.push({ url, line });
        }
      }
      if (name === 'srcset') {
        at('srcset is not allowed');
      }
    }
    const id = attrs.get('id');
    if (id !== undefined) {
      ids.add(id);
    }
    if (attrs.has('data-pagefind-body')) {
      indexed = true;
    }
    const isAbstract = (attrs.get('class') ?? '').split(/\s+/).includes('abstract__text');
    if (isAbstract) {
      abstractText = textOf(el).trim();
    }
    const children = el.tagName === 'template' ? (el as unknown as { content: Node }).content : el;
    if ('childNodes' in children) {
      for (const child of children.childNodes) {
        walk(child, inAbstract || isAbstract);
      }
    }
  };
  walk(document, false);
  return { problems, links, ids, indexed, ...(abstractText === undefined ? {} : { abstractText }) };
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') {
    return (node as DefaultTreeAdapterMap['textNode']).value;
  }
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/**
 * Resolves an internal URL ('/base/papers/x/#frag') to the built file it names ('papers/x/index.html')
 * and its fragment; undefined when it is outside `base`.
 */
export function resolveInternal(url: string, base: string): { file: string; fragment?: string } | undefined {
  const [beforeHash = '', fragment] = url.split('#', 2);
  const pathname = (beforeHash.split('?')[0] ?? '').replace(/\/+/g, '/');
  if (!pathname.startsWith(base)) {
    return undefined;
  }
  let local = decodeURIComponent(pathname.slice(base.length));
  if (local === '' || local.endsWith('/')) {
    local += 'index.html';
  }
  return fragment === undefined || fragment === '' ? { file: local } : { file: local, fragment: decodeURIComponent(fragment) };
}

/**
 * The pages html-validate checks on a large site: the first page of every route (the first path
 * segment, the depth, and the second segment below two levels: 'papers/date/…' and
 * 'papers/<id>/' are different routes), then pages spread evenly over the sorted list, up to
 * `count` in all (more when there are more routes than `count`). Sorted, deterministic.
 */
export function validationSample(files: readonly string[], count: number): string[] {
  const chosen = new Set<string>();
  const routes = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    const route = `${parts.length > 3 ? `${parts[0]}/${parts[1]}` : parts.length > 1 ? parts[0] : ''}/${parts.length}`;
    if (!routes.has(route)) {
      routes.add(route);
      chosen.add(file);
    }
  }
  const spread = Math.max(0, count - chosen.size);
  for (let i = 0; i < spread && chosen.size < files.length; i++) {
    const file = files[Math.floor((i * files.length) / spread)];
    if (file !== undefined) {
      chosen.add(file);
    }
  }
  return [...chosen].sort();
}
