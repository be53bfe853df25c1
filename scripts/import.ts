/**
 * `npm run import -- <listing|arxiv|hf> <file>`, or without a file `hf`/`arxiv`/`sources` fetched for
 * one day: turns a listing dump, arXiv API Atom responses or Hugging Face daily-papers JSON into
 * paper files under the content folder. Parsing, fetching and planning live in scripts/import/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { arxivDayCap, INTAKE, type IntakeSettings, intakeSettings } from '../src/consts.ts';
import { shownPath } from '../src/content/content-check.ts';
import { contentDir, paperFileName } from '../src/content/content-files.ts';
import { arxivFileId } from '../src/content/paper.ts';
import { type DayKey, isDayKey, latestMonthDayOnOrBefore, monthDayToDayKey, shiftDay, utcDayKey } from '../src/lib/dates.ts';
import { parseArxivFeed } from './import/arxiv.ts';
import { ARXIV_API_DEFAULTS, type ArxivDayQuery, arxivApiOptions, arxivSearchQuery, fetchArxivDay } from './import/arxiv-api.ts';
import { readExistingPapers } from './import/existing-papers.ts';
import { parseHfDailyPapers, readHfItems } from './import/hf.ts';
import { fetchHfDay, HF_DAILY_PAPERS_API, hfApiOptions } from './import/hf-api.ts';
import { SourceError } from './import/http.ts';
import type { ImportAction, IncomingPaper } from './import/import-plan.ts';
import { planImport } from './import/import-plan.ts';
import { parseListing } from './import/listing.ts';
import { readArgs, runCli, usage } from './lib/cli.ts';
import { linesBeforeWriting } from './lib/verdicts.ts';

const HELP = `Usage: npm run import -- <format> <file> [options]
       npm run import -- hf [--date YYYY-MM-DD] [options]
       npm run import -- arxiv --category CAT [--category CAT …] [--keyword WORDS …] [--max N] [--date YYYY-MM-DD] [options]
       npm run import -- sources [--date YYYY-MM-DD] [options]

Imports papers into the content folder (PAPERSHELF_CONTENT, default content/papers), from a file
or, without one, fetched from the source for one listing day (default: yesterday, UTC).

Formats:
  listing   the text of a Daily Papers listing page: a date line such as "Mar 17", then a
            title line and an abstract line per paper; ids are slugs of the titles; URLs stay
            in the abstract and are also copied into links (code hosts: code, else project)
  arxiv     an arXiv API response (Atom XML, any number of entries); ids are arXiv ids and the
            listing day is each entry's first-publication day (UTC) unless --date is given.
            Without a file: the day's new papers in the --category categories, newest first,
            at most --max, from arXiv's query API (a 3 s pause between pages, as arXiv asks)
  hf        a Hugging Face daily papers API response (JSON array); the listing day is each
            item's paper.submittedOnDailyAt (else its publishedAt), as a UTC day;
            hf_upvotes from upvotes (the site ranks by votes + hf_upvotes), links from githubRepo and
            projectPage, tags from ai_keywords, summary: from ai_summary (summary_source:
            "huggingface"), submitted_by: "hf:<account>" from who submitted it there; authors
            Hugging Face hides are left out. Without a file: the API's papers for --date
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

/** What a format reader hands to the planner. */
interface ReadResult {
  incoming: IncomingPaper[];
  /** `file:line: message` or `file entry N: message` lines. */
  problems: string[];
  notes: string[];
}

type Reader = (file: string, text: string, date: string | undefined) => ReadResult;

const READERS: Record<string, Reader> = { listing: readListing, arxiv: readArxiv, hf: readHf };

