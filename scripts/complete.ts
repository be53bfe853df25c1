/**
 * `npm run complete -- --from FILE | --arxiv`: completes the papers already on the site from
 * metadata, offline from a JSON file or online from arXiv's API. It fills missing fields only, never
 * touches a title or an abstract, replaces a field only with --force, and writes nothing that
 * `npm run check` would refuse (the same folder check, the same lines).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { relativeOf, shownPath } from '../src/content/content-check.ts';
import { contentDir, listPaperFiles } from '../src/content/content-files.ts';
import { readPaperFile, writePaperFile } from '../src/content/paper-file.ts';
import { type PaperData, PaperSchema } from '../src/content/paper-schema.ts';
import { parseArxivRef } from '../src/lib/arxiv-id.ts';
import { ARXIV_API_DEFAULTS, ArxivApiError, arxivApiOptions, fetchArxivEntry } from './import/arxiv-api.ts';
import { COMPLETED_FIELDS, completePaper, findMetadata, indexMetadata, type PaperMetadata, parseMetadataFile } from './import/complete.ts';
import { readArgs, runCli, usage } from './lib/cli.ts';
import { linesBeforeWriting } from './lib/verdicts.ts';

const HELP = `Usage: npm run complete -- --from FILE [options]
       npm run complete -- --arxiv [options]

Completes the papers already on the site with metadata: ${COMPLETED_FIELDS.join(', ')}.

  --from FILE   offline, from a JSON file: { "papers": [ … ] } or a list, each record with any of
                title, arxiv, authors, published, category, comment, journal, code (null where
                unknown; other keys are ignored). A paper is matched by its arXiv id, or by its
                title (ignoring case, accents and punctuation) when it has no arXiv id.
  --arxiv       online, from arXiv's API, for the papers that have an arXiv id: authors, published,
                category, comment and journal, through the client npm run new uses, one paper at a
                time, a pause between requests as arXiv asks.

It fills only the fields a paper lacks (an empty author list counts as lacking). It never touches a
title or an abstract. --force replaces fields a paper has when the source says otherwise.
Re-running it changes nothing. A paper whose completed file npm run check would refuse (for
instance a published date after its listing day) is left as it is, with the lines check prints.

Options:
  --force        replace fields that differ, not only missing ones
  --dry-run      print what would change, write nothing
  -h, --help     show this help

Environment: PAPERSHELF_CONTENT (content folder), PAPERSHELF_ARXIV_API (query endpoint, default
${ARXIV_API_DEFAULTS.endpoint}), PAPERSHELF_ARXIV_PAUSE_MS (pause between requests, default 3000),
PAPERSHELF_HTTP_TIMEOUT_MS, PAPERSHELF_HTTP_RETRY_MS.
Exit status: 0 when every match was completed (or had nothing to complete), 1 when a paper was
refused or arXiv failed, 2 on usage errors.`;

/** The CLI: `argv` without node and the script, `env` for the folders and arXiv settings. Returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = readArgs('complete', HELP, () =>
    parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        arxiv: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (typeof args === 'number') {
    return args;
  }
  const { values } = args;
  if ((values.from === undefined) === !values.arxiv) {
    return usage('complete', HELP, 'give either --from FILE or --arxiv');
  }
  const dir = contentDir(env);
  const papers = readPapers(dir);

  let recordOf: (paper: PaperData) => Promise<PaperMetadata | undefined>;
  let source: string;
  if (values.from !== undefined) {
    let records: PaperMetadata[];
    try {
      records = parseMetadataFile(readFileSync(values.from, 'utf8'), values.from);
    } catch (error) {
      console.error(`complete: ${(error as Error).message}`);
      return 2;
    }
    const index = indexMetadata(records);
    recordOf = async (paper) => findMetadata(paper, index);
    source = values.from;
  } else {
    recordOf = arxivRecords(env);
    source = 'arXiv';
  }

  const pending: { relative: string; text: string; changed: string[] }[] = [];
  const counts = { completed: 0, unchanged: 0, unmatched: 0, refused: 0, invalid: 0 };
  try {
    for (const paper of papers) {
      if (paper.data === undefined) {
        counts.invalid++;
        console.log(`skipped    ${paper.shown}: it does not pass npm run check; fix it first`);
        continue;
      }
      const record = await recordOf(paper.data);
      if (record === undefined) {
        counts.unmatched++;
        continue;
      }
      const { data, changed } = completePaper(paper.data, record, values.force);
      if (changed.length === 0) {
        counts.unchanged++;
        continue;
      }
      pending.push({ relative: paper.relative, text: withFrontMatter(paper.source, data), changed });
    }
  } catch (error) {
    if (!(error instanceof ArxivApiError)) {
      throw error;
    }
    console.error(`complete: ${error.message}. No file was changed.`);
    return 1;
  }

  const lines = linesBeforeWriting(
    dir,
    env,
    pending.map((p) => ({ relative: p.relative, bytes: Buffer.from(p.text) })),
  );
  for (const file of pending) {
    const refused = lines.get(file.relative) ?? [];
    const shown = shownPath(dir, file.relative);
    if (refused.length > 0) {
      counts.refused++;
      for (const line of refused) {
        console.error(`${shown}: not completed, the file would not pass npm run check: ${line}`);
      }
      continue;
    }
    counts.completed++;
    console.log(`completed  ${shown}: ${file.changed.join(', ')} (from ${source})`);
    if (!values['dry-run']) {
      writeFileSync(path.join(dir, file.relative), file.text);
    }
  }
  const dry = values['dry-run'] ? ' (dry run: nothing written)' : '';
  console.log(
    `${papers.length} papers: ${counts.completed} completed, ${counts.unchanged} already complete, ${counts.unmatched} not in ${source}, ${counts.refused} refused, ${counts.invalid} invalid${dry}`,
  );
  return counts.refused > 0 ? 1 : 0;
}

/** Every paper file with its validated front matter (undefined when it does not pass the schema). */
function readPapers(dir: string) {
  return listPaperFiles(dir).map((file) => {
    const source = readFileSync(file.path, 'utf8');
    let data: PaperData | undefined;
    try {
      const parsed = PaperSchema.safeParse(readPaperFile(source).data);
      data = parsed.success ? parsed.data : undefined;
    } catch {
      data = undefined;
    }
    return { relative: relativeOf(dir, file.path), shown: shownPath(dir, relativeOf(dir, file.path)), source, data };
  });
}

