/**
 * `npm run import -- <listing|arxiv|hf> <file> [--date YYYY-MM-DD] [--force] [--dry-run]`
 * Turns a listing dump, an arXiv API Atom response or a Hugging Face daily-papers JSON response
 * into paper files under the content folder. Parsing and planning live in scripts/import/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shownPath } from '../src/content/content-check.ts';
import { contentDir } from '../src/content/content-files.ts';
import { isDayKey, latestMonthDayOnOrBefore, monthDayToDayKey, utcDayKey } from '../src/content/dates.ts';
import { arxivFileId } from '../src/content/paper.ts';
import { linesBeforeWriting } from './check.ts';
import { readArgs, runCli, usage } from './cli.ts';
import { parseArxivFeed } from './import/arxiv.ts';
import { readExistingPapers } from './import/existing-papers.ts';
import { parseHfDailyPapers } from './import/hf.ts';
import type { ImportAction, IncomingPaper } from './import/import-plan.ts';
import { planImport } from './import/import-plan.ts';
import { parseListing } from './import/listing.ts';

const HELP = `Usage: npm run import -- <format> <file> [options]

Imports papers from a file into the content folder (PAPERSHELF_CONTENT, default content/papers).

Formats:
  listing   the text of a Daily Papers listing page: a date line such as "Mar 17", then a
            title line and an abstract line per paper; ids are slugs of the titles; URLs stay
            in the abstract and are also copied into links (code hosts: code, else project)
  arxiv     an arXiv API response (Atom XML, any number of entries); ids are arXiv ids and the
            listing day is each entry's first-publication day (UTC) unless --date is given
  hf        a Hugging Face daily papers API response (JSON array); the listing day is each
            item's paper.submittedOnDailyAt (else its publishedAt), as a UTC day;
            hf_upvotes from upvotes (the site ranks by votes + hf_upvotes), links from githubRepo and projectPage, tags from ai_keywords

Options:
  --date YYYY-MM-DD   listing: the day of the listing; it must agree with the date line. Without
                      it the year is the latest one in which that day is not in the future (UTC),
                      and the importer says which it chose. arxiv: list every entry on this day.
                      (Not used by hf, whose items carry their day.)
  --force             overwrite papers whose files differ from the import (hand edits are lost)
  --dry-run           report what would happen, write nothing
  -h, --help          show this help

Text is kept as its authors wrote it: markup remnants (LaTeX escapes, href leftovers) are
cleaned, no sentence is deleted. Re-running an import changes nothing. A paper already on the
site (same arXiv id, ignoring the version, or same title unless both papers have different
arXiv ids) is never added twice; its file is skipped if it was edited by hand,
unless --force. A bad entry is reported and the good ones are still imported.
Exit status: 0 on success, 1 when the input had problems, 2 on usage errors.`;

/** What a format reader hands to the planner. */
interface ReadResult {
  incoming: IncomingPaper[];
  /** `file:line: message` or `file entry N: message` lines. */
  problems: string[];
  notes: string[];
}

type Reader = (file: string, text: string, date: string | undefined) => ReadResult;

const READERS: Record<string, Reader> = { listing: readListing, arxiv: readArxiv, hf: readHf };

