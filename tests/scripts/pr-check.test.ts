import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assemblePreview, contentCheck } from '../../scripts/lib/preview-check.ts';
import { changedDays, main, scopeOf } from '../../scripts/workflows/pr-check.ts';
import { ROOT, runMain } from '../support/run.ts';

describe('scopeOf', () => {
  it('takes the short path only when every changed file is a paper', () => {
    expect(scopeOf(['content/papers/2025-03-17/2503.01234.md', 'content/papers/2025-03-18/a-title.md'])).toBe('content');
    expect(scopeOf(['content/papers/2025-03-17/2503.01234.md', 'src/consts.ts'])).toBe('code');
    expect(scopeOf(['content/papers/README.txt'])).toBe('code');
    expect(scopeOf(['.github/workflows/pull-request.yml'])).toBe('code');
    // Nothing to compare (a push, an empty diff): the full check.
    expect(scopeOf([])).toBe('code');
  });
});

describe('changedDays', () => {
  it('lists each day a change adds to, edits, moves from or to, or deletes from, once', () => {
    expect(changedDays(['content/papers/2025-03-18/b.md', 'content/papers/2025-03-17/a.md', 'content/papers/2025-03-18/c.md'])).toEqual([
      '2025-03-17',
      '2025-03-18',
    ]);
  });
});

describe('assemblePreview', () => {
  it("copies the changed days' papers only, and skips a day left empty", () => {
    const work = mkdtempSync(path.join(tmpdir(), 'papershelf-preview-'));
    for (const [day, id] of [
      ['2025-03-17', 'a'],
      ['2025-03-17', 'b'],
      ['2025-03-18', 'c'],
    ] as const) {
      mkdirSync(path.join(work, 'content', day), { recursive: true });
      writeFileSync(path.join(work, 'content', day, `${id}.md`), `---\ntitle: "${id}"\n---\n\nAbstract.\n`);
    }
    expect(assemblePreview(path.join(work, 'content'), ['2025-03-17', '2025-03-20'], path.join(work, 'preview'))).toBe(2);
    expect(readFileSync(path.join(work, 'preview/2025-03-17/b.md'), 'utf8')).toContain('title: "b"');
    rmSync(work, { recursive: true, force: true });
  });
});

describe('contentCheck', () => {
  it('annotates the diff on the content path: a refused paper is a ::error workflow command on its line, and nothing is built', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'papershelf-content-check-'));
    try {
      mkdirSync(path.join(work, 'content', '2025-03-17'), { recursive: true });
      writeFileSync(path.join(work, 'content', '2025-03-17', 'bad.md'), '---\ntitle: "Bad"\ntitel: "typo"\n---\n\nAbstract.\n');
      const log = path.join(work, 'log.txt');
      const fd = openSync(log, 'w');
      const env = { ...process.env, PAPERSHELF_CACHE: path.join(work, 'cache') };
      const passed = contentCheck({
        content: path.join(work, 'content'),
        days: ['2025-03-17'],
        out: path.join(work, 'out'),
        env,
        stdio: ['ignore', fd, fd],
        format: 'github',
      });
      closeSync(fd);
      expect(passed).toBe(false);
      expect(readFileSync(log, 'utf8')).toMatch(
        /^::error file=[^,]*2025-03-17\/bad\.md,line=3,col=1,title=titel::titel: unknown field "titel"/m,
      );
      expect(existsSync(path.join(work, 'out', 'dist'))).toBe(false);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('npm run pr-check -- --plan', () => {
  it('reads the changes from git and writes its scope for the workflow', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'papershelf-plan-'));
    const output = path.join(work, 'github-output');
    writeFileSync(output, '');
    const run = await runMain(main, ['--plan', '--base', 'HEAD'], { GITHUB_OUTPUT: output });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('0 files changed since HEAD: scope code');
    expect(readFileSync(output, 'utf8')).toBe('scope=code\ndays=\n');
    rmSync(work, { recursive: true, force: true });
  });
});

describe('the pull-request workflow', () => {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/pull-request.yml'), 'utf8')) as {
    jobs: Record<string, { if?: string; needs?: string; steps: { run?: string }[] }>;
  };
  it('runs the preview check on the content path and the full check, with the tests, on the code path', () => {
    expect(workflow.jobs.scope?.steps.some((s) => s.run?.includes('node scripts/workflows/pr-check.ts --plan'))).toBe(true);
    expect(workflow.jobs.content).toMatchObject({ needs: 'scope', if: "needs.scope.outputs.scope == 'content'" });
    // Both paths annotate the diff: the content path's check runs with --format github too.
    expect(
      workflow.jobs.content?.steps.some((s) => s.run?.startsWith('npm run pr-check -- --base') && s.run.endsWith('--format github')),
    ).toBe(true);
    expect(workflow.jobs.content?.steps.some((s) => s.run === 'npm test')).toBe(false);
    expect(workflow.jobs['check-build-test']).toMatchObject({ needs: 'scope', if: "needs.scope.outputs.scope != 'content'" });
    expect(workflow.jobs['check-build-test']?.steps.some((s) => s.run === 'npm test')).toBe(true);
  });
});
