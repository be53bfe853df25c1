/** Citation data of a paper as the pages and the .bib files need it (absolute URLs). */
import { SITE_URL } from '../consts.ts';
import type { CitablePaper } from '../lib/citation.ts';
import type { Paper } from '../lib/paper.ts';
import { arxivPdfUrl, paperPath } from '../lib/routes.ts';

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
    pageUrl: new URL(paperPath(paper.id), SITE_URL).href,
    pdfUrl: paper.links.pdf ?? (paper.arxiv === undefined ? undefined : arxivPdfUrl(paper.arxiv)),
  };
}
