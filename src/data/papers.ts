/**
 * The only caller of getCollection(): takes the papers the content loader checked and rendered,
 * and returns them sorted and grouped by day, week, month, tag and author, each in a fixed order.
 */

import { getCollection } from 'astro:content';
import { contentDir, paperFileName } from '../content/content-files.ts';
import type { Credit } from '../content/credits.ts';
import { creditOfSubmitter, pullAuthorsFile, readCredits, readPullAuthors, withAccounts } from '../content/credits.ts';
import type { MathStyles } from '../content/math/render.ts';
import type { Paper } from '../content/paper.ts';
import type { LoadedPaper } from '../content/paper-pipeline.ts';
import { frontMatterOf, type PaperData } from '../content/paper-schema.ts';
import { type DayKey, monthOf, weekOf } from '../lib/dates.ts';
import { epochNow, recordPhase } from '../lib/node/phases.ts';
import type { AuthorGroup, DayGroup, PeriodGroup } from './groups.ts';
import { compareNewestFirst, groupByAuthor, groupByDay, groupByPeriod, groupByTag, neighbours } from './groups.ts';
import { withCacheKeys } from './page-keys.ts';
import { relatedPapers } from './related.ts';
import { absoluteUrl, paperPath } from './routes.ts';

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

/** Who added each file, from one read of the content folder's git history (src/content/credits.ts). */
function creditsOf(needed: boolean): Map<string, Credit> {
  if (!needed) {
    return new Map();
  }
  const start = epochNow();
  const { credits, unavailable } = readCredits(contentDir());
  if (unavailable !== undefined) {
    console.warn(`[papershelf] papers are shown without credits: ${unavailable}`);
  }
  recordPhase('credits from git', start);
  return withAccounts(credits, readPullAuthors(pullAuthorsFile()));
}

/** The site's papers, sorted and grouped, computed once per build. */
export function getSiteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const start = epochNow();
  // The loader has checked and rendered every paper (src/content/loader.ts); here they are only
  // sorted and grouped.
  const loaded = (await getCollection('papers')).map((entry) => entry.data as unknown as LoadedPaper);
  const mathStyles: MathStyles = new Map();
  const credits = creditsOf(loaded.some((p) => p.submitted_by === undefined));
  const papers: Paper[] = loaded.map(({ mathStyles: styles, ...paper }) => {
    for (const [name, css] of styles) {
      mathStyles.set(name, css);
    }
    const credit =
      paper.submitted_by === undefined ? credits.get(paperFileName(paper.day, paper.id)) : creditOfSubmitter(paper.submitted_by);
    return credit === undefined ? paper : { ...paper, credit };
  });
  papers.sort(compareNewestFirst);
  const byId = new Map(papers.map((p) => [p.id, p]));
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

/** `getStaticPaths` of the week or month pages: each period with the keys of the ones before and after it. */
export async function periodStaticPaths(kind: 'week' | 'month') {
  const site = await getSiteData();
  const periods = kind === 'week' ? site.weeks : site.months;
  const keys = periods.map((p) => p.key);
  return withCacheKeys(periods.map((period) => ({ params: { [kind]: period.key }, props: { period, ...neighbours(keys, period.key) } })));
}

/**
 * A paper in the site's data files (each day's `papers.json` and the site's): its id and URL, then
 * every front matter field its content file holds (`frontMatterOf`, driven by the schema).
 */
export function paperRecord(paper: Paper): { id: string; url: string } & Partial<PaperData> {
  return { id: paper.id, url: absoluteUrl(paperPath(paper.id)), ...frontMatterOf(paper) };
}

/**
 * `getStaticPaths` of the files with every paper of a day (`papers.bib`, `papers.json`): machine-
 * readable copies one file per day rather than per paper, so they cost the site no files to speak of.
 */
export async function dayFileStaticPaths(): Promise<{ params: { day: DayKey }; props: { papers: Paper[] }; cacheKey: string }[]> {
  return withCacheKeys((await getSiteData()).days.map(({ day, papers }) => ({ params: { day }, props: { papers } })));
}
