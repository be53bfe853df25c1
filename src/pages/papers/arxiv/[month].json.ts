import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { arxivIndex } from '../../../data/citations.ts';
import { withCacheKeys } from '../../../data/page-keys.ts';
import { getSiteData } from '../../../data/papers.ts';

/** One file per arXiv month the site has papers from: a few hundred bytes to a few tens of KB each. */
export const getStaticPaths = (async () => {
  const { papers } = await getSiteData();
  return withCacheKeys(arxivIndex(papers).map(({ month, ids }) => ({ params: { month }, props: { ids } })));
}) satisfies GetStaticPaths;

/**
 * The site's papers with an arXiv id issued in this month, arXiv id → paper id: how the library's
 * import finds this site's page for a reference that names a paper by arXiv id (Zotero, arXiv, and
 * the site's own exports, whose URL is arXiv's).
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ params, props }) =>
  new Response(`${JSON.stringify({ version: 1, month: params.month, papers: props.ids })}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
