/**
 * The only caller of getCollection(): loads every paper once per build, renders its abstract
 * through the allow-list renderer, and returns papers grouped by day, week, month, tag and author,
 * each in a fixed order.
 */

import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { isDayKey, monthOf, weekOf } from '../lib/dates.ts';
import type { AuthorGroup, DayGroup, PeriodGroup } from '../lib/groups.ts';
import { compareNewestFirst, groupByAuthor, groupByDay, groupByPeriod, groupByTag } from '../lib/groups.ts';
import { checkAbstract, parseAbstract, renderAbstract, toPlainText } from '../lib/markdown.ts';
import type { MathStyles } from '../lib/math.ts';
import { mathToText, renderTextWithMath } from '../lib/math.ts';
import type { Paper } from '../lib/paper.ts';
import { isPaperId } from '../lib/paper.ts';
import { relatedPapers } from '../lib/related.ts';
import { epochNow, recordPhase } from '../lib/timings.ts';
import type { PaperIdentity, Problem } from '../lib/validate.ts';
import { checkDuplicates, checkPaperText, formatProblem } from '../lib/validate.ts';

/** One listing day and its papers, ordered by votes then title. */
export type ListingDay = DayGroup<Paper>;

/** Everything the pages need, computed once per build. */
export interface SiteData {
  /** Every paper, newest day first, then by votes and title. */
  papers: Paper[];
  /** Listing days that have papers, newest first. */
  days: ListingDay[];
  /** ISO weeks and months that have papers, newest first. */
  weeks: PeriodGroup<Paper>[];
  months: PeriodGroup<Paper>[];
  /** Tags in alphabetical order, each with its papers newest first. */
  tags: { tag: string; papers: Paper[] }[];
  /** Authors by slug. */
  authors: AuthorGroup<Paper>[];
  byId: Map<string, Paper>;
  /** KaTeX positioning classes used by any rendered math (served as /math.css). */
  mathStyles: MathStyles;
  /** Up to five related papers per paper id, most similar first (tf-idf over titles and abstracts). */
  related: Map<string, Paper[]>;
}

let cached: Promise<SiteData> | undefined;

function relatedOf(papers: Paper[], byId: Map<string, Paper>): Map<string, Paper[]> {
  const start = epochNow();
  const ids = relatedPapers(papers.map((p) => ({ id: p.id, title: p.titleText, abstract: p.abstractText })));
  const related = new Map([...ids].map(([id, list]) => [id, list.flatMap((other) => byId.get(other) ?? [])]));
  recordPhase('related papers', start);
  return related;
}

/** Loads the site's papers; throws one error listing every problem (file, line, field) found. */
export function getSiteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const start = epochNow();
  const entries = await getCollection('papers');
  const problems: Problem[] = [];
  const papers: Paper[] = [];
  const byId = new Map<string, Paper>();
  const identities: PaperIdentity[] = [];
  const mathStyles: MathStyles = new Map();
  for (const entry of entries) {
    const path = entry.filePath ?? entry.id;
    const at = (field: string, message: string, line = 1, column = 1) => problems.push({ path, line, column, field, message });
    const [day = '', id = '', ...rest] = entry.id.split('/');
    if (rest.length > 0 || !isDayKey(day)) {
      at('file', 'a paper must be at <YYYY-MM-DD>/<id>.md, in a folder named after a calendar day');
      continue;
    }
    if (!isPaperId(id)) at('file', `the file name ${JSON.stringify(`${id}.md`)} must be lowercase letters and digits joined by "-" or "."`);
    identities.push({ path, id, title: entry.data.title, arxiv: entry.data.arxiv });
    let paper: Paper;
    try {
      const tree = parseAbstract(entry.body ?? '');
      if (checkAbstract(tree).length > 0 || (entry.data.published ?? '') > day) {
        // Re-check the file as `npm run check` does, for messages with the file's own line numbers.
        problems.push(...checkPaperText(readFileSync(path, 'utf8'), path, day));
      }
      paper = {
        ...entry.data,
        id,
        day,
        titleText: mathToText(entry.data.title),
        titleHtml: renderTextWithMath(entry.data.title, mathStyles),
        abstractHtml: renderAbstract(tree, mathStyles),
        abstractText: toPlainText(tree),
        abstractMarkdown: (entry.body ?? '').trim(),
      };
    } catch (error) {
      // A render failure fails the build naming the file; a page never ships with an empty abstract.
      at('body', `the abstract could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    papers.push(paper);
    byId.set(id, paper);
  }
  problems.push(...checkDuplicates(identities));
  if (problems.length > 0) {
    throw new Error(`${problems.length} problem(s) in the papers:\n${problems.map(formatProblem).join('\n')}`);
  }
  papers.sort(compareNewestFirst);
  recordPhase('site data', start);
  const days = groupByDay(papers);
  return {
    papers,
    days,
    weeks: groupByPeriod(days, weekOf),
    months: groupByPeriod(days, monthOf),
    tags: groupByTag(papers),
    authors: groupByAuthor(papers),
    byId,
    mathStyles,
    related: relatedOf(papers, byId),
  };
}
