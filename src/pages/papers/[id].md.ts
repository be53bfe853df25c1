import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { writePaperFile } from '../../content/paper-file.ts';
import { paperStaticPaths } from '../../data/papers.ts';

export const getStaticPaths = paperStaticPaths satisfies GetStaticPaths;

/** The paper as clean markdown with front matter: the same format as the content files. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const { paper } = props;
  const fields = {
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
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields;
  const text = `${writePaperFile(defined, '').trimEnd()}\n\n${paper.abstractMarkdown}\n`;
  return new Response(text, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
