import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { forYouFile } from '../../../../data/for-you.ts';
import { dayFileStaticPaths } from '../../../../data/papers.ts';

export const getStaticPaths = dayFileStaticPaths satisfies GetStaticPaths;

/**
 * Each paper of the day described for "For you" (src/data/for-you.ts): fetched by a reader's
 * browser only when they ask for that order or open their library.
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ params, props }) =>
  new Response(forYouFile(String(params.day), props.papers), { headers: { 'content-type': 'application/json; charset=utf-8' } });
