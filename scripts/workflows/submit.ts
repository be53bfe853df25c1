/**
 * `npm run submit -- --event FILE --out DIR`: the "Submit a paper" issue form, turned into a paper
 * file by `npm run new` (main's code, the same checks) and an answer for the issue. It runs in the
 * submit workflow's read-only job; the job that pushes the branch, opens the pull request and
 * comments runs none of this code, and reads only the files this writes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { githubSettings } from '../../src/consts.ts';
import { contentDir } from '../../src/content/content-files.ts';
import { GITHUB_LOGIN } from '../../src/content/paper-schema.ts';
import { paperPath } from '../../src/data/routes.ts';
import { arxivBaseId } from '../../src/lib/arxiv-id.ts';
import { isDayKey, utcDayKey } from '../../src/lib/dates.ts';
import { readExistingPapers } from '../import/existing-papers.ts';
import { readArgs, runCli, usage } from '../lib/cli.ts';
import { ROOT } from '../lib/root.ts';
import { parseIssueForm, quote, readSubmission } from './submit/issue-form.ts';

const HELP = `Usage: npm run submit -- --event FILE --out DIR [--date YYYY-MM-DD]

Reads a "Submit a paper" issue (.github/ISSUE_TEMPLATE/submit-paper.yml) from GitHub's event
payload (FILE: the workflow's GITHUB_EVENT_PATH), checks the form's answers (an arXiv id or
URL, optional tags, an optional https code link), and, when the paper is not on the site yet,
runs npm run new with them and submitted_by: "@<the issue's author>" (GitHub authenticated
that account), then npm run check. It writes two files to DIR for the workflow's next job:
  result.json   {"outcome": "created" | "exists" | "refused" | "failed", "issue", "login",
                 "arxiv", "file", "url"}
  answer.md     the comment for the issue: the check's messages, or the paper already there
The paper file itself is written to the content folder (PAPERSHELF_CONTENT) when created.

Options:
  --event FILE        the event payload (JSON) of an "issues: opened" event
  --out DIR           where to write result.json and answer.md
  --date YYYY-MM-DD   the listing day (default: today, UTC)
  -h, --help          show this help

Environment: PAPERSHELF_SITE and PAPERSHELF_BASE (the site's address, to link a paper already
there), PAPERSHELF_REPOSITORY, and what npm run new reads (PAPERSHELF_ARXIV_API, …).
Exit status: 0 when it wrote an answer (whatever the outcome), 1 when it could not, 2 on usage errors.`;

/** What the next job reads. */
export interface SubmitResult {
  outcome: 'created' | 'exists' | 'refused' | 'failed';
  issue: number;
  login: string;
  arxiv?: string;
  /** The paper's file, relative to the repository (created, or already there). */
  file?: string;
  /** The paper's page on the site, when it is already there and the site's address is known. */
  url?: string;
}

/** The CLI: `argv` without node and the script. Returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = readArgs('submit', HELP, () =>
    parseArgs({
      args: argv,
      options: {
        event: { type: 'string' },
        out: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (typeof args === 'number') {
    return args;
  }
  const { event, out, date } = args.values;
  if (event === undefined || out === undefined) {
    return usage('submit', HELP, '--event and --out are required');
  }
  const day = date ?? utcDayKey(new Date());
  if (!isDayKey(day)) {
    return usage('submit', HELP, `--date ${JSON.stringify(day)} is not a calendar day written YYYY-MM-DD`);
  }
  let issue: { number: number; body: string; login: string };
  try {
    issue = readEvent(readFileSync(event, 'utf8'));
  } catch (error) {
    console.error(`submit: ${event}: ${(error as Error).message}`);
    return 1;
  }
  const { result, answer } = await submit(issue, day, env);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(out, 'answer.md'), answer);
  console.log(`submit: issue #${issue.number}: ${result.outcome}${result.file ? ` (${result.file})` : ''}`);
  return 0;
}

/** The issue's number, body and author from an `issues` event payload; throws what is missing. */
export function readEvent(text: string): { number: number; body: string; login: string } {
  const payload = JSON.parse(text) as { issue?: { number?: unknown; body?: unknown; user?: { login?: unknown } } };
  const issue = payload.issue;
  if (typeof issue?.number !== 'number') {
    throw new Error('not an issue event: no issue.number');
  }
  const login = issue.user?.login;
  if (typeof login !== 'string') {
    throw new Error('the issue has no author login');
  }
  return { number: issue.number, body: typeof issue.body === 'string' ? issue.body : '', login };
}

