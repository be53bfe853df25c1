import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { escapeXml } from '../data/feed-documents.ts';
import { paginate } from '../data/groups.ts';
import { pageUrls, SITEMAP_CHUNK } from '../data/sitemap.ts';

export const getStaticPaths = (async () =>
  paginate(await pageUrls(), SITEMAP_CHUNK).map((urls, i) => ({ params: { n: String(i + 1) }, props: { urls } }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const body = `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${props.urls
    .map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
