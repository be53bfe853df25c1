import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { bibtexEntry } from '../../../../data/citation-formats.ts';
import { citable } from '../../../../data/citations.ts';
import { dayFileStaticPaths } from '../../../../data/papers.ts';

export const getStaticPaths = dayFileStaticPaths satisfies GetStaticPaths;

/** BibTeX entries of every paper of the day, in listing order, for reference managers. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(`${props.papers.map((paper) => bibtexEntry(citable(paper)).trimEnd()).join('\n\n')}\n`, {
    headers: { 'content-type': 'application/x-bibtex; charset=utf-8' },
  });
