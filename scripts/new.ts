/**
 * `npm run new -- <arXiv id or URL>`: scaffolds a paper file from arXiv's metadata, or from flags
 * (or prompts, in a terminal) without the network. Refuses a paper the site already has.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { shownPath } from '../src/content/content-check.ts';
import { contentDir, paperFileName } from '../src/content/content-files.ts';
import type { PaperFields } from '../src/content/paper-file.ts';
import { arxivFileId, parseArxivRef } from '../src/lib/arxiv-id.ts';
import { isDayKey, utcDayKey } from '../src/lib/dates.ts';
import { squash } from '../src/lib/text.ts';
import { ARXIV_API_DEFAULTS, ArxivApiError, arxivApiOptions, fetchArxivEntry } from './import/arxiv-api.ts';
import { readExistingPapers } from './import/existing-papers.ts';
import type { IncomingPaper } from './import/import-plan.ts';
import { planImport } from './import/import-plan.ts';
import { readArgs, runCli, usage } from './lib/cli.ts';
import { linesBeforeWriting } from './lib/verdicts.ts';

const HELP = `Usage: npm run new -- <arXiv id or URL> [options]
       npm run new -- --title "…" --author "…" --abstract "…" [options]
       npm run new                        (in a terminal: asks for each field)

Writes content/papers/<day>/<id>.md for one paper. With an arXiv id (2503.01234, 2503.01234v2,
hep-ex/0307015, arXiv:…, or an arxiv.org/abs or /pdf URL) it fetches the title, authors,
abstract, first-publication date, primary category, comment and journal reference from arXiv's
API. With --title it writes the paper from flags, without the network. It refuses a paper the
site already has (same arXiv id, any version, or same title unless both papers have different
arXiv ids) and says where it is.

Options:
  --date YYYY-MM-DD     the listing day (the folder); default: today in UTC
  --title TEXT          write from flags: the title (required without an arXiv id)
  --author NAME         an author, in order; repeat for each
  --abstract TEXT       the abstract (or --abstract-file FILE)
  --abstract-file FILE  read the abstract from a file
  --arxiv ID            with --title: the paper's arXiv id (also its file name)
  --published DAY       with --title: the arXiv date, YYYY-MM-DD
  --code URL            link to the code        --project URL   link to the project page
  --tag TAG             a lowercase tag; repeat for each
  --votes N             initial votes (default 0)
  --submitted-by WHO    who added it: "@login" (a GitHub account), "hf:name" (a Hugging Face
                        account) or a name; default: whoever commits the file
  --interactive         ask for each field even when not in a terminal
  -h, --help            show this help

Environment: PAPERSHELF_CONTENT (content folder), PAPERSHELF_ARXIV_API (query endpoint, default
${ARXIV_API_DEFAULTS.endpoint}), PAPERSHELF_HTTP_TIMEOUT_MS (default ${ARXIV_API_DEFAULTS.timeoutMs}), PAPERSHELF_HTTP_RETRY_MS (pause
before the one retry, default ${ARXIV_API_DEFAULTS.retryDelayMs}).
Exit status: 0 when the file was written, 1 when it was refused or arXiv failed, 2 on usage errors.`;

type Values = ReturnType<typeof parse>['values'];

/** Where the prompts read and write: the terminal, or what a test pipes in. */
export interface PromptIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
}

