/** Hugging Face's daily papers: an API response (`npm run import -- hf <file>`), or a day fetched from its API. */
import { arxivFileId } from '../../../src/lib/arxiv-id.ts';
import type { DayKey } from '../../../src/lib/dates.ts';
import { parseHfDailyPapers, readHfItems } from '../hf.ts';
import { fetchHfDay, hfApiOptions } from '../hf-api.ts';
import { type DayFetch, hasQueryFlags, type ImportSource, type ReadResult } from '../source.ts';

/** Hugging Face's papers of `day`; items the API lists on another day are left out, and said so. */
function fetchDay(day: DayKey): DayFetch {
  return async (env) => {
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
  };
}

export const hf: ImportSource = {
  name: 'hf',
  help: `a Hugging Face daily papers API response (JSON array); the listing day is each
item's paper.submittedOnDailyAt (else its publishedAt), as a UTC day;
hf_upvotes from upvotes (the site ranks by votes + hf_upvotes), links from githubRepo and
projectPage, tags from ai_keywords, summary: from ai_summary (summary_source:
"huggingface"), submitted_by: "hf:<account>" from who submitted it there; authors
Hugging Face hides are left out. Without a file: the API's papers for --date`,
  dateWithFile: 'each item carries its own listing day',
  readFile(file, text): ReadResult {
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
  },
  fetchDay: (flags) => (hasQueryFlags(flags) ? { usage: '--category, --keyword and --max are for arxiv' } : fetchDay(flags.day)),
  fromSettings: (settings, day) => (settings.huggingFace ? fetchDay(day) : undefined),
};
