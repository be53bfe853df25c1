/**
 * `npm run import -- listing <file> [--date YYYY-MM-DD] [--force] [--dry-run]`
 * Turns a listing dump into paper files under the content folder. Logic lives in src/lib.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir, readExistingPapers } from '../src/lib/content-files.ts';
import { isDayKey, latestMonthDayOnOrBefore, monthDayToDayKey, utcDayKey } from '../src/lib/dates.ts';
import type { ImportAction, IncomingPaper } from '../src/lib/import-plan.ts';
import { planImport } from '../src/lib/import-plan.ts';
import { parseListing } from '../src/lib/listing.ts';
import { checkPaperSource } from '../src/lib/validate.ts';

const HELP = `Usage: npm run import -- <format> <file> [options]

Imports papers from a file into the content folder (${path.relative(process.cwd(), contentDir()) || '.'}).

Formats:
  listing   the text of a Daily Papers listing page: a date line such as "Mar 17",
            then a title line and an abstract line per paper

Options:
  --date YYYY-MM-DD   the listing day; must agree with the listing's date line. Without it the
                      year is the latest one in which that date is not in the future (UTC),
                      and the importer says which it chose
  --force             overwrite papers whose files differ from the import (hand edits are lost)
  --dry-run           report what would happen, write nothing
  -h, --help          show this help

Re-running an import changes nothing. Files edited by hand are skipped unless --force.
Set PAPERSHELF_CONTENT to import into another content folder.
Exit status: 0 on success, 1 when the input had problems (good papers are still imported), 2 on usage errors.`;

function main(): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    console.log(HELP);
    return 0;
  }
  const [format, file, ...extra] = args.positionals;
  if (format === undefined || file === undefined || extra.length > 0) {
    console.error(`import: expected a format and one file\n\n${HELP}`);
    return 2;
  }
  if (format !== 'listing') {
    console.error(`import: unknown format ${JSON.stringify(format)} (supported: listing)`);
    return 2;
  }
  const date = args.values.date;
  if (date !== undefined && !isDayKey(date)) {
    console.error(`import: --date ${JSON.stringify(date)} is not a calendar day written YYYY-MM-DD`);
    return 2;
  }

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`import: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const listing = parseListing(text);
  let failed = false;
  for (const problem of listing.problems) {
    console.error(`${file}:${problem.line}: ${problem.message}`);
    failed = true;
  }
  if (listing.dateLine === undefined) return 1;

  let day: string;
  if (date !== undefined) {
    if (monthDayToDayKey(listing.dateLine.text, Number(date.slice(0, 4))) !== date) {
      console.error(`${file}:${listing.dateLine.line}: the listing is for "${listing.dateLine.text}", but --date is ${date}`);
      return 1;
    }
    day = date;
  } else {
    const today = utcDayKey(new Date());
    const guess = latestMonthDayOnOrBefore(listing.dateLine.text, today);
    if (guess === undefined) {
      console.error(`${file}:${listing.dateLine.line}: cannot place "${listing.dateLine.text}" in a year; pass --date YYYY-MM-DD`);
      return 1;
    }
    day = guess;
    console.log(
      `note: "${listing.dateLine.text}" has no year; using ${day}, the latest such day up to today (${today}, UTC). Pass --date to choose.`,
    );
  }

  const dir = contentDir();
  const incoming: IncomingPaper[] = listing.papers.map((p) => ({
    fields: { title: p.title, links: p.links },
    abstract: p.abstract,
    origin: `${file}:${p.line}`,
  }));
  const actions = planImport(incoming, day, readExistingPapers(dir), args.values.force);
  const counts = { created: 0, overwritten: 0, unchanged: 0, skipped: 0 };
  for (const action of actions) {
    const target = path.relative(process.cwd(), path.join(dir, day, `${action.id}.md`));
    const refused = 'content' in action ? checkPaperSource(action.content, target) : [];
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
  console.log(
    `${actions.length} papers for ${day}: ${counts.created} created, ${counts.overwritten} overwritten, ${counts.unchanged} unchanged, ${counts.skipped} skipped${dry}`,
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

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

process.exitCode = main();
