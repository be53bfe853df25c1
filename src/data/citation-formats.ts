/**
 * How reference managers and search engines cite a paper: Highwire Press `citation_*` meta tags
 * (read by Zotero and Google Scholar), a schema.org ScholarlyArticle, and an arXiv-style BibTeX
 * entry, RIS and CSL-JSON; and reading back which papers a reference file names. Pure functions
 * with no Node or site imports: the build's pages and the reader's browser (library export, import)
 * write the same entries.
 */

import type { PaperData } from '../content/paper-schema.ts';
import { arxivAbsUrl, arxivBaseId, arxivIssued, parseArxivRef } from '../lib/arxiv-id.ts';
import type { DayKey } from '../lib/dates.ts';
import { foldWords } from '../lib/text.ts';

/** What citing needs of a paper; URLs are absolute. */
export interface CitablePaper extends Pick<PaperData, 'authors' | 'arxiv' | 'category' | 'journal'> {
  /** The title as plain text (math made readable). */
  title: string;
  /** The title as written, TeX and all (BibTeX keeps math). */
  rawTitle: string;
  abstract: string;
  /** The listing day: when the site listed the paper (`citation_online_date`), never its citation date. */
  day: DayKey;
  /** The paper's own date (arXiv's first version), when known. */
  published?: DayKey | undefined;
  pageUrl: string;
  pdfUrl?: string | undefined;
}

/**
 * The date a reader cites a paper by: its own (`published`), else the year and month its arXiv
 * id encodes ('2212.08653' → '2022-12'), else none. Never the listing day: that is when the site
 * listed it, and Google Scholar's guidelines keep it out of the publication date.
 */
export function citationDate(p: Pick<CitablePaper, 'published' | 'arxiv'>): string | undefined {
  return p.published ?? (p.arxiv === undefined ? undefined : arxivIssued(p.arxiv));
}

/**
 * What a paper is to a reference manager: a journal article when it has a journal reference,
 * otherwise a preprint (Zotero's "Preprint", CSL's `article`, RIS's `UNPB`, BibTeX's `@misc`).
 */
export function citationKind(p: Pick<CitablePaper, 'journal'>): 'preprint' | 'journal-article' {
  return p.journal === undefined ? 'preprint' : 'journal-article';
}

/** "Lijie Yang" → "Yang, Lijie" (as arXiv's and Zotero's citation_author); one-word names stay. */
export function invertName(name: string): string {
  const parts = name.trim().split(/\s+/);
  // Collaborations are names of groups, not people with a family name.
  if (parts.length < 2 || /\b(collaboration|consortium|team|group|project)\b/i.test(name)) {
    return name.trim();
  }
  const last = parts.pop() ?? '';
  return `${last}, ${parts.join(' ')}`;
}

/**
 * The meta tags reference managers and Google Scholar read, as Zotero's "Embedded Metadata"
 * translator reads them: Highwire Press `citation_*` (title, authors, the paper's own date, the
 * listing day as `citation_online_date`, PDF, abstract) and, for a preprint, its type and arXiv
 * identity, which Highwire has no tag for: `DC.type` "preprint" (a Zotero item type, read through
 * Dublin Core), `citation_publisher` arXiv (Zotero's "Repository"), `citation_doi` (arXiv's DOI)
 * and `z:archiveID` (Zotero's own namespace: "Archive ID", arXiv:…). A journal article has
 * `citation_journal_title`, which makes Zotero file it as one. `citation_arxiv_id` is kept for
 * other readers. No `citation_abstract_html_url`: it would name the page it is on.
 */