/**
 * The CLI: `argv` without node and the script, `env` for the folders and arXiv settings, `io` for
 * the prompts. Returns the exit code.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv, io: PromptIo = process): Promise<number> {
  const args = readArgs('new', HELP, () => parse(argv));
  if (typeof args === 'number') {
    return args;
  }
  const { values, positionals } = args;
  const day = values.date ?? utcDayKey(new Date());
  if (!isDayKey(day)) {
    console.error(`new: --date ${JSON.stringify(day)} is not a calendar day written YYYY-MM-DD`);
    return 2;
  }
  if (positionals.length > 1) {
    return usage('new', HELP, `expected one arXiv id or URL, got ${positionals.length}`);
  }

  let paper: { fields: PaperFields; abstract: string; id?: string } | undefined;
  try {
    if (positionals[0] !== undefined) {
      paper = await fromArxiv(positionals[0], values, env);
    } else if (values.title !== undefined) {
      paper = fromFlags(values);
    } else if (values.interactive || io.stdin.isTTY) {
      paper = await fromPrompts(values, io);
    } else {
      return usage('new', HELP, 'give an arXiv id, or --title with the other fields');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`new: ${error.message}`);
      return 2;
    }
    if (error instanceof ArxivApiError) {
      console.error(`new: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const dir = contentDir(env);
  const incoming: IncomingPaper = { ...paper, day, origin: 'new' };
  const [action] = planImport([incoming], readExistingPapers(dir), false);
  if (action === undefined || action.kind === 'unchanged' || action.kind === 'skip' || action.kind === 'overwrite') {
    const where = action && 'path' in action ? action.path : undefined;
    const reason = action?.kind === 'skip' ? action.reason : 'it is already on the site';
    console.error(`new: refused: ${reason}${where ? ` (${where})` : ''}`);
    return 1;
  }
  const relative = paperFileName(action.day, action.id);
  const target = shownPath(dir, relative);
  // The folder check npm run check runs, with this file as if written: the same verdict, the same lines.
  const problems = linesBeforeWriting(dir, env, [{ relative, bytes: Buffer.from(action.content) }]).get(relative) ?? [];
  if (problems.length > 0) {
    for (const problem of problems) {
      console.error(problem);
    }
    console.error('new: refused: the paper would not pass npm run check');
    return 1;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, action.content);
  console.log(`created ${target}`);
  console.log('Next: add links and tags if you like, then run npm run check and npm run build && npm run preview.');
  return 0;
}

class UsageError extends Error {}

async function fromArxiv(input: string, values: Values, env: NodeJS.ProcessEnv) {
  const ref = parseArxivRef(input);
  if (ref === undefined) {
    throw new UsageError(`${JSON.stringify(input)} is not an arXiv id or arxiv.org URL (e.g. 2503.01234 or hep-ex/0307015)`);
  }
  const entry = await fetchArxivEntry(ref, arxivApiOptions(env));
  const fields: PaperFields = { ...entry.fields, ...extras(values, entry.fields) };
  return { fields, abstract: entry.abstract, id: arxivFileId(entry.ref.id) };
}

function fromFlags(values: Values) {
  const title = squash(values.title ?? '');
  if (title === '') {
    throw new UsageError('--title must not be empty');
  }
  const abstract =
    values['abstract-file'] !== undefined ? readFileSync(values['abstract-file'], 'utf8').trim() : (values.abstract ?? '').trim();
  const arxiv = values.arxiv === undefined ? undefined : parseArxivRef(values.arxiv);
  if (values.arxiv !== undefined && arxiv === undefined) {
    throw new UsageError(`--arxiv ${JSON.stringify(values.arxiv)} is not an arXiv id`);
  }
  const fields: PaperFields = {
    title,
    authors: (values.author ?? []).map(squash).filter((a) => a !== ''),
    ...(arxiv ? { arxiv: arxiv.id } : {}),
    ...(values.published !== undefined ? { published: values.published } : {}),
    ...extras(values, {}),
  };
  return { fields, abstract, ...(arxiv ? { id: arxivFileId(arxiv.id) } : {}) };
}

async function fromPrompts(values: Values, io: PromptIo) {
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: Boolean(io.stdin.isTTY) });
  // Piped answers may arrive before a question is asked; read them all first, then answer in order.
  const piped: string[] | undefined = io.stdin.isTTY ? undefined : [];
  if (piped !== undefined) {
    for await (const line of rl) {
      piped.push(line);
    }
  }
  try {
    const ask = async (question: string) => {
      if (piped === undefined) {
        return (await rl.question(question)).trim();
      }
      io.stdout.write(question);
      const answer = (piped.shift() ?? '').trim();
      io.stdout.write(`${answer}\n`);
      return answer;
    };
    const title = await ask('Title: ');
    const authors = (await ask('Authors (comma-separated): ')).split(',');
    const arxiv = await ask('arXiv id (optional): ');
    const abstract = await ask('Abstract (one paragraph): ');
    const code = await ask('Code URL (optional): ');
    return fromFlags({
      ...values,
      title,
      author: authors,
      abstract,
      ...(arxiv !== '' ? { arxiv } : {}),
      ...(code !== '' ? { code } : {}),
    });
  } finally {
    rl.close();
  }
}

/** Links, tags and votes from flags, merged over what arXiv gave. */
function extras(values: Values, base: Partial<PaperFields>): Partial<PaperFields> {
  const links = { ...base.links };
  if (values.code !== undefined) {
    links.code = values.code;
  }
  if (values.project !== undefined) {
    links.project = values.project;
  }
  const votes = values.votes === undefined ? undefined : Number(values.votes);
  if (votes !== undefined && !(Number.isInteger(votes) && votes >= 0)) {
    throw new UsageError(`--votes must be a whole number ≥ 0, not ${values.votes}`);
  }
  return {
    links,
    ...(values.tag !== undefined ? { tags: values.tag } : {}),
    ...(votes !== undefined ? { votes } : {}),
    ...(values['submitted-by'] !== undefined ? { submitted_by: values['submitted-by'] } : {}),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string', multiple: true },
      abstract: { type: 'string' },
      'abstract-file': { type: 'string' },
      arxiv: { type: 'string' },
      published: { type: 'string' },
      code: { type: 'string' },
      project: { type: 'string' },
      tag: { type: 'string', multiple: true },
      votes: { type: 'string' },
      'submitted-by': { type: 'string' },
      interactive: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

if (import.meta.main) {
  await runCli('new', () => main(process.argv.slice(2), process.env));
}
