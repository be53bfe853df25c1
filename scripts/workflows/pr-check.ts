/**
 * `npm run pr-check -- --base REF`: the pull-request check that costs the change. A pull request
 * that touches only paper files (`content/papers/`) takes the short path: the folder check of every
 * paper (the duplicate rules need the whole folder; unchanged files' verdicts come from the cache)
 * and a real build, verified, of a preview site holding only the changed days' papers. Any other
 * change takes the full path (check, full build, the project's tests), which the workflow runs.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../../src/content/content-files.ts';
import { readArgs, runCli, usage } from '../lib/cli.ts';
import { contentCheck } from '../lib/preview-check.ts';
import { ROOT } from '../lib/root.ts';

const HELP = `Usage: npm run pr-check -- --base REF [--plan] [--out DIR] [--format text|github]

Decides how much a pull request's check must do, from the files changed since REF (git diff
--name-only REF...HEAD):
  content   only files under content/papers/ changed: npm run check over the whole folder, then a
            preview site of the changed days only (their papers, day pages, search), built and
            verified by astro build into --out (default preview/), whatever the site's size
  code      anything else changed: the full path (check, the whole build, npm test), which the
            pull-request workflow runs itself; pr-check only says so

Options:
  --base REF   the branch or commit the pull request merges into (origin/main in a workflow)
  --plan       print the scope and the changed days, and write scope=… and days=… to the file
               named by GITHUB_OUTPUT when it is set; build nothing
  --out DIR    where the preview is built (default preview/)
  --format text|github
               the check's messages: text (default), or github: workflow commands that
               annotate the pull request's diff (as npm run check -- --format github)
  -h, --help   show this help

Exit status: 0 when the check passed (or --plan), 1 when it failed, 2 on usage errors.`;

/** The content folder as a repository path, and a paper file in it. */
const PAPER_FILE = /^content\/papers\/(\d{4}-\d{2}-\d{2})\/[^/]+\.md$/;

/** How much checking a change needs: `content` when every changed path is a paper file, else `code`. */
export function scopeOf(files: readonly string[]): 'content' | 'code' {
  return files.length > 0 && files.every((f) => PAPER_FILE.test(f)) ? 'content' : 'code';
}

/** The listing days whose folders a change touches (added, edited, moved from or to, deleted), sorted. */
export function changedDays(files: readonly string[]): string[] {
  return [...new Set(files.flatMap((f) => PAPER_FILE.exec(f)?.[1] ?? []))].sort();
}

/** The CLI: `argv` without node and the script. Returns the exit code. */
export function main(argv: string[], env: NodeJS.ProcessEnv): number {
  const args = readArgs('pr-check', HELP, () =>
    parseArgs({
      args: argv,
      options: {
        base: { type: 'string' },
        plan: { type: 'boolean', default: false },
        out: { type: 'string', default: 'preview' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (typeof args === 'number') {
    return args;
  }
  const { base, plan, out, format } = args.values;
  if (base === undefined) {
    return usage('pr-check', HELP, '--base is required');
  }
  if (format !== 'text' && format !== 'github') {
    return usage('pr-check', HELP, '--format must be text or github');
  }
  let files: string[];
  try {
    files = execFileSync('git', ['diff', '--name-only', '--no-renames', `${base}...HEAD`], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '');
  } catch (error) {
    console.error(`pr-check: cannot list the changes since ${base}: ${(error as Error).message.split('\n')[0]}`);
    return 1;
  }
  const scope = scopeOf(files);
  const days = changedDays(files);
  console.log(
    `pr-check: ${files.length} files changed since ${base}: scope ${scope}${scope === 'content' ? `, days ${days.join(' ')}` : ''}`,
  );
  if (plan) {
    if (env.GITHUB_OUTPUT) {
      appendFileSync(env.GITHUB_OUTPUT, `scope=${scope}\ndays=${days.join(' ')}\n`);
    }
    return 0;
  }
  if (scope === 'code') {
    console.log('pr-check: code changed: the full check (npm run check, npm run build, npm test) applies');
    return 0;
  }
  return contentCheck({ content: contentDir(env), days, out: path.resolve(ROOT, out), env, format }) ? 0 : 1;
}

if (import.meta.main) {
  await runCli('pr-check', () => main(process.argv.slice(2), process.env));
}
