import type { APIRoute } from 'astro';
import { mathStylesheet } from '../content/math/render.ts';
import { getSiteData } from '../data/papers.ts';

/** KaTeX's positioning, as classes (the Content-Security-Policy allows no style attributes). */
export const GET: APIRoute = async () =>
  new Response(`${mathStylesheet((await getSiteData()).mathStyles)}\n`, { headers: { 'content-type': 'text/css; charset=utf-8' } });
