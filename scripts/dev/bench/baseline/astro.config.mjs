// @ts-check
// The bare baseline of `npm run bench`: a minimal Astro site over the same corpus, one page per
// paper (Astro's own Markdown rendering) and one per day. The bench copies this folder into its
// work folder and sets BENCH_CONTENT (the corpus) and BENCH_OUT (where to build).
import { defineConfig } from 'astro/config';

export default defineConfig({ output: 'static', outDir: process.env.BENCH_OUT ?? 'dist', devToolbar: { enabled: false } });
