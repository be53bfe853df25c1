/**
 * `node scripts/dev/term-rarity.ts [corpus.jsonl.gz]`: writes src/data/term-rarity.json, the table
 * "For you" weighs terms by (src/lib/for-you.ts, `describePaper`): in how many abstracts of the real
 * arXiv corpus (../shared/corpus/arxiv-5k.jsonl.gz) each stem occurs, stems in at least two of them.
 * A fixed table, so that a paper's description never changes as the site grows; run again only to
 * change it (every day's description file changes with it).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stems } from '../../src/lib/for-you.ts';
import { ROOT } from '../lib/root.ts';
import { REAL_CORPUS, readRealCorpus } from './bench/real-corpus.ts';

const records = readRealCorpus(process.argv[2] ?? REAL_CORPUS);
const df = new Map<string, number>();
for (const r of records) {
  for (const s of new Set(stems(`${r.title} ${r.abstract}`))) {
    df.set(s, (df.get(s) ?? 0) + 1);
  }
}
const kept = Object.fromEntries([...df].filter(([, n]) => n >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const file = path.join(ROOT, 'src/data/term-rarity.json');
writeFileSync(file, `${JSON.stringify({ papers: records.length, df: kept })}\n`);
console.log(`${file}: ${Object.keys(kept).length} stems from ${records.length} papers`);
