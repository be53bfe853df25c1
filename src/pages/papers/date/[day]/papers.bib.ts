import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { CITATION_FILES, citationFile } from '../../../../data/citation-formats.ts';
import { citable } from '../../../../data/citations.ts';
import { dayFileStaticPaths } from '../../../../data/papers.ts';

export const getStaticPaths = dayFileStaticPaths satisfies GetStaticPaths;

/** BibTeX entries of every paper of the day, in listing order, for reference managers. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(citationFile('bibtex', props.papers.map(citable)), {
    headers: { 'content-type': `${CITATION_FILES.bibtex.type}; charset=utf-8` },
  });
