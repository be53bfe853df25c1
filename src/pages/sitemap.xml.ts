import type { APIRoute } from 'astro';
import { escapeXml } from '../data/feed-documents.ts';
import { absoluteUrl, sitemapPath } from '../data/routes.ts';
import { pageUrls, SITEMAP_CHUNK } from '../data/sitemap.ts';

/** The sitemap index: one entry per sitemap file of at most SITEMAP_CHUNK URLs. */
export const GET: APIRoute = async () => {
  const chunks = Math.max(1, Math.ceil((await pageUrls()).length / SITEMAP_CHUNK));
  const entries = Array.from({ length: chunks }, (_, i) => `  <sitemap><loc>${escapeXml(absoluteUrl(sitemapPath(i + 1)))}</loc></sitemap>`);
  const body = `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