async function submit(
  issue: { number: number; body: string; login: string },
  day: string,
  env: NodeJS.ProcessEnv,
): Promise<{ result: SubmitResult; answer: string }> {
  const base: SubmitResult = { outcome: 'refused', issue: issue.number, login: issue.login };
  // GitHub authenticated the issue's author; a login of another shape (a bot's "name[bot]") is not credited.
  if (!GITHUB_LOGIN.test(issue.login)) {
    return {
      result: base,
      answer: refusal([`the issue's author ${quote(issue.login)} is not a GitHub user account that can be credited`]),
    };
  }
  const submission = readSubmission(parseIssueForm(issue.body));
  if ('problems' in submission) {
    return { result: base, answer: refusal(submission.problems) };
  }
  const withId = { ...base, arxiv: submission.arxiv };

  const dir = contentDir(env);
  const existing = readExistingPapers(dir).find((p) => p.arxiv !== undefined && arxivBaseId(p.arxiv) === submission.arxiv);
  if (existing !== undefined) {
    const file = path.relative(ROOT, path.resolve(existing.path));
    const site = env.PAPERSHELF_SITE ?? '';
    const url = site === '' ? undefined : new URL(`${(env.PAPERSHELF_BASE ?? '').replace(/\/+$/, '')}${paperPath(existing.id)}`, site).href;
    const where = url ?? githubFileUrl(env, file) ?? file;
    return {
      result: { ...withId, outcome: 'exists', file, ...(url ? { url } : {}) },
      answer: `Thank you! arXiv ${submission.arxiv} is already on the site, listed on ${existing.day}: ${where}\n`,
    };
  }

  const newArgs = [submission.arxiv, '--date', day, '--submitted-by', `@${issue.login}`];
  for (const tag of submission.tags) {
    newArgs.push('--tag', tag);
  }
  if (submission.code !== undefined) {
    newArgs.push('--code', submission.code);
  }
  const created = await runScript('new.ts', newArgs, env);
  const file = /^created (.+)$/m.exec(created.stdout)?.[1];
  if (created.status !== 0 || file === undefined) {
    // npm run new says "new: refused: …" when it turns the paper down; any other failure is arXiv's.
    const failed = created.status === 1 && !/^new: refused/m.test(created.stderr);
    return {
      result: { ...withId, outcome: failed ? 'failed' : 'refused' },
      answer: `${failed ? 'The paper could not be fetched from arXiv; a maintainer can run the workflow again.' : 'The paper was not added.'} \`npm run new\` said:\n\n${fence(created.stderr)}`,
    };
  }
  const checked = await runScript('check.ts', [], env);
  const relative = path.relative(ROOT, path.resolve(file));
  if (checked.status !== 0) {
    rmSync(path.resolve(file), { force: true });
    return {
      result: { ...withId, outcome: 'refused' },
      answer: `The paper file did not pass \`npm run check\`:\n\n${fence(checked.stdout + checked.stderr)}`,
    };
  }
  return {
    result: { ...withId, outcome: 'created', file: relative },
    answer: `Thank you, @${issue.login}! \`npm run new\` wrote \`${relative}\` for arXiv ${submission.arxiv}, credited to you, and \`npm run check\` passed:\n\n${fence(checked.stdout)}`,
  };
}

/** The answer for a form that cannot be read: each problem, and how to try again. */
function refusal(problems: string[]): string {
  return `The paper could not be added:\n\n${problems.map((p) => `- ${p}`).join('\n')}\n\nPlease open a new issue with the form, with these fixed.\n`;
}

/** Text shown as a code block that its own content cannot close. */
function fence(text: string): string {
  return `~~~~text\n${text.replaceAll('~~~~', '~ ~ ~ ~').trim()}\n~~~~\n`;
}

function githubFileUrl(env: NodeJS.ProcessEnv, file: string): string | undefined {
  const { repository } = githubSettings(env);
  return repository === undefined ? undefined : `https://github.com/${repository}/blob/HEAD/${file}`;
}

/** Runs `node scripts/<script> …args` (an argument list, never a shell line) and collects its output. */
function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

if (import.meta.main) {
  await runCli('submit', () => main(process.argv.slice(2), process.env));
}
