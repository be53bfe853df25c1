/**
 * `npm run import -- <listing|arxiv|hf> <file>`, or without a file `hf`/`arxiv`/`sources` fetched for
 * one day: turns a listing dump, arXiv API Atom responses or Hugging Face daily-papers JSON into
 * paper files under the content folder. Parsing, fetching and planning live in scripts/import/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type IntakeSettings, intakeSettings } from '../src/consts.ts';
import { shownPath } from '../src/content/content-check.ts';
import { contentDir, paperFileName } from '../src/content/content-files.ts';
import { isDayKey, shiftDay, utcDayKey } from '../src/lib/dates.ts';
import { ARXIV_API_DEFAULTS } from './import/arxiv-api.ts';
import { readExistingPapers } from './import/existing-papers.ts';
import { HF_DAILY_PAPERS_API } from './import/hf-api.ts';
import { SourceError } from './import/http.ts';
import type { ImportAction } from './import/import-plan.ts';
import { planImport } from './import/import-plan.ts';
import { type DayFetch, hasQueryFlags, type ImportSource, type ReadResult } from './import/source.ts';
import { SOURCES } from './import/sources.ts';
import { readArgs, runCli, usage } from './lib/cli.ts';
import { linesBeforeWriting } from './lib/verdicts.ts';

const HELP = `Usage: npm run import -- <format> <file> [options]
       npm run import -- hf [--date YYYY-MM-DD] [options]
       npm run import -- arxiv --category CAT [--category CAT …] [--keyword WORDS …] [--max N] [--date YYYY-MM-DD] [options]
       npm run import -- sources [--date YYYY-MM-DD] [options]

Imports papers into the content folder (PAPERSHELF_CONTENT, default content/papers), from a file
or, without one, fetched from the source for one listing day (default: yesterday, UTC).

Formats:
${SOURCES.map(formatHelp).join('\n')}
  sources   every source the site owner configured (INTAKE in src/consts.ts, or the
            PAPERSHELF_INTAKE_* variables): Hugging Face first, then arXiv, as one import.
            Nothing configured: says so and exits 0. The intake workflow runs this.

Options:
  --date YYYY-MM-DD   listing: the day of the listing; it must agree with the date line. Without
                      it the year is the latest one in which that day is not in the future (UTC),
                      and the importer says which it chose. arxiv file: list every entry on this
                      day. Fetching: the day to fetch and list (default yesterday, UTC).
                      (Not used by hf with a file, whose items carry their day.)
  --category CAT      arxiv without a file: an arXiv category (cs.CL); repeat for each
  --keyword WORDS     arxiv without a file: the title or abstract must hold one of these; repeat
  --max N             arxiv without a file: the most papers to take (default 50)
  --force             overwrite papers whose files differ from the import (hand edits are lost)
  --dry-run           report what would happen, write nothing
  -h, --help          show this help

Text is kept as its authors wrote it: markup remnants (LaTeX escapes, href leftovers) are
cleaned, no sentence is deleted. Re-running an import changes nothing. A paper already on the
site (same arXiv id, ignoring the version, or same title unless both papers have different
arXiv ids) is never added twice, and the importer says where it is; its file is skipped if it
was edited by hand, unless --force. A bad entry is reported and the good ones are still
imported. Fetching: every page is read before any file is written, so a failed request, a
rate limit (retry-after is honoured up to 2 minutes) or an answer that cannot be read changes
no file. A day the source lists nothing for (a weekend) is not a failure.

Environment: PAPERSHELF_HF_API (default ${HF_DAILY_PAPERS_API}), PAPERSHELF_ARXIV_API (default
${ARXIV_API_DEFAULTS.endpoint}), PAPERSHELF_ARXIV_PAUSE_MS, PAPERSHELF_HTTP_TIMEOUT_MS,
PAPERSHELF_HTTP_RETRY_MS, PAPERSHELF_HTTP_MAX_WAIT_MS, and the PAPERSHELF_INTAKE_* settings.
Exit status: 0 on success, 1 when the input had problems or a fetch failed, 2 on usage errors.`;

/** A source's paragraph of the help: its name, then its description in a column. */
function formatHelp(source: ImportSource): string {
  return source.help
    .split('\n')
    .map((line, i) => (i === 0 ? `  ${source.name.padEnd(10)}${line}` : `${' '.repeat(12)}${line}`))
    .join('\n');
}

/** The source named `name`. */
const sourceNamed = (name: string) => SOURCES.find((s) => s.name === name);

