import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setVotesLine } from '../../src/content/paper-file.ts';
import { buildIndex, fragmentBudget, pageIds } from '../../src/integrations/pagefind.ts';
import { checkSearchShards } from '../../src/verify/site.ts';
import { ROOT } from '../support/run.ts';

describe('fragmentBudget', () => {
  it('lets Pagefind write a fragment a paper while the site stays within two files a paper', () => {
    // 75 papers, 200 other files: nothing to bundle (at least 1,000 fragments).
    expect(fragmentBudget(75, 200)).toBe(1_000);
    // 10,000 papers and 12,700 files before the index: room for 6,900 fragments beside
    // Pagefind's ~400 other files, 20,000 in all.
    const budget = fragmentBudget(10_000, 12_700);
    expect(budget).toBe(20_000 - 12_700 - 400);
    // 50,000 papers, 56,500 files: most fragments stay single.
    expect(fragmentBudget(50_000, 56_500)).toBe(100_000 - 56_500 - 1_600);
  });
});

// The real integration and the real Pagefind, on a small built site: paper pages as the paper
// page marks them for the index, the paper files they come from, and papers.json's votes.
const work = mkdtempSync(path.join(tmpdir(), 'papershelf-shards-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Fixture {
  day: string;
  id: string;
  title: string;
  votes: number;
}
const PAPERS: Fixture[] = [
  { day: '2024-06-03', id: 'archived-graph-networks', title: 'Archived Graph Networks', votes: 0 },
  { day: '2024-11-20', id: 'old-sparse-attention', title: 'Old Sparse Attention', votes: 4 },
  { day: '2025-02-11', id: 'february-retrieval', title: 'February Retrieval Models', votes: 0 },
  { day: '2025-03-04', id: 'march-agents', title: 'March Agents', votes: 9 },
  { day: '2025-03-05', id: 'march-diffusion', title: 'March Diffusion', votes: 1 },
];

function page(p: Fixture): string {
  return `<!doctype html><html lang="en"><head><title>${p.title}</title></head><body><article data-pagefind-body data-day="${p.day}" data-title="${p.title}" data-pagefind-meta="title[data-title], day[data-day]" data-pagefind-filter="day[data-day]" data-pagefind-sort="day[data-day]"><h1>${p.title}</h1><p>An abstract about ${p.title.toLowerCase()}, listed on ${p.day}.</p></article></body></html>`;
}
function source(p: Fixture): string {
  return `---\ntitle: ${JSON.stringify(p.title)}\nauthors: ["Ada Lovelace"]\nvotes: ${p.votes}\n---\n\nAn abstract about ${p.title.toLowerCase()}.\n`;
}

/** A site folder (content/, dist/, cache/) holding `papers`, as a build leaves it before the index. */
function site(name: string, papers: Fixture[]): { content: string; out: string; cacheDir: string } {
  const dir = path.join(work, name);
  const content = path.join(dir, 'content');
  const out = path.join(dir, 'dist');
  for (const p of papers) {
    write(content, out, p);
  }
  writeData(out, papers);
  return { content, out, cacheDir: path.join(dir, 'cache') };
}
function write(content: string, out: string, p: Fixture): void {
  mkdirSync(path.join(content, p.day), { recursive: true });
  writeFileSync(path.join(content, p.day, `${p.id}.md`), source(p));
  mkdirSync(path.join(out, 'papers', p.id), { recursive: true });
  writeFileSync(path.join(out, 'papers', p.id, 'index.html'), page(p));
}
function writeData(out: string, papers: Fixture[]): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'papers.json'),
    JSON.stringify({ version: 1, papers: papers.map((p) => ({ id: p.id, day: p.day, votes: p.votes, hf_upvotes: 0 })) }),
  );
}

async function index(s: { content: string; out: string; cacheDir: string }): Promise<string> {
  const lines: string[] = [];
  await buildIndex({ ...s, root: ROOT, base: '/' }, { info: (m) => lines.push(m) });
  return lines.join('\n');
}
function tree(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))]),
  );
}
/** A folder's inode, modification and birth times: all three change when it is removed and made again. */
const folderStamp = (dir: string) => {
  const st = statSync(dir);
  return [st.ino, st.mtimeMs, st.birthtimeMs];
};
const entry = (out: string, dir: string) =>
  JSON.parse(readFileSync(path.join(out, 'pagefind', dir, 'pagefind-entry.json'), 'utf8')).languages.en.page_count as number;

