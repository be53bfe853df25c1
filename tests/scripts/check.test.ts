import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as check } from '../../scripts/check.ts';
import { ROOT, runMain, runScript } from '../support/run.ts';

let dir: string;
const invalid = path.join(ROOT, 'tests/fixtures/invalid');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papershelf-check-'));
  mkdirSync(path.join(dir, '2025-03-17'));
  mkdirSync(path.join(dir, '2025-03-18'));
  mkdirSync(path.join(dir, '2024-02-30'));
  for (const name of readdirSync(invalid)) {
    copyFileSync(path.join(invalid, name), path.join(dir, '2025-03-17', name));
  }
  copyFileSync(path.join(ROOT, 'tests/fixtures/valid/minimal.md'), path.join(dir, '2025-03-18', 'minimal.md'));
  copyFileSync(path.join(ROOT, 'tests/fixtures/valid/minimal.md'), path.join(dir, '2025-03-18', 'raw-html.md'));
  copyFileSync(path.join(ROOT, 'tests/fixtures/valid/minimal.md'), path.join(dir, '2024-02-30', 'ok.md'));
  copyFileSync(path.join(ROOT, 'tests/fixtures/valid/minimal.md'), path.join(dir, '2025-03-18', 'notes.markdown'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check', () => {
  it('passes on the real content', async () => {
    const result = await runMain(check, []);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+ files checked, 0 problems(, \d+ warnings?)?$/m);
  });

  it('reports every problem in every file at once, then exits 1 (a real process: its exit status)', () => {
    const result = runScript('check.ts', [], { PAPERSHELF_CONTENT: dir });
    expect(result.status).toBe(1);
    const shown = path.relative(ROOT, dir);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContain(
      `${shown}/2025-03-17/unquoted-arxiv.md:3:1 arxiv: must be a quoted string such as "2503.01234", but YAML read the number 2401.1: put the value in quotes`,
    );
    expect(lines).toContain(`${shown}/2025-03-17/unknown-field.md:3:1 titel: unknown field "titel": did you mean "title"?`);
    expect(lines).toContain(
      `${shown}/2025-03-18/raw-html.md:1:1 file: the id "raw-html" is already on the site: ${shown}/2025-03-17/raw-html.md`,
    );
    expect(lines).toContain(
      `${shown}/2025-03-17/published-after-day.md:3:1 published: 2025-03-18 is after the listing day 2025-03-17 (the folder): a paper cannot be listed before it is published`,
    );
    expect(lines).toContain(`${shown}/2025-03-17/not-utf8.md:3:15 file: is not valid UTF-8: save it as UTF-8`);
    // The invalid fixtures share the title "A paper": each later one is a duplicate of the first.
    expect(lines).toContain(
      `${shown}/2025-03-17/bad-arxiv.md:1:1 title: the same title is already on the site: ${shown}/2025-03-17/authors-string.md`,
    );
    expect(lines).toContain(
      `${shown}/2024-02-30/ok.md:1:1 file: the folder "2024-02-30" must be a listing day written YYYY-MM-DD that exists on the calendar`,
    );
    // Every invalid fixture is reported, plus the duplicate id, the bad folder and the summary.
    for (const name of readdirSync(invalid)) {
      expect(result.stderr, name).toContain(`/2025-03-17/${name}:`);
    }
    expect(lines).toContain(
      `${shown}/2025-03-18/notes.markdown:1:1 file: paper files must be named <id>.md, in lowercase (other files do not belong here)`,
    );
    expect(lines.at(-1)).toBe(`${readdirSync(invalid).length + 4} files checked, ${lines.length - 1} problems`);
  });

  it('gives the same report from its cache, and sees every changed file', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'papershelf-check-cache-'));
    try {
      const env = { PAPERSHELF_CONTENT: dir, PAPERSHELF_CACHE: cacheDir };
      const fresh = await runMain(check, ['--no-cache'], env);
      const first = await runMain(check, [], env);
      expect(existsSync(path.join(cacheDir, 'papershelf/check.json'))).toBe(true);
      const cached = await runMain(check, [], env);
      expect(first.stderr).toBe(fresh.stderr);
      expect(cached.stderr).toBe(fresh.stderr);
      expect(cached.status).toBe(1);
      // A fixed file stops being reported, a broken one starts, though both were cached.
      const file = path.join(dir, '2025-03-17', 'unknown-field.md');
      const before = readFileSync(file, 'utf8');
      writeFileSync(file, '---\ntitle: "Unknown field, fixed"\n---\n\nAbstract.\n');
      writeFileSync(path.join(dir, '2025-03-18', 'minimal.md'), '---\ntitle: ""\n---\n\nText.\n');
      try {
        const after = await runMain(check, [], env);
        expect(after.stderr).not.toContain('unknown-field.md:3:1 titel');
        expect(after.stderr).toMatch(/2025-03-18\/minimal\.md:2:\d+ title: must not be empty/);
      } finally {
        writeFileSync(file, before);
        copyFileSync(path.join(ROOT, 'tests/fixtures/valid/minimal.md'), path.join(dir, '2025-03-18', 'minimal.md'));
      }
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('writes GitHub annotations with --format github', async () => {
    const result = await runMain(check, ['--format', 'github'], { PAPERSHELF_CONTENT: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^::error file=.*\/2025-03-17\/unknown-field\.md,line=3,col=1,title=titel::titel: unknown field "titel": did you mean "title"\?$/m,
    );
  });

  it('warns about an arXiv paper with no authors, naming the command that completes it, and still passes', async () => {
    const warned = mkdtempSync(path.join(tmpdir(), 'papershelf-check-warn-'));
    try {
      mkdirSync(path.join(warned, '2025-03-17'));
      writeFileSync(path.join(warned, '2025-03-17', '2501.06807.md'), '---\ntitle: "MPCache"\narxiv: "2501.06807"\n---\n\nAbstract.\n');
      copyFileSync(path.join(ROOT, 'tests/fixtures/valid/minimal.md'), path.join(warned, '2025-03-17', 'minimal.md'));
      for (const args of [['--no-cache'], []]) {
        const result = await runMain(check, args, { PAPERSHELF_CONTENT: warned, PAPERSHELF_CACHE: warned });
        expect(result.status).toBe(0);
        const shown = path.relative(process.cwd(), path.join(warned, '2025-03-17', '2501.06807.md'));
        expect(result.stderr.trim().split('\n')).toEqual([
          `${shown}:3:1 authors: warning: an arXiv paper with no authors: Google Scholar ignores its page and Zotero saves it authorless; \`npm run complete -- --arxiv\` fills them in from arXiv (or \`-- --from FILE\` from a metadata file)`,
        ]);
        expect(result.stdout.trim()).toBe('2 files checked, 0 problems, 1 warning');
      }
      const github = await runMain(check, ['--format', 'github', '--no-cache'], { PAPERSHELF_CONTENT: warned });
      expect(github.stderr).toMatch(
        /^::warning file=.*2501\.06807\.md,line=3,col=1,title=authors::authors: an arXiv paper with no authors/m,
      );
    } finally {
      rmSync(warned, { recursive: true, force: true });
    }
  });

  it('explains its usage', async () => {
    expect((await runMain(check, ['--help'])).stdout).toContain('Usage: npm run check [-- options]');
    expect((await runMain(check, ['--format', 'xml'])).status).toBe(2);
  });
});