/** The CLI: `argv` without node and the script, `env` for the content folder and sources. Returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = readArgs('import', HELP, () => parse(argv));
  if (typeof args === 'number') {
    return args;
  }
  const [format, file, ...extra] = args.positionals;
  if (format === undefined || extra.length > 0) {
    return usage('import', HELP, 'expected a format and at most one file');
  }
  const source = sourceNamed(format);
  if (source === undefined && format !== 'sources') {
    console.error(`import: unknown format ${JSON.stringify(format)} (supported: ${[...SOURCES.map((s) => s.name), 'sources'].join(', ')})`);
    return 2;
  }
  const { date, category, keyword, max } = args.values;
  if (date !== undefined && !isDayKey(date)) {
    console.error(`import: --date ${JSON.stringify(date)} is not a calendar day written YYYY-MM-DD`);
    return 2;
  }
  const queryFlags = hasQueryFlags({ category, keyword, max });
  if (file !== undefined || (source !== undefined && source.fetchDay === undefined)) {
    if (file === undefined) {
      return usage('import', HELP, `${format} needs a file`);
    }
    if (source === undefined) {
      return usage('import', HELP, 'sources takes no file');
    }
    if (queryFlags) {
      return usage('import', HELP, '--category, --keyword and --max fetch from arXiv: give no file');
    }
    if (date !== undefined && source.dateWithFile !== undefined) {
      console.error(`import: --date does not apply to ${source.name} with a file: ${source.dateWithFile}`);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`import: cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    return writeImport(source.readFile(file, text, date), env, args.values);
  }

  const day = date ?? shiftDay(utcDayKey(new Date()), -1);
  const fetches: DayFetch[] = [];
  if (source?.fetchDay !== undefined) {
    const planned = source.fetchDay({ day, category, keyword, max });
    if ('usage' in planned) {
      return usage('import', HELP, planned.usage);
    }
    fetches.push(planned);
  } else {
    if (queryFlags) {
      return usage('import', HELP, 'sources reads its query from the intake settings, not from flags');
    }
    let settings: IntakeSettings;
    try {
      settings = intakeSettings(env);
    } catch (error) {
      console.error(`import: ${(error as Error).message}`);
      return 2;
    }
    fetches.push(...SOURCES.flatMap((s) => s.fromSettings?.(settings, day) ?? []));
    if (fetches.length === 0) {
      console.log('import: no source is configured (INTAKE in src/consts.ts, or the PAPERSHELF_INTAKE_* variables): nothing to do');
      return 0;
    }
  }
  // Every source is read in full before anything is written: a failure changes no file.
  const reads: ReadResult[] = [];
  for (const fetchDay of fetches) {
    try {
      reads.push(await fetchDay(env));
    } catch (error) {
      if (!(error instanceof SourceError)) {
        throw error;
      }
      console.error(`import: ${error.message}. No file was changed.`);
      return 1;
    }
  }
  const read = {
    incoming: reads.flatMap((r) => r.incoming),
    problems: reads.flatMap((r) => r.problems),
    notes: reads.flatMap((r) => r.notes),
  };
  return writeImport(read, env, args.values);
}

/** Plans the import against the content folder, checks what it would write, writes (unless a dry run) and reports. */
function writeImport(read: ReadResult, env: NodeJS.ProcessEnv, options: { force: boolean; 'dry-run': boolean }): number {
  for (const note of read.notes) {
    console.log(`note: ${note}`);
  }
  for (const problem of read.problems) {
    console.error(problem);
  }
  let failed = read.problems.length > 0;

  const dir = contentDir(env);
  const actions = planImport(read.incoming, readExistingPapers(dir), options.force);
  const counts = { created: 0, overwritten: 0, unchanged: 0, skipped: 0 };
  const fileOf = (action: ImportAction) => ('day' in action ? paperFileName(action.day, action.id) : '');
  // The folder check npm run check runs, with every file this import would write as if written:
  // a file it refuses is refused with the line npm run check would print.
  const pending = actions.flatMap((a) => ('content' in a ? [{ relative: fileOf(a), bytes: Buffer.from(a.content) }] : []));
  const lines = pending.length > 0 ? linesBeforeWriting(dir, env, pending) : new Map<string, string[]>();
  for (const action of actions) {
    const target = 'day' in action ? shownPath(dir, fileOf(action)) : '';
    const refused = lines.get(fileOf(action)) ?? [];
    if (refused.length > 0) {
      for (const problem of refused) {
        console.error(`${action.origin}: skipped, the paper would not build: ${problem}`);
      }
      counts.skipped++;
      failed = true;
      continue;
    }
    report(action, target);
    if (action.kind === 'create' || action.kind === 'overwrite') {
      if (!options['dry-run']) {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, action.content);
      }
      counts[action.kind === 'create' ? 'created' : 'overwritten']++;
    } else {
      counts[action.kind === 'unchanged' ? 'unchanged' : 'skipped']++;
    }
  }
  const dry = options['dry-run'] ? ' (dry run: nothing written)' : '';
  const days = [...new Set(read.incoming.map((p) => p.day))].sort();
  const where = days.length === 1 ? ` for ${days[0]}` : days.length > 1 ? ` over ${days.length} days` : '';
  console.log(
    `${actions.length} papers${where}: ${counts.created} created, ${counts.overwritten} overwritten, ${counts.unchanged} unchanged, ${counts.skipped} skipped${dry}`,
  );
  return failed ? 1 : 0;
}

function report(action: ImportAction, target: string): void {
  switch (action.kind) {
    case 'create':
      console.log(`created    ${target}  (${action.origin})`);
      break;
    case 'overwrite':
      console.log(`overwrote  ${action.path}  (${action.origin}, --force)`);
      break;
    case 'unchanged':
      console.log(`unchanged  ${action.path}  (${action.origin})`);
      break;
    case 'skip':
      console.log(`skipped    ${action.path ?? action.id}  (${action.origin}): ${action.reason}`);
      break;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      category: { type: 'string', multiple: true, default: [] },
      keyword: { type: 'string', multiple: true, default: [] },
      max: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

if (import.meta.main) {
  await runCli('import', () => main(process.argv.slice(2), process.env));
}
