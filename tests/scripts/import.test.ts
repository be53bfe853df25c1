import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as checkMain } from '../../scripts/check.ts';
import { main as completeMain } from '../../scripts/complete.ts';
import { SOURCES } from '../../scripts/import/sources.ts';
import { main as importMain } from '../../scripts/import.ts';
import { ROOT, runMain, runScript } from '../support/run.ts';

const SEED = 'tests/fixtures/listings/daily-papers-mar-17.txt';
/** What public sources confirm about the seed's papers (../shared/seed/seed-metadata.json). */
const SEED_METADATA = 'tests/fixtures/seed/seed-metadata.json';
let dir: string;
const importSeed = (...args: string[]) => runMain(importMain, ['listing', SEED, ...args], { PAPERSHELF_CONTENT: dir });
const dayDir = () => path.join(dir, '2025-03-17');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papershelf-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import -- listing', () => {
  it('imports the 75 seed papers into the listing day folder', async () => {
    const result = await importSeed('--date', '2025-03-17');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('75 papers for 2025-03-17: 75 created, 0 overwritten, 0 unchanged, 0 skipped');
    expect(result.stdout).toMatch(
      /created {4}\S+reasoning-to-attend-try-to-understand-how-seg-token-works\.md {2}\(tests\/fixtures\/listings\/daily-papers-mar-17\.txt:303\)/,
    );
    expect(readdirSync(dayDir())).toHaveLength(75);
  });

  it('writes, completed from the seed metadata, exactly the papers committed under content/papers/2025-03-17', async () => {
    const completed = await runMain(completeMain, ['--from', SEED_METADATA], { PAPERSHELF_CONTENT: dir });
    expect(completed.status, completed.stderr).toBe(0);
    expect(completed.stdout).toContain('75 papers: 74 completed, 1 already complete, 0 not in');
    const committed = path.join(ROOT, 'content/papers/2025-03-17');
    const names = readdirSync(committed).sort();
    expect(readdirSync(dayDir()).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(path.join(dayDir(), name), 'utf8'), name).toBe(readFileSync(path.join(committed, name), 'utf8'));
    }
  });

  it('changes nothing when run again, and neither does the completion', async () => {
    const before = readdirSync(dayDir()).map((n) => [n, statSync(path.join(dayDir(), n)).mtimeMs]);
    const result = await importSeed('--date', '2025-03-17');
    expect(result.status).toBe(0);
    // The completed files hold all the import would write, and more: unchanged, not hand edits.
    expect(result.stdout).toContain('0 created, 0 overwritten, 75 unchanged, 0 skipped');
    const again = await runMain(completeMain, ['--from', SEED_METADATA], { PAPERSHELF_CONTENT: dir });
    expect(again.stdout).toContain('75 papers: 0 completed, 75 already complete');
    expect(readdirSync(dayDir()).map((n) => [n, statSync(path.join(dayDir(), n)).mtimeMs])).toEqual(before);
  });

  it('keeps a hand-edited paper unless --force', async () => {
    const file = path.join(dayDir(), 'showui-one-vision-language-action-model-for-gui-visual-agent.md');
    // A word of the abstract changed by hand: the import would write something else.
    const edited = readFileSync(file, 'utf8').replace('---\n\n', '---\n\nEdited by hand: ');
    writeFileSync(file, edited);
    const kept = await importSeed('--date', '2025-03-17');
    expect(kept.stdout).toMatch(
      /skipped {4}\S+showui-one-vision-language-action-model-for-gui-visual-agent\.md .*: the file differs from the import \(edited by hand\?\); --force overwrites it/,
    );
    expect(kept.stdout).toContain('0 created, 0 overwritten, 74 unchanged, 1 skipped');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    const forced = await importSeed('--date', '2025-03-17', '--force');
    expect(forced.stdout).toContain('0 created, 1 overwritten, 74 unchanged, 0 skipped');
    expect(readFileSync(file, 'utf8')).not.toContain('Edited by hand: ');
  });

  it('leaves a content folder that npm run check passes', async () => {
    const result = await runMain(checkMain, ['--no-cache'], { PAPERSHELF_CONTENT: dir });
    expect(result.status).toBe(0);
    // The one arXiv paper no source gives authors for is pointed out, not refused.
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/\/mpcache-[\w-]+\.md:\d+:1 authors: warning: an arXiv paper with no authors/),
    ]);
  });

  it('refuses a --date that disagrees with the listing', async () => {
    const result = await importSeed('--date', '2025-03-18');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${SEED}:9: the listing is for "Mar 17", but --date is 2025-03-18`);
  });

  it('states the year it chose when --date is missing', async () => {
    const result = await importSeed('--dry-run');
    expect(result.stdout).toMatch(
      /note: "Mar 17" has no year; using (\d{4})-03-17, the latest such day up to today \(\d{4}-\d{2}-\d{2}, UTC\)\. Pass --date to choose\./,
    );
    expect(result.stdout).toContain('(dry run: nothing written)');
  });

  it('reports a broken dump and still imports its good papers', async () => {
    const broken = path.join(dir, 'broken.txt');
    writeFileSync(broken, 'Mar 17\n\nA Good Paper\n\nIts abstract.\n\nA title with no abstract\n');
    const result = await runMain(importMain, ['listing', broken, '--date', '2025-03-17'], { PAPERSHELF_CONTENT: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${broken}:7: title "A title with no abstract" has no abstract line after it`);
    expect(readFileSync(path.join(dayDir(), 'a-good-paper.md'), 'utf8')).toBe('---\ntitle: "A Good Paper"\n---\n\nIts abstract.\n');
  });

  it('writes only what npm run check passes, and refuses with the line npm run check prints', async () => {
    const arxivDir = mkdtempSync(path.join(tmpdir(), 'papershelf-import-arxiv-'));
    const feed = 'tests/fixtures/arxiv/tidaldecode.xml';
    const run = (...args: string[]) => runMain(importMain, ['arxiv', feed, ...args], { PAPERSHELF_CONTENT: arxivDir });
    const check = () => runMain(checkMain, ['--no-cache'], { PAPERSHELF_CONTENT: arxivDir });
    try {
      // Listed before arXiv published it (2024-10-07): npm run check would refuse the file, so import writes nothing.
      const early = await run('--date', '2024-10-01');
      expect(early.status).toBe(1);
      const refusal = path.relative(process.cwd(), path.join(arxivDir, '2024-10-01/2410.05076.md'));
      const line = `${refusal}:10:1 published: 2024-10-07 is after the listing day 2024-10-01 (the folder): a paper cannot be listed before it is published`;
      expect(early.stderr).toContain(line);
      expect(readdirSync(arxivDir)).toEqual([]);
      // On a day it may be listed, the file is written and passes the check.
      expect((await run('--date', '2024-10-08')).status).toBe(0);
      expect(await check()).toMatchObject({ status: 0, stderr: '' });
      // The same file moved to the refused day: npm run check prints the very line import printed.
      mkdirSync(path.join(arxivDir, '2024-10-01'));
      renameSync(path.join(arxivDir, '2024-10-08/2410.05076.md'), path.join(arxivDir, '2024-10-01/2410.05076.md'));
      expect((await check()).stderr.split('\n')).toContain(line);
    } finally {
      rmSync(arxivDir, { recursive: true, force: true });
    }
  });

  it('explains its usage', async () => {
    const help = runScript('import.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run import -- <format> <file> [options]');
    // Every source of the registry has its paragraph, and the unknown-format error names them all.
    for (const source of SOURCES) {
      expect(help.stdout).toMatch(new RegExp(`^  ${source.name} +${source.help.split('\n')[0]?.slice(0, 20)}`, 'm'));
    }
    expect(runScript('import.ts', ['rss', SEED]).stderr).toContain(`supported: ${[...SOURCES.map((s) => s.name), 'sources'].join(', ')}`);
    expect(runScript('import.ts', ['rss', SEED]).status).toBe(2);
    expect(runScript('import.ts', ['listing', SEED, '--date', '2025-02-30']).stderr).toContain('--date "2025-02-30" is not a calendar day');
  });
});