describe('the search index in frozen shards', () => {
  const s = site('kept', PAPERS);

  it('writes one bundle per listing period: the live month at the root, the year and the archive under shards/', async () => {
    const log = await index(s);
    expect(log).toMatch(/5 paper pages in 3 shards; indexed live, year, archive/);
    expect([entry(s.out, ''), entry(s.out, 'shards/year'), entry(s.out, 'shards/archive')]).toEqual([2, 1, 2]);
    expect(checkSearchShards(s.out, PAPERS)).toEqual([]);
    // votes.json: each result's page hash (the fragment's name) → votes, papers with votes only.
    const votes = JSON.parse(readFileSync(path.join(s.out, 'pagefind/votes.json'), 'utf8')) as Record<string, number>;
    const ids = { ...pageIds(path.join(s.out, 'pagefind')), ...pageIds(path.join(s.out, 'pagefind/shards/archive')) };
    expect(Object.fromEntries(Object.entries(votes).map(([hash, n]) => [ids[hash], n]))).toEqual({
      'old-sparse-attention': 4,
      'march-agents': 9,
      'march-diffusion': 1,
    });
  });

  it('indexes nothing again when nothing changed, or when only votes did', async () => {
    const archived = path.join(s.out, 'pagefind/shards/archive/pagefind-entry.json');
    const before = statSync(archived);
    expect(await index(s)).toMatch(/nothing to index, 3 unchanged/);
    // New votes on an archived paper: its file and papers.json change, the index does not.
    const old = path.join(s.content, '2024-11-20/old-sparse-attention.md');
    writeFileSync(old, setVotesLine(readFileSync(old, 'utf8'), 40));
    const voted = PAPERS.map((p) => (p.id === 'old-sparse-attention' ? { ...p, votes: 40 } : p));
    writeData(s.out, voted);
    expect(await index(s)).toMatch(/nothing to index, 3 unchanged/);
    const after = statSync(archived);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(Object.values(JSON.parse(readFileSync(path.join(s.out, 'pagefind/votes.json'), 'utf8')))).toContain(40);
  });

  it('re-indexes only the shard a new paper joins, and gives what a cold build of the same papers gives', async () => {
    const archived = statSync(path.join(s.out, 'pagefind/shards/archive/pagefind-entry.json'));
    // The frozen shard's folder is left as it is (a hard-linked file keeps its inode even when
    // linked again into a new folder; the folder itself would be new).
    const folder = folderStamp(path.join(s.out, 'pagefind/shards/archive'));
    const added: Fixture = { day: '2025-03-06', id: 'march-added', title: 'March Added Paper', votes: 2 };
    const now = PAPERS.map((p) => (p.id === 'old-sparse-attention' ? { ...p, votes: 40 } : p)).concat(added);
    write(s.content, s.out, added);
    writeData(s.out, now);
    expect(await index(s)).toMatch(/6 paper pages in 3 shards; indexed live, 2 unchanged/);
    expect(statSync(path.join(s.out, 'pagefind/shards/archive/pagefind-entry.json')).ino).toBe(archived.ino);
    expect(folderStamp(path.join(s.out, 'pagefind/shards/archive'))).toEqual(folder);
    expect(entry(s.out, '')).toBe(3);
    const cold = site('cold', now);
    await index(cold);
    expect(tree(path.join(s.out, 'pagefind'))).toEqual(tree(path.join(cold.out, 'pagefind')));
  });

  it('re-indexes only the archive when an archived paper is edited: no stale file, the same as a cold build', async () => {
    const year = folderStamp(path.join(s.out, 'pagefind/shards/year'));
    const live = statSync(path.join(s.out, 'pagefind/pagefind-entry.json'));
    const before = new Set(tree(path.join(s.out, 'pagefind/shards/archive')).keys());
    const edited: Fixture = { day: '2024-06-03', id: 'archived-graph-networks', title: 'Archived Graph Networks, Revised', votes: 0 };
    const now = PAPERS.map((p) => (p.id === edited.id ? edited : p.id === 'old-sparse-attention' ? { ...p, votes: 40 } : p)).concat({
      day: '2025-03-06',
      id: 'march-added',
      title: 'March Added Paper',
      votes: 2,
    });
    write(s.content, s.out, edited);
    writeData(s.out, now);
    expect(await index(s)).toMatch(/6 paper pages in 3 shards; indexed archive, 2 unchanged/);
    // The other shards are untouched; the archive's old index files are gone.
    expect(folderStamp(path.join(s.out, 'pagefind/shards/year'))).toEqual(year);
    expect(statSync(path.join(s.out, 'pagefind/pagefind-entry.json')).ino).toBe(live.ino);
    const after = [...tree(path.join(s.out, 'pagefind/shards/archive')).keys()];
    expect(after.filter((f) => f.endsWith('.pf_meta') && before.has(f))).toEqual([]);
    const cold = site('cold-edited', now);
    await index(cold);
    expect(tree(path.join(s.out, 'pagefind'))).toEqual(tree(path.join(cold.out, 'pagefind')));
  });

  it('moves a paper between shards, drops a shard that has no paper left, and verification sees a stale one', async () => {
    // The February paper moves to March: the year shard is empty, and goes.
    rmSync(path.join(s.content, '2025-02-11'), { recursive: true });
    write(s.content, s.out, { day: '2025-03-07', id: 'february-retrieval', title: 'February Retrieval Models', votes: 0 });
    const moved = PAPERS.filter((p) => p.id !== 'february-retrieval')
      .map((p) => (p.id === 'old-sparse-attention' ? { ...p, votes: 40 } : p))
      .concat(
        { day: '2025-03-06', id: 'march-added', title: 'March Added Paper', votes: 2 },
        { day: '2025-03-07', id: 'february-retrieval', title: 'February Retrieval Models', votes: 0 },
      );
    writeData(s.out, moved);
    expect(await index(s)).toMatch(/6 paper pages in 2 shards; indexed live, 1 unchanged/);
    expect(readdirSync(path.join(s.out, 'pagefind/shards'))).toEqual(['archive']);
    expect(entry(s.out, '')).toBe(4);
    expect(checkSearchShards(s.out, moved)).toEqual([]);
    // A shard left behind by hand, and an index that disagrees with the papers, are reported.
    cpSync(path.join(s.out, 'pagefind/shards/archive'), path.join(s.out, 'pagefind/shards/year'), { recursive: true });
    const problems = checkSearchShards(s.out, [...moved, { day: '2025-03-08' }]).map((p) => `${p.file} ${p.message}`);
    expect(problems).toEqual([
      'pagefind/pagefind-entry.json Pagefind indexed 4 pages in the live shard (2025-03-04 to 2025-03-08), but there are 5 paper files of its days',
      'pagefind/shards/year a search shard the site does not have',
    ]);
  });
});
