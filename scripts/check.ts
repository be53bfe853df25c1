import { parseArgs } from 'node:util';
import { checkContentFolder, resultVerdictCache } from '../src/content/content-check.ts';
import { contentDir } from '../src/content/content-files.ts';
import { MAX_ABSTRACT_CHARS } from '../src/content/markdown.ts';
import { MAX_TEX_DEPTH } from '../src/content/math/check.ts';
import { pipelineVersion } from '../src/content/paper-pipeline.ts';
import { formatProblem, MAX_FILE_BYTES, type Problem } from '../src/content/validate.ts';
import { readArgs, runCli, usage } from './lib/cli.ts';
import { ROOT } from './lib/root.ts';
import { openVerdictCache } from './lib/verdicts.ts';

const HELP = `Usage: npm run check [-- options]

Validates every file under the content folder (PAPERSHELF_CONTENT, default content/papers):
  - placement: <YYYY-MM-DD>/<id>.md, a real calendar day, a lowercase id, nothing else
  - encoding: UTF-8 without a byte-order mark, at most ${MAX_FILE_BYTES / 1000} kB
  - front matter: YAML only (---js and +++ are refused), the strict paper schema (unknown
    fields, unquoted numbers and dates, impossible dates, non-http(s) links, bad tags,
    invisible direction or zero-width characters in titles, names and notes)
  - dates: published on or before the listing day (the folder)
  - abstract: not empty, at most ${MAX_ABSTRACT_CHARS.toLocaleString('en')} characters, no raw HTML, images or non-http(s) links
  - math (title and abstract): nothing that draws outside its box (\\rule, \\kern, \\raisebox, laps,
    \\smash, negative gaps), no macro definitions, nesting at most ${MAX_TEX_DEPTH} deep
  - duplicates across the site: the same id, arXiv id (any version) or title (two papers
    with one title and different arXiv ids are two papers)

Warnings (printed, never a failure): an arXiv paper with no authors (Google Scholar ignores
its page): npm run complete fills them in.

Results for files unchanged since the last run come from a cache in PAPERSHELF_CACHE
(default node_modules/.astro); --no-cache checks every file afresh.

Options:
  --no-cache             ignore and do not update the cache
  --format text|github   text (default): path:line:col field: message
                         github: workflow commands that annotate a pull request
  -h, --help             show this help

Exit status: 0 when every paper is valid (warnings or not), 1 when any problem was found, 2 on
usage errors.`;

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
  if (typeof args === 'number') {
    return args;
  }
  const { values } = args;
  if (values.format !== 'text' && values.format !== 'github') {
    return usage('check', HELP, '--format must be text or github');
  }
  const dir = contentDir(env);
  // Every file, not only `*.md`: a paper saved as `.MD` or `.markdown` must not vanish silently.
  const results = values.cache ? openVerdictCache(env) : undefined;
  const check = checkContentFolder(dir, pipelineVersion(ROOT), results && resultVerdictCache(results));
  results?.save();
  for (const p of check.problems) {
    console.error(values.format === 'github' ? githubAnnotation(p) : formatProblem(p));
  }
  for (const p of check.warnings) {
    console.error(values.format === 'github' ? githubAnnotation(p, 'warning') : formatWarning(p));
  }
  const warned = check.warnings.length === 0 ? '' : `, ${check.warnings.length} warning${check.warnings.length === 1 ? '' : 's'}`;
  const summary = `${check.files} files checked, ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}${warned}`;
  if (check.problems.length > 0) {
    console.error(summary);
    return 1;
  }
  console.log(summary);
  return 0;
}

/** A warning as a line: `path:line:col field: warning: message`. */
function formatWarning(p: Problem): string {
  return formatProblem({ ...p, message: `warning: ${p.message}` });
}

/** A GitHub Actions `::error` or `::warning` workflow command (properties and message escaped as documented). */
function githubAnnotation(p: Problem, level: 'error' | 'warning' = 'error'): string {
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${level} file=${prop(p.path)},line=${p.line},col=${p.column},title=${prop(p.field)}::${data(`${p.field}: ${p.message}`)}`;
}

if (import.meta.main) {
  await runCli('check', () => main(process.argv.slice(2), process.env));
}
