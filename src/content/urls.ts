/**
 * Bare http(s) URLs in running text, found by one rule shared by the importers (which copy them
 * into a paper's links) and the abstract renderer (which turns them into links): a URL ends at
 * white space or a square bracket, and trailing sentence punctuation or an unopened closing
 * parenthesis is not part of it.
 */
import { isHttpUrl } from '../lib/http-url.ts';

/** One URL found in a text: `[start, end)` is the span it occupies, `url` the cleaned address. */
export interface FoundUrl {
  start: number;
  end: number;
  url: string;
}

// Characters that never belong to a URL written in prose: white space, quotes, angle brackets,
// braces and backslashes (LaTeX remnants such as `\href{…}`), and square brackets: an abstract
// imported as text keeps a markdown link `[https://x/y](https://x/y)` as written, and the `]`
// ends the first address (issue 29).
const URL_PATTERN = /https?:\/\/[^\s{}\\<>"[\]]+/g;

/** Every http(s) URL in `text`, in order, each trimmed of the punctuation that ends its sentence. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(m[0]);
    if (isHttpUrl(url)) {
      found.push({ start: m.index, end: m.index + url.length, url });
    }
  }
  return found;
}

/** `url` without trailing sentence punctuation, and without a `)` that the URL did not open. */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'”’]+$/, '');
  while (out.endsWith(')') && count(out, '(') < count(out, ')')) {
    out = out.slice(0, -1).replace(/[.,;:!?'”’]+$/, '');
  }
  return out;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) {
    if (c === char) {
      n++;
    }
  }
  return n;
}