/** `source` with its front matter written anew from `data`; the abstract after it kept byte for byte. */
function withFrontMatter(source: string, data: PaperData): string {
  const close = /\r?\n---\r?\n/.exec(source.slice(3));
  if (close === null) {
    throw new Error('a paper file without a closing --- line passed the schema');
  }
  const body = source.slice(3 + close.index + close[0].length);
  const front = writePaperFile(data, '');
  return `${front.slice(0, front.indexOf('\n---\n') + '\n---\n'.length)}${body}`;
}

/** Records from arXiv's API, one request per paper with an arXiv id, with a pause between requests. */
function arxivRecords(env: NodeJS.ProcessEnv): (paper: PaperData) => Promise<PaperMetadata | undefined> {
  const options = arxivApiOptions(env);
  const pause = options.pauseMs;
  let first = true;
  return async (paper) => {
    const ref = paper.arxiv === undefined ? undefined : parseArxivRef(paper.arxiv);
    if (ref === undefined) {
      return undefined;
    }
    if (!first && pause > 0) {
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    first = false;
    const entry = await fetchArxivEntry({ id: ref.id }, options);
    const { authors, category, comment, journal } = entry.fields;
    return {
      authors: authors ?? null,
      published: entry.published,
      category: category ?? null,
      comment: comment ?? null,
      journal: journal ?? null,
    };
  };
}

if (import.meta.main) {
  await runCli('complete', () => main(process.argv.slice(2), process.env));
}
