/**
 * The real corpus (`../shared/corpus/arxiv-5k.jsonl.gz`: 5,000 arXiv papers with their real
 * titles, authors and abstracts) as paper files, for what synthetic text cannot measure: search
 * relevance. Each paper keeps its arXiv id (its file name) and the day a crawl first listed it.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { paperFileName } from '../../../src/content/content-files.ts';
import { writePaperFile } from '../../../src/content/paper-file.ts';
import { checkPaperText } from '../../../src/content/validate.ts';
import { isDayKey } from '../../../src/lib/dates.ts';
import { ROOT } from '../../lib/root.ts';
import type { SyntheticPaper } from './synthetic.ts';

/** Where the real corpus is, beside the repository (as `../shared/` is laid out for developers and CI). */
export const REAL_CORPUS = path.resolve(ROOT, '../shared/corpus/arxiv-5k.jsonl.gz');

/** One line of the corpus. */
export interface CorpusRecord {
  arxiv: string;
  day: string;
  title: string;
  authors: string[];
  abstract: string;
}

/** Reads the corpus's records, in its order; throws naming the file when it is missing or malformed. */
export function readRealCorpus(file: string = REAL_CORPUS): CorpusRecord[] {
  if (!existsSync(file)) {
    throw new Error(`${file}: the real corpus is not there (it comes with ../shared/corpus/)`);
  }
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const r = JSON.parse(line) as CorpusRecord;
      if (typeof r.arxiv !== 'string' || !isDayKey(r.day) || typeof r.title !== 'string' || typeof r.abstract !== 'string') {
        throw new Error(`${file}:${i + 1}: not a corpus record`);
      }
      return r;
    });
}

/**
 * The first `count` records as paper files (id = arXiv id, listed on the record's day), and the
 * records the site's check would refuse (reported by the caller, never written silently).
 */
export function realPapers(records: readonly CorpusRecord[], count: number): { papers: SyntheticPaper[]; refused: string[] } {
  const papers: SyntheticPaper[] = [];
  const refused: string[] = [];
  for (const r of records.slice(0, count)) {
    const fields = { title: r.title, authors: r.authors, arxiv: r.arxiv };
    const problems = checkPaperText(writePaperFile(fields, r.abstract), paperFileName(r.day, r.arxiv), r.day);
    if (problems.length > 0) {
      refused.push(`${r.arxiv}: ${problems[0]?.field}: ${problems[0]?.message}`);
      continue;
    }
    papers.push({ day: r.day, id: r.arxiv, fields, abstract: r.abstract });
  }
  return { papers, refused };
}
