import type { APIRoute } from 'astro';
import { getSiteData } from '../../data/papers.ts';
import { commonWords } from '../../lib/search-words.ts';

/**
 * The words on more than a fifth of the papers' titles and abstracts, sorted: the search page's
 * any-word ranking does not search them one by one (src/client/search-engine.ts). A few hundred
 * words, a few KB, whatever the site's size.
 */
export const GET: APIRoute = async () => {
  const { papers } = await getSiteData();
  const words = commonWords(papers.map((p) => `${p.titleText} ${p.abstractText}`));
  return new Response(`${JSON.stringify(words)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
