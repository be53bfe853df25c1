/** Built pages as a browser parses them (parse5), queried by element, class and attribute: tests assert on the DOM, not on substrings. */
import { parse } from 'parse5';

/** An element or text node of a parsed page. */
export interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  value?: string;
  content?: HtmlNode;
}

/** Parses a whole document. */
export function dom(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

/** The value of an attribute, if present. */
export function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** Every element below `root` (in document order) for which `match` holds. */
export function all(root: HtmlNode, match: (node: HtmlNode) => boolean): HtmlNode[] {
  const found: HtmlNode[] = [];
  const walk = (node: HtmlNode) => {
    if (node.attrs !== undefined && match(node)) {
      found.push(node);
    }
    for (const child of node.childNodes ?? []) {
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Elements selected by a tiny selector: `tag`, `.class`, `tag.class`, `[name=value]` or `tag[name=value]`. */
export function select(root: HtmlNode, selector: string): HtmlNode[] {
  const m = /^([a-z0-9]*)(?:\.([\w-]+))?(?:\[([\w-]+)(?:=([^\]]*))?\])?$/.exec(selector);
  if (m === null) {
    throw new Error(`unsupported selector ${selector}`);
  }
  const [, tag, cls, name, value] = m;
  return all(
    root,
    (n) =>
      (tag === '' || n.nodeName === tag) &&
      (cls === undefined || (attr(n, 'class') ?? '').split(/\s+/).includes(cls)) &&
      (name === undefined || (value === undefined ? attr(n, name) !== undefined : attr(n, name) === value)),
  );
}

/** The text content of a node, as a browser's `textContent`. */
export function text(node: HtmlNode): string {
  if (node.nodeName === '#text') {
    return node.value ?? '';
  }
  return (node.childNodes ?? []).map(text).join('');
}

/** The element with an `id`, or undefined. */
export function byId(root: HtmlNode, id: string): HtmlNode | undefined {
  return all(root, (n) => attr(n, 'id') === id)[0];
}
