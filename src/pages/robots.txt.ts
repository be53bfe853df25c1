import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapPath } from '../data/routes.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapPath())}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
