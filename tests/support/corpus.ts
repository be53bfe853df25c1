/**
 * A deterministic multi-month corpus for browse tests: weekdays from 2024-12-02 to 2025-02-28
 * (across a year end, with ISO week 2025-W01 starting on 2024-12-30), one empty week
 * (2025-W03), tags (one on more than a page of papers), authors from a shared pool (including
 * "Łukasz Kaiser" and "Lukasz Kaiser"), votes with ties.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePaperFile } from '../../src/content/paper-file.ts';
import { dayToDate, shiftDay, toDayKey, weekOf } from '../../src/lib/dates.ts';

const TOPICS = [
  'Sparse Attention',
  'Speculative Decoding',
  'Vision Transformers',
  'Retrieval',
  'Reward Models',
  'Tokenizers',
  'Agents',
  'Diffusion',
];
const TAGS = ['attention', 'decoding', 'vision', 'retrieval', 'alignment', 'tokenization', 'agents', 'diffusion'];
const AUTHORS = [
  'Ada Lovelace',
  'Alan Turing',
  'Grace Hopper',
  'Katherine Johnson',
  'Emmy Noether',
  'Hedy Lamarr',
  'Sofia Kovalevskaya',
  'Łukasz Kaiser',
  'Lukasz Kaiser',
  'Zoë Müller',
  'Dorothy Vaughan',
  'Mary Jackson',
];

/** A paper of the corpus, as the tests need to know it. */
export interface CorpusPaper {
  id: string;
  day: string;
  title: string;
  /** Its votes as listings rank them (the corpus has no Hugging Face upvotes: the file's votes). */
  totalVotes: number;
  tags: string[];
  authors: string[];
}

/** Writes the corpus into `dir` (`<day>/<id>.md`) and returns what it wrote. */
export function writeCorpus(dir: string): CorpusPaper[] {
  let state = 20250317;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const papers: CorpusPaper[] = [];
  for (let day = '2024-12-02'; day <= '2025-02-28'; day = shiftDay(day, 1)) {
    const weekday = dayToDate(day).getDay();
    if (weekday === 0 || weekday === 6 || weekOf(day) === '2025-W03') {
      continue;
    }
    const count = 4 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const n = papers.length;
      const topic = TOPICS[n % TOPICS.length] ?? '';
      const id = `2501.${String(10000 + n)}`;
      const tags = [TAGS[n % TAGS.length] ?? '', ...(n % 3 === 0 ? ['llm'] : [])];
      // Every 40th paper has a long author list (every name in the pool but one spelling of Kaiser).
      const authors =
        n % 40 === 7
          ? AUTHORS.filter((a) => a !== 'Lukasz Kaiser')
          : [AUTHORS[n % AUTHORS.length] ?? '', AUTHORS[(n * 7 + 3) % AUTHORS.length] ?? ''].filter((a, j, all) => all.indexOf(a) === j);
      // Votes repeat often, so ties must be broken by title.
      const votes = Math.floor(random() * 8) * 5;
      const title = `${topic} Study ${String(n).padStart(3, '0')}: ${['Scaling', 'Probing', 'Compressing', 'Evaluating'][n % 4]} ${topic}`;
      const abstract = `We study ${topic.toLowerCase()} in paper number ${n}. Listed on ${toDayKey(dayToDate(day))}, it is tagged ${tags.join(' and ')}.`;
      mkdirSync(path.join(dir, day), { recursive: true });
      writeFileSync(
        path.join(dir, day, `${id}.md`),
        writePaperFile(
          { title, authors, arxiv: id, published: day, tags, votes, links: { code: `https://github.com/example/paper-${n}` } },
          abstract,
        ),
      );
      papers.push({ id, day, title, totalVotes: votes, tags, authors });
    }
  }
  return papers;
}
