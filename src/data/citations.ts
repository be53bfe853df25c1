/** Citation data of a paper as the pages and the .bib files need it (absolute URLs). */

import type { Paper } from '../content/paper.ts';
import { arxivBaseId, arxivMonth, arxivPdfUrl } from '../lib/arxiv-id.ts';
import { compareText } from '../lib/text.ts';
import type { CitablePaper } from './citation-formats.ts';
import { absoluteUrl, paperPath } from './routes.ts';

/** The citable view of a paper. */
export function citable(paper: Paper): CitablePaper {
  return {
    title: paper.titleText,
    rawTitle: paper.title,
    authors: paper.authors,
    arxiv: paper.arxiv,
    category: paper.category,
    journal: paper.journal,
    abstract: paper.abstractText,
    day: paper.day,
    published: paper.published,
    pageUrl: absoluteUrl(paperPath(paper.id)),
    pdfUrl: paper.links.pdf ?? (paper.arxiv === undefined ? undefined : arxivPdfUrl(paper.arxiv)),
  };
}

/** Papers with an arXiv id, by the month arXiv issued it: '2503' → { '2503.01234': paper id }, months and ids in order. */
export function arxivIndex(papers: readonly Pick<Paper, 'id' | 'arxiv'>[]): { month: string; ids: Record<string, string> }[] {
  const months = new Map<string, [string, string][]>();
  for (const paper of papers) {
    if (paper.arxiv === undefined) {
      continue;
    }
    const id = arxivBaseId(paper.arxiv);
    const month = arxivMonth(id);
    months.set(month, [...(months.get(month) ?? []), [id, paper.id]]);
  }
  return [...months]
    .sort(([a], [b]) => compareText(a, b))
    .map(([month, entries]) => ({ month, ids: Object.fromEntries(entries.sort(([a], [b]) => compareText(a, b))) }));
}
