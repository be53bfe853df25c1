import type { APIRoute } from 'astro';
import { getSiteData } from '../data/papers.ts';
import { absoluteUrl, paperPath } from '../data/routes.ts';

/** Every paper, newest first, for scripts and other tools: `votes` and `hf_upvotes` as the files have them. */
export const GET: APIRoute = async () => {
  const { papers } = await getSiteData();
  const index = papers.map((p) => ({
    id: p.id,
    title: p.title,
    authors: p.authors,
    day: p.day,
    url: absoluteUrl(paperPath(p.id)),
    ...(p.arxiv === undefined ? {} : { arxiv: p.arxiv }),
    links: p.links,
    tags: p.tags,
    votes: p.votes,
    hf_upvotes: p.hf_upvotes,
  }));
  return new Response(`${JSON.stringify({ version: 1, count: index.length, papers: index })}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
