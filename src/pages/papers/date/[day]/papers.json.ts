import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { dayFileStaticPaths } from '../../../../data/papers.ts';
import { absoluteUrl, paperPath } from '../../../../data/routes.ts';

export const getStaticPaths = dayFileStaticPaths satisfies GetStaticPaths;

/**
 * Every paper of the day, in listing order, as its content file has it: the front matter fields
 * and the abstract's markdown (what `npm run new` and the importers write), plus its id and URL.
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ params, props }) => {
  const papers = props.papers.map((paper) => ({
    id: paper.id,
    url: absoluteUrl(paperPath(paper.id)),
    title: paper.title,
    authors: paper.authors,
    arxiv: paper.arxiv,
    published: paper.published,
    category: paper.category,
    comment: paper.comment,
    journal: paper.journal,
    links: paper.links,
    tags: paper.tags,
    votes: paper.votes,
    abstract: paper.abstractMarkdown,
  }));
  return new Response(`${JSON.stringify({ version: 1, day: params.day, count: papers.length, papers })}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