export function highwireTags(p: CitablePaper): { name: string; content: string }[] {
  const arxiv = p.arxiv === undefined ? undefined : arxivBaseId(p.arxiv);
  const date = citationDate(p);
  const preprint = citationKind(p) === 'preprint';
  return [
    { name: 'citation_title', content: p.title },
    ...p.authors.map((a) => ({ name: 'citation_author', content: invertName(a) })),
    ...(date === undefined ? [] : [{ name: 'citation_publication_date', content: date.replace(/-/g, '/') }]),
    { name: 'citation_online_date', content: p.day.replace(/-/g, '/') },
    ...(p.journal === undefined ? [] : [{ name: 'citation_journal_title', content: p.journal }]),
    ...(arxiv === undefined ? [] : [{ name: 'citation_arxiv_id', content: arxiv }]),
    ...(arxiv === undefined || !preprint
      ? []
      : [
          { name: 'citation_publisher', content: 'arXiv' },
          { name: 'citation_doi', content: arxivDoi(arxiv) },
        ]),
    ...(p.pdfUrl === undefined ? [] : [{ name: 'citation_pdf_url', content: p.pdfUrl }]),
    { name: 'citation_abstract', content: p.abstract },
    ...(preprint ? [{ name: 'DC.type', content: 'preprint' }] : []),
    ...(arxiv === undefined || !preprint ? [] : [{ name: 'z:archiveID', content: `arXiv:${arxiv}` }]),
  ];
}

/**
 * A schema.org ScholarlyArticle as JSON, safe inside `<script type="application/ld+json">`:
 * `<`, `>` and `&` are written as \u escapes so no text can close the element. Its dates and
 * identifiers are the citation's: the paper's own date (none when unknown), the arXiv id and
 * arXiv's page, the journal as the Periodical it is part of. No `url`: the page's canonical link
 * says it (~65 bytes a paper).
 */
export function scholarlyArticleJson(p: CitablePaper): string {
  const arxiv = p.arxiv === undefined ? undefined : arxivBaseId(p.arxiv);
  const date = citationDate(p);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: p.title,
    author: p.authors.map((name) => ({ '@type': 'Person', name })),
    ...(date === undefined ? {} : { datePublished: date }),
    ...(arxiv === undefined ? {} : { identifier: `arXiv:${arxiv}`, sameAs: arxivAbsUrl(arxiv) }),
    ...(p.journal === undefined ? {} : { isPartOf: { '@type': 'Periodical', name: p.journal } }),
    ...(p.category === undefined ? {} : { about: p.category }),
  };
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Letters BibTeX needs as commands (classic BibTeX reads bytes, not UTF-8).
const BIBTEX_LETTERS: Record<string, string> = {
  ł: '{\\l}',
  Ł: '{\\L}',
  ø: '{\\o}',
  Ø: '{\\O}',
  ß: '{\\ss}',
  æ: '{\\ae}',
  Æ: '{\\AE}',
  œ: '{\\oe}',
  Œ: '{\\OE}',
  å: '{\\aa}',
  Å: '{\\AA}',
  ı: '{\\i}',
  đ: '{\\dj}',
  Đ: '{\\DJ}',
};
const BIBTEX_ACCENTS: Record<string, string> = {
  '\u0300': '`',
  '\u0301': "'",
  '\u0302': '^',
  '\u0303': '~',
  '\u0308': '"',
  '\u0304': '=',
  '\u0307': '.',
  '\u030B': 'H',
  '\u030C': 'v',
  '\u0306': 'u',
  '\u0327': 'c',
  '\u0328': 'k',
};

