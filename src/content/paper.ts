/** A paper as the site uses it (the schema's data, where it came from, what the build derived), and listing order. */
import { compareText } from '../lib/text.ts';
import type { Credit } from './credits.ts';
import type { PaperData } from './paper-schema.ts';

/** All of a paper's votes: the site's own plus Hugging Face's (either left out of a data file is 0). */
export function totalVotes(paper: { votes?: number; hf_upvotes?: number }): number {
  return (paper.votes ?? 0) + (paper.hf_upvotes ?? 0);
}

/** A paper as the site uses it: validated data plus where it came from and its rendered abstract. */
export interface Paper extends PaperData {
  /**
   * All its votes: the site's own (`votes`, as in the file) plus Hugging Face's (`hf_upvotes`).
   * Listings rank by it and show it; files and data files keep the two apart.
   */
  totalVotes: number;
  /** The file name without `.md`; unique across the site, used in `/papers/<id>/`. */
  id: string;
  /** The listing day: the name of the folder that holds the file. */
  day: string;
  /** The title as plain text with math made readable ('$O(n^2)$' → 'O(n²)'), for meta tags and feeds. */
  titleText: string;
  /** The title as HTML with math rendered by KaTeX (paper pages). */
  titleHtml: string;
  /** The abstract as sanitized HTML (see `renderAbstract`). */
  abstractHtml: string;
  /** The abstract as plain text, for excerpts and metadata. */
  abstractText: string;
  /** Its rendered math uses /math.css's classes: its page links that stylesheet (most papers have no math). */
  mathCss: boolean;
  /** Who added it: `submitted_by`, else the author of the commit that added the file (none outside git). */
  credit?: Credit;
}

/** Order for listings: most votes first, then title, then id (ties are always broken). */
export function compareByVotes(a: Pick<Paper, 'totalVotes' | 'title' | 'id'>, b: Pick<Paper, 'totalVotes' | 'title' | 'id'>): number {
  return b.totalVotes - a.totalVotes || compareText(a.title, b.title) || compareText(a.id, b.id);
}
