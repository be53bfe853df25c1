/**
 * What the build publishes for "For you" (src/lib/for-you.ts): each listing day's papers described by
 * their most distinctive terms, weighed by a fixed table of how rare each term is in arXiv abstracts
 * (term-rarity.json, written by scripts/dev/term-rarity.ts), so that a day's file never changes as
 * the site grows and is written once, like the day's other files.
 */
import type { Paper } from '../content/paper.ts';
import { describePaper, encodeTerms, FOR_YOU_VERSION, type TermRarity } from '../lib/for-you.ts';
import rarity from './term-rarity.json' with { type: 'json' };

/** A day's description file: its version, day, and each paper's id and terms, in listing order. */
export function forYouFile(day: string, papers: readonly Paper[]): string {
  const described = papers.map((p) => [p.id, encodeTerms(describePaper(p.titleText, p.abstractText, rarity as TermRarity))]);
  return `${JSON.stringify({ version: FOR_YOU_VERSION, day, papers: described })}\n`;
}
