import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { bibtexEntry } from '../../data/citation-formats.ts';
import { citable } from '../../data/citations.ts';
import { paperStaticPaths } from '../../data/papers.ts';

export const getStaticPaths = paperStaticPaths satisfies GetStaticPaths;

/** The paper's BibTeX entry, for reference managers. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(bibtexEntry(citable(props.paper)), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
