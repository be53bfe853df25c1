/**
 * The front-matter reader, measured: gray-matter (what `readPaperFile` uses) against `yaml`'s
 * `parseDocument` with the options that would keep every refusal (unique keys, merge keys,
 * timestamps), over the same paper files in one process, best of `rounds`. Issue 19 asked to switch
 * to `yaml` if it is at least as fast at 50,000 papers; this is the figure that decides.
 */
import { LineCounter, parseDocument } from 'yaml';
import { readPaperFile } from '../../../src/content/paper-file.ts';

/** Milliseconds each reader took over all `texts`, best of `rounds`. */
export interface FrontMatterTimes {
  grayMatterMs: number;
  yamlMs: number;
}

/** Reads every text's front matter with both readers; throws if they disagree on any file. */
export function measureFrontMatter(texts: readonly string[], rounds = 2): FrontMatterTimes {
  const viaYaml = (text: string) => {
    const end = text.indexOf('\n---', 3);
    const doc = parseDocument(text.slice(4, end + 1), {
      lineCounter: new LineCounter(),
      uniqueKeys: true,
      merge: true,
      customTags: ['timestamp'],
    });
    if (doc.errors.length > 0) {
      throw doc.errors[0];
    }
    return doc.toJS() as Record<string, unknown>;
  };
  const viaGrayMatter = (text: string) => readPaperFile(text).data;
  for (const text of texts.slice(0, 200)) {
    if (JSON.stringify(viaYaml(text)) !== JSON.stringify(viaGrayMatter(text))) {
      throw new Error('the two readers disagree on a paper file');
    }
  }
  const best = (read: (text: string) => Record<string, unknown>) => {
    let fastest = Number.POSITIVE_INFINITY;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      for (const text of texts) {
        read(text);
      }
      fastest = Math.min(fastest, performance.now() - started);
    }
    return Math.round(fastest);
  };
  return { grayMatterMs: best(viaGrayMatter), yamlMs: best(viaYaml) };
}
