import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const papers = defineCollection({
  loader: glob({
    base: process.env.BENCH_CONTENT ?? 'content',
    pattern: '*/*.md',
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: z.looseObject({ title: z.string(), authors: z.array(z.string()).default([]) }),
});

export const collections = { papers };
