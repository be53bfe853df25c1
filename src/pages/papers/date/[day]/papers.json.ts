import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { dayFileStaticPaths, paperRecord } from '../../../../data/papers.ts';

export const getStaticPaths = dayFileStaticPaths satisfies GetStaticPaths;

/**
 * Every paper of the day, in listing order: every front matter field of its content file
 * (`frontMatterOf`: `votes` is the file's, `hf_upvotes` apart), plus its id and URL. Not the
 * abstract: each paper's page carries it (shown, and in `citation_abstract`), and the content file
 * in the repository holds its markdown. A third copy here would cost a 50,000-paper site more than
 * it can spend within GitHub Pages' 1 GB (docs/performance.md, "Behind the code").
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ params, props }) => {
  const papers = props.papers.map(paperRecord);
  return new Response(`${JSON.stringify({ version: 1, day: params.day, count: papers.length, papers })}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