/** Escapes text for a BibTeX field: specials get backslashes, accented letters become `{\"u}`. Math (`$…$`) is kept. */
export function escapeBibtex(text: string): string {
  return outsideMath(text, (part) =>
    [...part.normalize('NFD')]
      .map((c, j, all) => {
        // LaTeX accent commands apply to Latin letters; Greek, Cyrillic and other scripts keep
        // their accented letters as they are (recomposed below).
        if (BIBTEX_ACCENTS[c] !== undefined) {
          return /[A-Za-z]/.test(baseLetter(all, j)) ? '' : c;
        }
        const accent = /[A-Za-z]/.test(c) ? BIBTEX_ACCENTS[all[j + 1] ?? ''] : undefined;
        if (accent !== undefined) {
          return /[A-Za-z]/.test(accent) ? `{\\${accent}{${c}}}` : `{\\${accent}${c}}`;
        }
        if (BIBTEX_LETTERS[c.normalize('NFC')] !== undefined) {
          return BIBTEX_LETTERS[c.normalize('NFC')];
        }
        if ('{}&%#_'.includes(c)) {
          return `\\${c}`;
        }
        if (c === '\\') {
          return '\\textbackslash{}';
        }
        if (c === '~') {
          return '\\textasciitilde{}';
        }
        if (c === '^') {
          return '\\textasciicircum{}';
        }
        return c;
      })
      .join('')
      .normalize('NFC'),
  );
}

/** `text` with `change` applied to each part outside math (`$…$`), the math kept as written. */
function outsideMath(text: string, change: (part: string) => string): string {
  return text
    .split(/(\$[^$]+\$)/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');
}

/**
 * A title for BibTeX, escaped, with acronyms and mixed-case words in braces as DBLP writes them
 * (`{LLMs}`, `{ShowUI}`, `{GPT-4o}`): a style that sentence-cases titles would otherwise print
 * "llms". A word is protected when a part of it between hyphens has a capital after its first
 * letter; a capitalised word ("Extreme-Token", "Attention") is left to the style. Math is kept.
 */
export function bibtexTitle(raw: string): string {
  return outsideMath(raw, (part) =>
    part
      .split(/(\s+)/)
      .map((word) => {
        const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
        const mixed = core.split('-').some((piece) => /^.+\p{Lu}/u.test(piece));
        return mixed ? `${escapeBibtex(lead)}{${escapeBibtex(core)}}${escapeBibtex(trail)}` : escapeBibtex(word);
      })
      .join(''),
  );
}

/** The letter that the combining marks before index `j` belong to. */
function baseLetter(chars: string[], j: number): string {
  let i = j - 1;
  while (i >= 0 && /\p{M}/u.test(chars[i] ?? '')) {
    i--;
  }
  return chars[i] ?? '';
}

/** The ASCII words of `text`, folded ('Łukasz' → 'lukasz'); words in other scripts are left out (see bibtexKey). */
function asciiWords(text: string): string[] {
  return foldWords(text).filter((w) => /^[a-z0-9]+$/.test(w));
}

/**
 * The entry key arXiv's export uses: first author's family name, the citation's year, first title
 * word ('yang2024tidaldecode'; no year when the paper's date is unknown). ASCII, as BibTeX keys
 * must be: a family name or title in another script gives 'anonymous' or 'paper' rather than a
 * transliteration, whose tables (~190 KB) the browser's export would otherwise have to load.
 */
export function bibtexKey(p: Pick<CitablePaper, 'authors' | 'title' | 'published' | 'arxiv'>): string {
  const family = asciiWords(p.authors[0]?.trim().split(/\s+/).at(-1) ?? '').join('') || 'anonymous';
  const word = asciiWords(p.title).find((w) => w.length > 3 && !/^(the|with|from|into|towards?)$/.test(w)) ?? 'paper';
  return `${family}${citationDate(p)?.slice(0, 4) ?? ''}${word}`;
}

/**
 * An arXiv-style BibTeX entry: `@misc` for a preprint, `@article` with its journal for a journal
 * article; the year of the paper's own date; for an arXiv paper `eprint`, `archivePrefix` (BibTeX,
 * arXiv's export) and `eprinttype` (biblatex, which Zotero's BibTeX import reads), the primary
 * class and, for a preprint, arXiv's DOI.
 */
export function bibtexEntry(p: CitablePaper): string {
  const arxiv = p.arxiv === undefined ? undefined : arxivBaseId(p.arxiv);
  const preprint = citationKind(p) === 'preprint';
  const fields: [string, string | undefined][] = [
    ['title', bibtexTitle(p.rawTitle)],
    ['author', p.authors.map(escapeBibtex).join(' and ')],
    ['journal', p.journal === undefined ? undefined : escapeBibtex(p.journal)],
    ['year', citationDate(p)?.slice(0, 4)],
    ['eprint', arxiv],
    ['archivePrefix', arxiv === undefined ? undefined : 'arXiv'],
    ['eprinttype', arxiv === undefined ? undefined : 'arxiv'],
    ['primaryClass', p.category],
    ['doi', arxiv === undefined || !preprint ? undefined : arxivDoi(arxiv)],
    ['url', arxiv === undefined ? p.pageUrl : arxivAbsUrl(arxiv)],
  ];
  const body = fields.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `  ${k}={${v}},`);
  return `@${preprint ? 'misc' : 'article'}{${bibtexKey(p)},\n${body.join('\n')}\n}\n`;
}