/** The CLI: `argv` without node and the script, `env` for the content folder. Returns the exit code. */
export function main(argv: string[], env: NodeJS.ProcessEnv): number {
  const args = readArgs('import', HELP, () => parse(argv));
  if (typeof args === 'number') return args;
  const [format, file, ...extra] = args.positionals;
  if (format === undefined || file === undefined || extra.length > 0) return usage('import', HELP, 'expected a format and one file');
  const reader = READERS[format];
  if (reader === undefined) {
    console.error(`import: unknown format ${JSON.stringify(format)} (supported: ${Object.keys(READERS).join(', ')})`);
    return 2;
  }
  const date = args.values.date;
  if (date !== undefined && !isDayKey(date)) {
    console.error(`import: --date ${JSON.stringify(date)} is not a calendar day written YYYY-MM-DD`);
    return 2;
  }
  if (date !== undefined && format === 'hf') {
    console.error('import: --date does not apply to hf: each item carries its own listing day');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`import: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }

  const read = reader(file, text, date);
  for (const note of read.notes) console.log(`note: ${note}`);
  for (const problem of read.problems) console.error(problem);
  let failed = read.problems.length > 0;

  const dir = contentDir(env);
  const actions = planImport(read.incoming, readExistingPapers(dir), args.values.force);
  const counts = { created: 0, overwritten: 0, unchanged: 0, skipped: 0 };
  const fileOf = (action: ImportAction) => ('day' in action ? `${action.day}/${action.id}.md` : '');
  // The folder check npm run check runs, with every file this import would write as if written:
  // a file it refuses is refused with the line npm run check would print.
  const pending = actions.flatMap((a) => ('content' in a ? [{ relative: fileOf(a), bytes: Buffer.from(a.content) }] : []));
  const lines = pending.length > 0 ? linesBeforeWriting(dir, env, pending) : new Map<string, string[]>();
  for (const action of actions) {
    const target = 'day' in action ? shownPath(dir, fileOf(action)) : '';
    const refused = lines.get(fileOf(action)) ?? [];
    if (refused.length > 0) {
      for (const problem of refused) console.error(`${action.origin}: skipped, the paper would not build: ${problem}`);
      counts.skipped++;
      failed = true;
      continue;
    }
    report(action, target);
    if (action.kind === 'create' || action.kind === 'overwrite') {
      if (!args.values['dry-run']) {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, action.content);
      }
      counts[action.kind === 'create' ? 'created' : 'overwritten']++;
    } else {
      counts[action.kind === 'unchanged' ? 'unchanged' : 'skipped']++;
    }
  }
  const dry = args.values['dry-run'] ? ' (dry run: nothing written)' : '';
  const days = [...new Set(read.incoming.map((p) => p.day))].sort();
  const where = days.length === 1 ? ` for ${days[0]}` : days.length > 1 ? ` over ${days.length} days` : '';
  console.log(
    `${actions.length} papers${where}: ${counts.created} created, ${counts.overwritten} overwritten, ${counts.unchanged} unchanged, ${counts.skipped} skipped${dry}`,
  );
  return failed ? 1 : 0;
}

function readListing(file: string, text: string, date: string | undefined): ReadResult {
  const listing = parseListing(text);
  const problems = listing.problems.map((p) => `${file}:${p.line}: ${p.message}`);
  const notes: string[] = [];
  if (listing.dateLine === undefined) return { incoming: [], problems, notes };
  let day: string;
  if (date !== undefined) {
    if (monthDayToDayKey(listing.dateLine.text, Number(date.slice(0, 4))) !== date) {
      problems.push(`${file}:${listing.dateLine.line}: the listing is for "${listing.dateLine.text}", but --date is ${date}`);
      return { incoming: [], problems, notes };
    }
    day = date;
  } else {
    const today = utcDayKey(new Date());
    const guess = latestMonthDayOnOrBefore(listing.dateLine.text, today);
    if (guess === undefined) {
      problems.push(`${file}:${listing.dateLine.line}: cannot place "${listing.dateLine.text}" in a year; pass --date YYYY-MM-DD`);
      return { incoming: [], problems, notes };
    }
    day = guess;
    notes.push(
      `"${listing.dateLine.text}" has no year; using ${day}, the latest such day up to today (${today}, UTC). Pass --date to choose.`,
    );
  }
  const incoming = listing.papers.map((p) => ({
    fields: { title: p.title, links: p.links },
    abstract: p.abstract,
    day,
    origin: `${file}:${p.line}`,
  }));
  return { incoming, problems, notes };
}

function readArxiv(file: string, text: string, date: string | undefined): ReadResult {
  const feed = parseArxivFeed(text);
  const problems = feed.problems.map((p) => `${file} entry ${p.index + 1}: ${p.message}`);
  if (feed.apiError !== undefined) problems.push(`${file}: arXiv returned an error: ${feed.apiError}`);
  const incoming = feed.entries.map((e, i) => ({
    fields: e.fields,
    abstract: e.abstract,
    day: date ?? e.published,
    id: arxivFileId(e.ref.id),
    origin: `${file} entry ${i + 1} (arXiv ${e.ref.id})`,
  }));
  return { incoming, problems, notes: [] };
}

function readHf(file: string, text: string): ReadResult {
  const response = parseHfDailyPapers(text);
  const problems = response.problems.map((p) => `${file} item ${p.index + 1}: ${p.message}`);
  const notes = response.entries.flatMap((e) => e.notes.map((n) => `${file} item ${e.index + 1}: ${n}`));
  const incoming = response.entries.map((e) => ({
    fields: e.fields,
    abstract: e.abstract,
    day: e.day,
    id: arxivFileId(e.arxiv),
    origin: `${file} item ${e.index + 1} (arXiv ${e.arxiv})`,
  }));
  return { incoming, problems, notes };
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
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

if (import.meta.main) await runCli('import', () => main(process.argv.slice(2), process.env));
