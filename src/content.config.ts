import { defineCollection } from 'astro:content';
import { papersLoader } from './content/loader.ts';

// Our loader checks, validates and renders each paper with the pipeline `npm run check` runs
// (src/content/paper-pipeline.ts); Astro's glob loader and Markdown engine are not used.
const papers = defineCollection({ loader: papersLoader() });

export const collections = { papers };
