/**
 * `npm run check [-- --format github]`: validates every paper file and reports every problem at
 * once as `path:line:col field: message`; exits 1 if there is any. It runs each file through the
 * pipeline of the build's content loader (src/content/paper-pipeline.ts): the same verdicts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cacheFolder } from '../src/consts.ts';
import { contentDir, listContentFiles } from '../src/content/content-files.ts';
import { contentHash } from '../src/content/hash.ts';
import { pipelineVersion, processPaperFile } from '../src/content/paper-pipeline.ts';
import type { PaperIdentity, Problem } from '../src/content/validate.ts';
import { checkDuplicates, formatProblem } from '../src/content/validate.ts';
import { ResultCache } from '../src/verify/result-cache.ts';
import { readArgs, runCli, usage } from './cli.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const HELP = `Usage: npm run check [-- options]

Validates every file under the content folder (PAPERSHELF_CONTENT, default content/papers):
  - placement: <YYYY-MM-DD>/<id>.md, a real calendar day, a lowercase id, nothing else
  - encoding: UTF-8 without a byte-order mark, at most 100 kB
  - front matter: YAML only (---js and +++ are refused), the strict paper schema (unknown
    fields, unquoted numbers and dates, impossible dates, non-http(s) links, bad tags)
  - dates: published on or before the listing day (the folder)
  - abstract: not empty, at most 10,000 characters, no raw HTML, images or non-http(s) links
  - duplicates across the site: the same id, arXiv id (any version) or title (two papers
    with one title and different arXiv ids are two papers)

Results for files unchanged since the last run come from a cache in PAPERSHELF_CACHE
(default node_modules/.astro); --no-cache checks every file afresh.

Options:
  --no-cache             ignore and do not update the cache
  --format text|github   text (default): path:line:col field: message
                         github: workflow commands that annotate a pull request
  -h, --help             show this help

Exit status: 0 when every paper is valid, 1 when any problem was found, 2 on usage errors.`;

/** The CLI: `argv` without node and the script, `env` for the folders. Returns the exit code. */
export function main(argv: string[], env: NodeJS.ProcessEnv): number {
  const args = readArgs('check', HELP, () =>
    parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        format: { type: 'string', default: 'text' },
        cache: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (typeof args === 'number') return args;
  const { values } = args;
  if (values.format !== 'text' && values.format !== 'github') return usage('check', HELP, '--format must be text or github');
  const dir = contentDir(env);
  // Every file, not only `*.md`: a paper saved as `.MD` or `.markdown` must not vanish silently.
  const files = listContentFiles(dir);
  const problems: Problem[] = [];
  const identities: PaperIdentity[] = [];
  // One file's outcome depends only on its bytes, its place and the checking code.
  const cache = new ResultCache<Outcome>(path.join(cacheFolder(env), 'papershelf', 'check.json'), pipelineVersion(ROOT));
  for (const file of files) {
    const shown = path.relative(process.cwd(), file);
    const relative = path.relative(dir, file).split(path.sep).join('/');
    const bytes = readFileSync(file);
    const key = contentHash(shown, relative, bytes);
    const outcome = (values.cache ? cache.get(key) : undefined) ?? checkFile(bytes, relative, shown);
    if (values.cache) cache.set(key, outcome);
    problems.push(...outcome.problems);
    if (outcome.identity) identities.push({ path: shown, id: path.basename(file, '.md'), ...outcome.identity });
  }
  if (values.cache) cache.save();
  problems.push(...checkDuplicates(identities));
  for (const p of problems) console.error(values.format === 'github' ? githubAnnotation(p) : formatProblem(p));
  const summary = `${files.length} files checked, ${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  if (problems.length > 0) {
    console.error(summary);
    return 1;
  }
  console.log(summary);
  return 0;
}

/** What checking one file found: its problems, and its title and arXiv id when it could be read. */
interface Outcome {
  problems: Problem[];
  identity?: { title?: string; arxiv?: string };
}

/** One file through the build's own pipeline (the rendered paper is not kept: check only judges). */
function checkFile(bytes: Uint8Array, relative: string, shown: string): Outcome {
  const { problems, identity } = processPaperFile(bytes, relative, shown);
  return identity === undefined ? { problems } : { problems, identity };
}

/** A GitHub Actions `::error` workflow command (properties and message escaped as documented). */
function githubAnnotation(p: Problem): string {
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::error file=${prop(p.path)},line=${p.line},col=${p.column},title=${prop(p.field)}::${data(`${p.field}: ${p.message}`)}`;
}

if (import.meta.main) await runCli('check', () => main(process.argv.slice(2), process.env));
