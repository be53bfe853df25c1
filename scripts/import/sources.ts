/**
 * Every import source, in the order `import sources` runs those the site configures (Hugging Face
 * first, then arXiv) and the help lists them. A new source is a file under sources/ and a line here.
 */
import type { ImportSource } from './source.ts';
import { arxiv } from './sources/arxiv.ts';
import { hf } from './sources/hf.ts';
import { listing } from './sources/listing.ts';

export const SOURCES: readonly ImportSource[] = [hf, arxiv, listing];
