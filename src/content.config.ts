import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CONTENT_DIR } from './consts.ts';
import { PaperSchema } from './lib/paper.ts';

const papers = defineCollection({
  loader: glob({
    base: CONTENT_DIR,
    pattern: '*/*.md',
    // '<day>/<file name>' without '.md': the default id would strip the dot of '2503.01234' and
    // merge equal file names from different days; data/papers.ts splits it and checks both parts.
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
    // Abstracts are rendered by src/lib/markdown.ts (allow-list HTML), never by Astro's Markdown
    // engine, which passes raw HTML through; deferring skips that unused render entirely.
    deferRender: true,
  }),
  schema: PaperSchema,
});

export const collections = { papers };
