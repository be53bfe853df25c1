import type { APIRoute } from 'astro';
import { SITE_URL } from '../consts.ts';
import { withBase } from '../lib/routes.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(withBase('sitemap.xml'), SITE_URL).href}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
