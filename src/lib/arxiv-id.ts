/**
 * arXiv identifiers as people paste them ('arXiv:2503.01234v2', 'https://arxiv.org/pdf/…',
 * 'hep-ex/0307015'). No dependencies, so the search page's browser code reads ids with the same
 * rules as the importers and `npm run new`; arXiv's addresses for an id are here too, so that the
 * browser's citation export writes them as the pages do.
 */

/** New-style (`2503.01234`, `2503.01234v2`) or old-style (`hep-ex/0307015`) arXiv identifiers. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/** An arXiv id without its version: '2503.01234v2' → '2503.01234'. */
export function arxivBaseId(arxiv: string): string {
  return arxiv.replace(/v\d+$/, '');
}

/** An arXiv identifier split into the id and its version. */
export interface ArxivRef {
  /** Without version: '2503.01234', 'hep-ex/0307015'. */
  id: string;
  /** 'v2' when one was given. */
  version?: string;
}

const ID_IN_TEXT = /^(?:arxiv:)?((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(v\d+)?)$/i;

/**
 * Reads an arXiv id from what a contributor pastes: '2503.01234', 'arXiv:2503.01234v2',
 * 'https://arxiv.org/abs/2503.01234', '…/pdf/2503.01234v2.pdf', 'hep-ex/0307015'.
 */
export function parseArxivRef(input: string): ArxivRef | undefined {
  let text = input.trim();
  const url = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(text);
  if (url) {
    text = url[1] ?? '';
  }
  const match = ID_IN_TEXT.exec(text);
  if (!match) {
    return undefined;
  }
  // Old-style archive names are lowercase, their subject class uppercase ('math.GT/0309136').
  const full = (match[1] ?? '').replace(
    /^([A-Za-z-]+)(\.[A-Za-z]{2})?\//,
    (_m, archive: string, cls = '') => `${archive.toLowerCase()}${cls.toUpperCase()}/`,
  );
  if (!ARXIV_ID.test(full)) {
    return undefined;
  }
  const version = /v\d+$/.exec(full)?.[0];
  return version === undefined ? { id: full } : { id: arxivBaseId(full), version };
}

/** The year and month an arXiv id was issued in, as arXiv numbers them: '2503.01234' and 'hep-ex/0307015' → '2503', '0307'. */
export function arxivMonth(arxiv: string): string {
  return /(\d{4})[.\d]*(?:v\d+)?$/.exec(arxiv.replace(/^.*\//, ''))?.[1] ?? '';
}

/**
 * The month arXiv issued an id in, as a date: '2212.08653' → '2022-12', 'hep-ex/0307015' →
 * '2003-07'. Old-style ids ran from 1991 to March 2007 and new-style ones from April 2007, so a
 * two-digit year of 91 or more is 19xx. Undefined when the id encodes no real month.
 */
export function arxivIssued(arxiv: string): string | undefined {
  const yymm = arxivMonth(arxiv);
  const year = Number(yymm.slice(0, 2));
  const month = Number(yymm.slice(2));
  if (yymm.length !== 4 || month < 1 || month > 12) {
    return undefined;
  }
  return `${year >= 91 ? 1900 + year : 2000 + year}-${yymm.slice(2)}`;
}

/** arXiv's abstract page for an id. */
export function arxivAbsUrl(arxiv: string): string {
  return `https://arxiv.org/abs/${arxiv}`;
}

/** arXiv's PDF for an id. */
export function arxivPdfUrl(arxiv: string): string {
  return `https://arxiv.org/pdf/${arxiv}`;
}

/** arXiv's HTML rendering of a paper. */
export function arxivHtmlUrl(arxiv: string): string {
  return `https://arxiv.org/html/${arxiv}`;
}

/** The file id for an arXiv id: '2503.01234v2' → '2503.01234', 'hep-ex/0307015' → 'hep-ex-0307015'. */
export function arxivFileId(arxiv: string): string {
  return arxivBaseId(arxiv).replace('/', '-').toLowerCase();
}

/** True when both papers carry arXiv ids and they differ (ids compared without version). */
export function isDistinctArxiv(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && arxivBaseId(a) !== arxivBaseId(b);
}
