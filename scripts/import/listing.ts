/**
 * Parser for the text of a Daily Papers listing page: page chrome, a date line such as 'Mar 17',
 * then one title line and one abstract line per paper, separated by blank lines.
 */

import type { LinkKind } from '../../src/content/paper-schema.ts';
import { findUrls } from '../../src/content/urls.ts';
import { squash } from '../../src/lib/text.ts';
import { cleanLatex, repairStrippedTex } from './latex.ts';

/** One paper as read from a listing, cleaned and with its links pulled out. */
export interface ListingPaper {
  /** 1-based line of the title in the dump. */
  line: number;
  title: string;
  /** The abstract as its authors wrote it, as plain text (LaTeX escapes resolved); its URLs are also copied to `links`. */
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
    if (i > dateIndex && raw.trim() !== '') {
      items.push({ line: i + 1, text: raw.trim() });
    }
  });
  for (let i = 0; i < items.length; i += 2) {
    const title = items[i];
    const abstract = items[i + 1];
    if (title === undefined) {
      break;
    }
    if (abstract === undefined) {
      problems.push({ line: title.line, message: `title ${JSON.stringify(title.text)} has no abstract line after it` });
      break;
    }
    if (DATE_LINE.test(abstract.text)) {
      problems.push({ line: abstract.line, message: 'a second date line: one listing day per file' });
      break;
    }
    const { text, links } = extractLinks(abstract.text);
    // The page's text lost TeX's backslashes: restore what is certain (`1.75times` → `1.75×`), nothing else.
    papers.push({ line: title.line, title: squash(cleanLatex(title.text)), abstract: squash(repairStrippedTex(cleanLatex(text))), links });
  }
  return { dateLine, papers, problems };
}

/**
 * Copies the code and project URLs of an abstract into links, and leaves every sentence where its
 * authors wrote it: URLs stay in the text (the renderer links them), cleaned of LaTeX remnants —
 * a `~` glued before one, the `{…}` copy that a broken `\href{url}{text}` leaves after it — and
 * of trailing punctuation, which stays in the sentence.
 */
export function extractLinks(abstract: string): { text: string; links: Partial<Record<LinkKind, string>> } {
  const links: Partial<Record<LinkKind, string>> = {};
  // \href{url}{text} in full: keep the text, and the url beside it.
  const text = abstract
    .replace(/\\href\{([^}\s]+)\}\{([^}]*)\}/g, (_m, url: string, label: string) =>
      label.trim() === '' || label.trim() === url ? url : `${label} (${url})`,
    )
    // A `~` (LaTeX's non-breaking space) glued to a URL is a space.
    .replace(/~(?=https?:\/\/)/g, ' ');
  let out = '';
  let at = 0;
  for (const { start, end, url } of findUrls(text)) {
    if (start < at) {
      continue; // inside a remnant already passed over
    }
    const host = new URL(url).hostname.replace(/^www\./, '');
    const kind: LinkKind = CODE_HOSTS.has(host) ? (links.code === undefined ? 'code' : 'mirror') : 'project';
    if (links[kind] === undefined && !Object.values(links).includes(url)) {
      links[kind] = url;
    }
    out += text.slice(at, end);
    at = end;
    // The remnant `{https://…}` repeats the URL; the punctuation at its end closes the sentence.
    const remnant = /^\{\S*/.exec(text.slice(end));
    if (remnant !== null) {
      out += trailingPunctuation(remnant[0]);
      at = end + remnant[0].length;
    }
  }
  return { text: out + text.slice(at), links };
}

function trailingPunctuation(text: string): string {
  return /[.,;:!?)]*$/.exec(text)?.[0] ?? '';
}
