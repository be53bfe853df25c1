import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { frontMatterOf } from '../../../../content/paper.ts';
import { dayFileStaticPaths } from '../../../../data/papers.ts';
import { absoluteUrl, paperPath } from '../../../../data/routes.ts';

export const getStaticPaths = dayFileStaticPaths satisfies GetStaticPaths;

/**
 * Every paper of the day, in listing order, as its content file has it: every front matter field
 * (`frontMatterOf`: `votes` is the file's, `hf_upvotes` apart) and the abstract's markdown (what
 * `npm run new` and the importers write), plus its id and URL.
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ params, props }) => {
  const papers = props.papers.map((paper) => ({
    id: paper.id,
    url: absoluteUrl(paperPath(paper.id)),
    ...frontMatterOf(paper),
    abstract: paper.abstractMarkdown,
  }));
  return new Response(`${JSON.stringify({ version: 1, day: params.day, count: papers.length, papers })}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
