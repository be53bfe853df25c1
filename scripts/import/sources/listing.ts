/** The text of a Daily Papers listing page (`npm run import -- listing <file>`). */
import { latestMonthDayOnOrBefore, monthDayToDayKey, utcDayKey } from '../../../src/lib/dates.ts';
import { parseListing } from '../listing.ts';
import type { ImportSource, ReadResult } from '../source.ts';

export const listing: ImportSource = {
  name: 'listing',
  help: `the text of a Daily Papers listing page: a date line such as "Mar 17", then a
title line and an abstract line per paper; ids are slugs of the titles; URLs stay
in the abstract and are also copied into links (code hosts: code, else project)`,
  readFile(file, text, date): ReadResult {
    const parsed = parseListing(text);
    const problems = parsed.problems.map((p) => `${file}:${p.line}: ${p.message}`);
    const notes: string[] = [];
    if (parsed.dateLine === undefined) {
      return { incoming: [], problems, notes };
    }
    let day: string;
    if (date !== undefined) {
      if (monthDayToDayKey(parsed.dateLine.text, Number(date.slice(0, 4))) !== date) {
        problems.push(`${file}:${parsed.dateLine.line}: the listing is for "${parsed.dateLine.text}", but --date is ${date}`);
        return { incoming: [], problems, notes };
      }
      day = date;
    } else {
      const today = utcDayKey(new Date());
      const guess = latestMonthDayOnOrBefore(parsed.dateLine.text, today);
      if (guess === undefined) {
        problems.push(`${file}:${parsed.dateLine.line}: cannot place "${parsed.dateLine.text}" in a year; pass --date YYYY-MM-DD`);
        return { incoming: [], problems, notes };
      }
      day = guess;
      notes.push(
        `"${parsed.dateLine.text}" has no year; using ${day}, the latest such day up to today (${today}, UTC). Pass --date to choose.`,
      );
    }
    const incoming = parsed.papers.map((p) => ({
      fields: { title: p.title, links: p.links },
      abstract: p.abstract,
      day,
      origin: `${file}:${p.line}`,
    }));
    return { incoming, problems, notes };
  },
};
