/**
 * Parser for the text of a Daily Papers listing page: page chrome, a date line such as 'Mar 17',
 * then one title line and one abstract line per paper, separated by blank lines.
 */
import { cleanLatex } from './latex.ts';
import type { LinkKind } from './paper.ts';
import { isHttpUrl } from './paper.ts';

/** One paper as read from a listing, cleaned and with its links pulled out. */
export interface ListingPaper {
  /** 1-based line of the title in the dump. */
  line: number;
  title: string;
  /** The abstract as plain text (LaTeX escapes resolved, code/project links moved to `links`). */
  abstract: string;
  links: Partial<Record<LinkKind, string>>;
}

/** A parsed listing: its date line as written, the papers in page order, and any problems. */
export interface Listing {
  /** The month-and-day line, e.g. 'Mar 17', and its 1-based line number. */
  dateLine?: { text: string; line: number };
  papers: ListingPaper[];
  problems: { line: number; message: string }[];
}

const DATE_LINE = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}$/;
// Hosts whose links are source code; any other link in an abstract is a project page.
const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'gitee.com', 'bitbucket.org', 'codeberg.org', 'sourceforge.net']);

/**
 * Parses a listing dump. Everything before the first date line is page chrome; after it, non-blank
 * lines alternate title, abstract. A title without an abstract is reported, never dropped.
 */
export function parseListing(text: string): Listing {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: Listing['problems'] = [];
  const papers: ListingPaper[] = [];
  const dateIndex = lines.findIndex((l) => DATE_LINE.test(l.trim()));
  if (dateIndex === -1) {
    return { papers, problems: [{ line: 1, message: 'no date line such as "Mar 17" found: is this a Daily Papers listing?' }] };
  }
  const dateLine = { text: (lines[dateIndex] ?? '').trim(), line: dateIndex + 1 };
  const items: { line: number; text: string }[] = [];
  lines.forEach((raw, i) => {
    if (i > dateIndex && raw.trim() !== '') items.push({ line: i + 1, text: raw.trim() });
  });
  for (let i = 0; i < items.length; i += 2) {
    const title = items[i];
    const abstract = items[i + 1];
    if (title === undefined) break;
    if (abstract === undefined) {
      problems.push({ line: title.line, message: `title ${JSON.stringify(title.text)} has no abstract line after it` });
      break;
    }
    if (DATE_LINE.test(abstract.text)) {
      problems.push({ line: abstract.line, message: 'a second date line: one listing day per file' });
      break;
    }
    const { text, links } = extractLinks(abstract.text);
    papers.push({ line: title.line, title: collapse(cleanLatex(title.text)), abstract: collapse(cleanLatex(text)), links });
  }
  return { dateLine, papers, problems };
}

/**
 * Moves the code and project URLs of an abstract into links. A URL is cut before trailing
 * punctuation and before a glued `{…}` remnant of LaTeX's `\href{url}{text}`; the sentence that
 * pointed to it ("Code is available at …") is removed when it ends the abstract, since the link
 * now stands beside the abstract; a URL elsewhere stays in the text.
 */
export function extractLinks(abstract: string): { text: string; links: Partial<Record<LinkKind, string>> } {
  const links: Partial<Record<LinkKind, string>> = {};
  // \href{url}{text} in full: keep the text, link the url.
  let text = abstract.replace(/\\href\{([^}\s]+)\}\{([^}]*)\}/g, (_m, url: string, label: string) =>
    label.trim() === '' || label.trim() === url ? url : `${label} (${url})`,
  );
  const found: { start: number; end: number; url: string }[] = [];
  const pattern = /~?(https?:\/\/[^\s{}\\<>"]+)(\{\S*)?/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const url = trimUrl(m[1] ?? '');
    // The remnant `{https://…}` repeats the URL; when there is one, it carries the sentence end.
    const tail = m[2] === undefined ? (m[1] ?? '').slice(url.length) : trailingPunctuation(m[2]);
    if (!isHttpUrl(url)) continue;
    found.push({ start: m.index, end: m.index + m[0].length - tail.length, url });
  }
  for (const { url } of found) {
    const host = new URL(url).hostname.replace(/^www\./, '');
    const kind: LinkKind = CODE_HOSTS.has(host) ? (links.code === undefined ? 'code' : 'mirror') : 'project';
    if (links[kind] === undefined) links[kind] = url;
  }
  // Remove trailing pointer sentences; keep every other URL in place, cleaned.
  const lastSentenceStart = sentenceStart(text, found[0]?.start ?? text.length);
  const afterLast = text.slice(found.at(-1)?.end ?? text.length);
  if (found.length > 0 && /^[\s.,;:!?)]*$/.test(afterLast)) {
    const before = text.slice(0, lastSentenceStart);
    const middle = found.filter((f) => f.start < lastSentenceStart);
    text = replaceUrls(before, middle).trimEnd();
  } else {
    text = replaceUrls(text, found);
  }
  return { text, links };
}

function replaceUrls(text: string, found: { start: number; end: number; url: string }[]): string {
  let out = '';
  let at = 0;
  for (const f of found) {
    if (f.start >= text.length) break;
    out += `${text.slice(at, f.start)}${text[f.start] === '~' ? ' ' : ''}${f.url}`;
    at = f.end;
  }
  return out + text.slice(at);
}

/** Where the sentence that contains `index` starts: after the last '. ' before an uppercase letter. */
function sentenceStart(text: string, index: number): number {
  const head = text.slice(0, index);
  let start = 0;
  for (const m of head.matchAll(/[.!?][”")]?\s+(?=[A-Z])/g)) start = m.index + m[0].length;
  return start;
}

function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?'”]+$/, '');
  // A closing parenthesis belongs to the URL only when the URL opened one.
  while (out.endsWith(')') && (out.match(/\(/g) ?? []).length < (out.match(/\)/g) ?? []).length) {
    out = out.slice(0, -1).replace(/[.,;:!?'”]+$/, '');
  }
  return out;
}

function trailingPunctuation(text: string): string {
  return /[.,;:!?)]*$/.exec(text)?.[0] ?? '';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
