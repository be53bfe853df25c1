/** Citation data of a paper as the pages and the .bib files need it (absolute URLs). */

import type { Paper } from '../content/paper.ts';
import type { CitablePaper } from './citation-formats.ts';
import { absoluteUrl, arxivPdfUrl, paperPath } from './routes.ts';

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