/** One line of RIS: `TAG  - value`, the value on one line. */
function risLine(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
}

/**
 * An RIS record (Zotero, EndNote, Mendeley): a preprint as an unpublished work (`UNPB`, as
 * reference managers file preprints) with arXiv as publisher and its DOI, a journal article as
 * `JOUR` with its journal (`T2`); the title as written in plain text, authors as "Family, Given",
 * the paper's own date, the arXiv id as a note, the abstract and the URL.
 */
export function risEntry(p: CitablePaper): string {
  const arxiv = p.arxiv === undefined ? undefined : arxivBaseId(p.arxiv);
  const date = citationDate(p);
  const preprint = citationKind(p) === 'preprint';
  const lines = [
    risLine('TY', preprint ? 'UNPB' : 'JOUR'),
    risLine('TI', p.title),
    ...p.authors.map((a) => risLine('AU', invertName(a))),
    ...(p.journal === undefined ? [] : [risLine('T2', p.journal)]),
    // RIS dates are YYYY/MM/DD/, parts left empty when unknown.
    ...(date === undefined
      ? []
      : [risLine('PY', date.slice(0, 4)), risLine('DA', `${date.replace(/-/g, '/')}${date.length === 7 ? '/' : ''}`)]),
    ...(arxiv === undefined
      ? []
      : [
          ...(preprint ? [risLine('PB', 'arXiv'), risLine('DO', arxivDoi(arxiv))] : []),
          risLine('N1', `arXiv:${arxiv}${p.category ? ` [${p.category}]` : ''}`),
        ]),
    ...(p.abstract.trim() === '' ? [] : [risLine('AB', p.abstract)]),
    risLine('UR', arxiv === undefined ? p.pageUrl : arxivAbsUrl(arxiv)),
    'ER  - ',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * A CSL-JSON item (citation-js, Zotero, Pandoc), the same paper as the BibTeX and RIS entries: a
 * preprint is CSL's `article` with arXiv as publisher, its id as `number` (Zotero's "Archive ID")
 * and its DOI; a journal article is `article-journal` in its journal, its arXiv id in `note` as
 * Zotero's "Extra" writes it.
 */
export function cslItem(p: CitablePaper): Record<string, unknown> {
  const arxiv = p.arxiv === undefined ? undefined : arxivBaseId(p.arxiv);
  const date = citationDate(p);
  const preprint = citationKind(p) === 'preprint';
  return {
    id: bibtexKey(p),
    type: preprint ? 'article' : 'article-journal',
    title: p.title,
    author: p.authors.map((name) => {
      const inverted = invertName(name);
      const comma = inverted.indexOf(', ');
      return comma < 0 ? { literal: inverted } : { family: inverted.slice(0, comma), given: inverted.slice(comma + 2) };
    }),
    ...(p.journal === undefined ? {} : { 'container-title': p.journal }),
    ...(date === undefined ? {} : { issued: { 'date-parts': [date.split('-').map(Number)] } }),
    ...(arxiv === undefined ? {} : preprint ? { publisher: 'arXiv', number: arxiv, DOI: arxivDoi(arxiv) } : { note: `arXiv: ${arxiv}` }),
    ...(p.abstract.trim() === '' ? {} : { abstract: p.abstract }),
    URL: arxiv === undefined ? p.pageUrl : arxivAbsUrl(arxiv),
  };
}

/** The DOI arXiv registered for a paper (DataCite, `10.48550/arXiv.<id>`). */
export function arxivDoi(arxiv: string): string {
  return `10.48550/arXiv.${arxivBaseId(arxiv)}`;
}

/** The reference file formats the site writes: on day pages (BibTeX) and from the reader's browser (all three). */
export type CitationFormat = 'bibtex' | 'ris' | 'csl-json';

/** Each format's file: its extension, media type and name for people. */
export const CITATION_FILES: Record<CitationFormat, { extension: string; type: string; label: string }> = {
  bibtex: { extension: 'bib', type: 'application/x-bibtex', label: 'BibTeX' },
  ris: { extension: 'ris', type: 'application/x-research-info-systems', label: 'RIS' },
  'csl-json': { extension: 'json', type: 'application/vnd.citationstyles.csl+json', label: 'CSL-JSON' },
};

/** A whole reference file of `papers`, in their order: what a day's `.bib` holds, and what the browser exports. */
export function citationFile(format: CitationFormat, papers: readonly CitablePaper[]): string {
  if (format === 'csl-json') {
    return `${JSON.stringify(papers.map(cslItem), null, 2)}\n`;
  }
  const entry = format === 'bibtex' ? bibtexEntry : risEntry;
  return `${papers.map((p) => entry(p).trimEnd()).join('\n\n')}\n`;
}

/** What one entry of a reference file names a paper by: an arXiv id, and every web address in it. */
export interface Reference {
  arxiv?: string;
  urls: string[];
}

/**
 * The papers a reference file names, one per entry, whatever wrote it (this site, Zotero, JabRef,
 * arXiv): BibTeX, RIS or CSL-JSON, told apart by their first characters. An entry's arXiv id is read
 * from an arXiv address, arXiv's DOI (`10.48550/arXiv.…`), an `eprint` field or `arXiv:` text;
 * its addresses are kept for the caller to match against its own pages. Nothing is evaluated.
 */
export function referencesIn(text: string): Reference[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let entries: string[];
  if (/^[[{]/.test(trimmed)) {
    let items: unknown;
    try {
      items = JSON.parse(trimmed);
    } catch {
      return [];
    }
    const list = Array.isArray(items) ? items : [items];
    entries = list.map((item) => JSON.stringify(item));
  } else if (/^TY {2}- /m.test(trimmed)) {
    entries = trimmed.split(/^ER {2}-.*$/m).filter((e) => /^TY {2}- /m.test(e));
  } else {
    entries = trimmed.split(/(?=@[A-Za-z]+\s*[{(])/).filter((e) => /^@(?!(comment|string|preamble)\b)[A-Za-z]+\s*[{(]/i.test(e));
  }
  return entries.map((entry) => {
    const urls = [...entry.matchAll(/https?:\/\/[^\s{}"'<>\\,]+/g)].map((m) => m[0].replace(/[.;)]+$/, ''));
    const candidates = [
      // arXiv's own addresses are read by parseArxivRef as they are.
      ...urls,
      ...[...entry.matchAll(/10\.48550\/arXiv\.([^\s{}"',]+)/gi)].map((m) => m[1] ?? ''),
      ...[...entry.matchAll(/\beprint\s*=\s*[{"]\s*([^{}"\s]+)/gi)].map((m) => m[1] ?? ''),
      ...[...entry.matchAll(/\barXiv:\s*([^\s{}"',\]]+)/gi)].map((m) => m[1] ?? ''),
    ];
    const arxiv = candidates.map((c) => parseArxivRef(c)?.id).find((id) => id !== undefined);
    return arxiv === undefined ? { urls } : { arxiv, urls };
  });
}