/** Formats that can fetch their input when no file is given. */
const FETCHED = new Set(['hf', 'arxiv', 'sources']);

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
  if (READERS[format] === undefined && format !== 'sources') {
    console.error(`import: unknown format ${JSON.stringify(format)} (supported: ${[...Object.keys(READERS), 'sources'].join(', ')})`);
    return 2;
  }
  const { date, category, keyword, max } = args.values;
  if (date !== undefined && !isDayKey(date)) {
    console.error(`import: --date ${JSON.stringify(date)} is not a calendar day written YYYY-MM-DD`);
    return 2;
  }
  const queryFlags = category.length > 0 || keyword.length > 0 || max !== undefined;
  if (file !== undefined || !FETCHED.has(format)) {
    if (file === undefined) {
      return usage('import', HELP, `${format} needs a file`);
    }
    if (format === 'sources') {
      return usage('import', HELP, 'sources takes no file');
    }
    if (queryFlags) {
      return usage('import', HELP, '--category, --keyword and --max fetch from arXiv: give no file');
    }
    if (date !== undefined && format === 'hf') {
      console.error('import: --date does not apply to hf with a file: each item carries its own listing day');
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`import: cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    const reader = READERS[format] as Reader;
    return writeImport(reader(file, text, date), env, args.values);
  }

  const day = date ?? shiftDay(utcDayKey(new Date()), -1);
  const sources: FetchSource[] = [];
  if (format === 'hf') {
    if (queryFlags) {
      return usage('import', HELP, '--category, --keyword and --max are for arxiv');
    }
    sources.push({ kind: 'hf' });
  } else if (format === 'arxiv') {
    if (category.length === 0) {
      return usage('import', HELP, 'arxiv without a file needs --category (or give a file)');
    }
    const cap = max === undefined ? INTAKE.arxivMax : arxivDayCap(max);
    if (cap === undefined) {
      return usage('import', HELP, '--max must be a whole number from 1 to 2000');
    }
    const query = { categories: category, keywords: keyword, day, max: cap };
    try {
      arxivSearchQuery(query);
    } catch (error) {
      return usage('import', HELP, (error as Error).message);
    }
    sources.push({ kind: 'arxiv', query });
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
    if (settings.huggingFace) {
      sources.push({ kind: 'hf' });
    }
    if (settings.arxiv !== undefined) {
      sources.push({ kind: 'arxiv', query: { ...settings.arxiv, day } });
    }
    if (sources.length === 0) {
      console.log('import: no source is configured (INTAKE in src/consts.ts, or the PAPERSHELF_INTAKE_* variables): nothing to do');
      return 0;
    }
  }
  // Every source is read in full before anything is written: a failure changes no file.
  const reads: ReadResult[] = [];
  for (const source of sources) {
    try {
      reads.push(source.kind === 'hf' ? await fetchHf(day, env) : await fetchArxiv(source.query, env));
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

/** A source to fetch from: Hugging Face's day, or an arXiv query. */
type FetchSource = { kind: 'hf' } | { kind: 'arxiv'; query: ArxivDayQuery };

/** Hugging Face's papers of `day`; items the API lists on another day are left out, and said so. */
async function fetchHf(day: DayKey, env: NodeJS.ProcessEnv): Promise<ReadResult> {
  const items = await fetchHfDay(day, hfApiOptions(env), (count) => console.log(`hf: read ${count} items for ${day}`));
  const response = readHfItems(items);
  const origin = (index: number) => `Hugging Face ${day} item ${index + 1}`;
  const problems = response.problems.map((p) => `${origin(p.index)}: ${p.message}`);
  const notes = response.entries.flatMap((e) => e.notes.map((n) => `${origin(e.index)}: ${n}`));
  const ofDay = response.entries.filter((e) => e.day === day);
  const elsewhere = response.entries.length - ofDay.length;
  if (items.length === 0) {
    notes.push(`Hugging Face lists no papers for ${day} (a weekend or a holiday?): nothing to import`);
  }
  if (elsewhere > 0) {
    notes.push(`Hugging Face answered ${elsewhere} item${elsewhere === 1 ? '' : 's'} listed on another day: left out`);
  }
  const incoming = ofDay.map((e) => ({
    fields: e.fields,
    abstract: e.abstract,
    day: e.day,
    id: arxivFileId(e.arxiv),
    origin: `${origin(e.index)} (arXiv ${e.arxiv})`,
  }));
  return { incoming, problems, notes };
}

/** arXiv's papers of the query's day, listed on that day. */
async function fetchArxiv(query: ArxivDayQuery, env: NodeJS.ProcessEnv): Promise<ReadResult> {
  const feed = await fetchArxivDay(query, arxivApiOptions(env), (count, total) =>
    console.log(`arxiv: read ${count}${total === undefined ? '' : ` of ${Math.min(total, query.max)}`} papers for ${query.day}`),
  );
  const origin = `arXiv ${query.categories.join('+')} ${query.day}`;
  const notes = feed.entries.length === 0 && feed.problems.length === 0 ? [`arXiv lists no new papers for that query on ${query.day}`] : [];
  return {
    incoming: feed.entries.map((e, i) => ({
      fields: e.fields,
      abstract: e.abstract,
      day: query.day,
      id: arxivFileId(e.ref.id),
      origin: `${origin} entry ${i + 1} (arXiv ${e.ref.id})`,
    })),
    problems: feed.problems.map((p) => `${origin} entry ${p.index + 1}: ${p.message}`),
    notes,
  };
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

function readListing(file: string, text: string, date: string | undefined): ReadResult {
  const listing = parseListing(text);
  const problems = listing.problems.map((p) => `${file}:${p.line}: ${p.message}`);
  const notes: string[] = [];
  if (listing.dateLine === undefined) {
    return { incoming: [], problems, notes };
  }
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
  if (feed.apiError !== undefined) {
    problems.push(`${file}: arXiv returned an error: ${feed.apiError}`);
  }
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
