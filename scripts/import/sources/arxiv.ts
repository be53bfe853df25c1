/** arXiv: an API response (`npm run import -- arxiv <file>`), or a day's new papers fetched from its query API. */
import { arxivDayCap, INTAKE } from '../../../src/consts.ts';
import { arxivFileId } from '../../../src/lib/arxiv-id.ts';
import { parseArxivFeed } from '../arxiv.ts';
import { type ArxivDayQuery, arxivApiOptions, arxivSearchQuery, fetchArxivDay } from '../arxiv-api.ts';
import type { DayFetch, ImportSource, ReadResult } from '../source.ts';

/** arXiv's papers of the query's day, listed on that day. */
function fetchQuery(query: ArxivDayQuery): DayFetch {
  return async (env) => {
    const feed = await fetchArxivDay(query, arxivApiOptions(env), (count, total) =>
      console.log(`arxiv: read ${count}${total === undefined ? '' : ` of ${Math.min(total, query.max)}`} papers for ${query.day}`),
    );
    const origin = `arXiv ${query.categories.join('+')} ${query.day}`;
    const notes =
      feed.entries.length === 0 && feed.problems.length === 0 ? [`arXiv lists no new papers for that query on ${query.day}`] : [];
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
  };
}

export const arxiv: ImportSource = {
  name: 'arxiv',
  help: `an arXiv API response (Atom XML, any number of entries); ids are arXiv ids and the
listing day is each entry's first-publication day (UTC) unless --date is given.
Without a file: the day's new papers in the --category categories, newest first,
at most --max, from arXiv's query API (a 3 s pause between pages, as arXiv asks)`,
  readFile(file, text, date): ReadResult {
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
  },
  fetchDay({ day, category, keyword, max }) {
    if (category.length === 0) {
      return { usage: 'arxiv without a file needs --category (or give a file)' };
    }
    const cap = max === undefined ? INTAKE.arxivMax : arxivDayCap(max);
    if (cap === undefined) {
      return { usage: '--max must be a whole number from 1 to 2000' };
    }
    const query = { categories: [...category], keywords: [...keyword], day, max: cap };
    try {
      arxivSearchQuery(query);
    } catch (error) {
      return { usage: (error as Error).message };
    }
    return fetchQuery(query);
  },
  fromSettings: (settings, day) => (settings.arxiv === undefined ? undefined : fetchQuery({ ...settings.arxiv, day })),
};
