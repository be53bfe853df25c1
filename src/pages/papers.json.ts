import type { APIRoute } from 'astro';
import { frontMatterOf, type PaperData } from '../content/paper-schema.ts';
import { getSiteData } from '../data/papers.ts';

/**
 * The front-matter fields of the site-wide index: what finds a paper and ranks it. Not the notes
 * (summary, comment, journal, submitter, dates, category), which each day's `papers.json` has: this
 * one file grows with the site, and Cloudflare Pages serves no file over 25 MiB (docs/operations.md, hosts).
 */
const INDEX_FIELDS = ['title', 'authors', 'arxiv', 'links', 'tags', 'votes', 'hf_upvotes'] as const satisfies readonly (keyof PaperData)[];

/**
 * Every paper, newest first, for scripts and other tools: its listing day and id, then the fields
 * of `INDEX_FIELDS` its file's front matter holds (`frontMatterOf`, as a day's `papers.json` gives
 * them: fields it leaves out stay out, votes too). Not its URL, which its id
 * gives (`<site>/papers/<id>/`) and each day's file spells (bytes a large site saves: docs/performance.md).
 */
export const GET: APIRoute = async () => {
  const { papers } = await getSiteData();
  const index = papers.map((p) => {
    const fields = frontMatterOf(p);
    return { day: p.day, id: p.id, ...Object.fromEntries(INDEX_FIELDS.flatMap((k) => (k in fields ? [[k, fields[k]]] : []))) };
  });
  return new Response(`${JSON.stringify({ version: 1, count: index.length, papers: index })}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
