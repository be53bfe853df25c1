/** The benchmark's table. */

import type { PhoneResult, QueryResult } from './browser.ts';
import type { Run } from './build.ts';

/** Bytes as whole megabytes. */
export function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** One budget of issue #22's list: the measured ratio (or figure) against its limit. */
export interface Budget {
  name: string;
  value: number;
  limit: number;
  met: boolean;
  /** The measured figures behind the value, in words. */
  detail: string;
}

/** What the budgets are computed from (a run's results; any part may be missing when skipped). */
export interface BudgetInput {
  papers: number;
  build: Run;
  output: { filesPerPaper: number; kbPerPaper: number };
  incremental?: Run;
  prCheck?: { seconds: number; reference: { papers: number; seconds: number } };
  baseline?: { seconds: number };
  browser?: { search: QueryResult[]; oneIndexSearch: QueryResult[]; pages: { path: string; scriptBytes: number }[] };
}

/** The budgets a run can judge, each as a ratio within the run (the machine's speed cancels out). */
export function budgets(r: BudgetInput): Budget[] {
  const out: Budget[] = [];
  const add = (name: string, value: number, limit: number, detail: string) => out.push({ name, value, limit, met: value <= limit, detail });
  if (r.incremental) {
    add(
      'rebuild after one paper / cold build',
      r.incremental.seconds / r.build.seconds,
      0.3,
      `${r.incremental.seconds.toFixed(1)} s / ${r.build.seconds.toFixed(1)} s`,
    );
  }
  if (r.prCheck) {
    add(
      `pull-request check at ${r.papers} / at ${r.prCheck.reference.papers} papers`,
      r.prCheck.seconds / r.prCheck.reference.seconds,
      1.2,
      `${r.prCheck.seconds.toFixed(1)} s / ${r.prCheck.reference.seconds.toFixed(1)} s`,
    );
  }
  if (r.browser) {
    const [first, ...later] = r.browser.search;
    const [oneFirst, ...oneLater] = r.browser.oneIndexSearch;
    if (first && oneFirst) {
      add('first query bytes / one index', first.bytes / oneFirst.bytes, 1.1, `${kb(first.bytes)} / ${kb(oneFirst.bytes)}`);
    }
    const sum = (qs: QueryResult[]) => qs.reduce((n, q) => n + q.bytes, 0);
    if (later.length > 0) {
      add('later queries bytes / one index', sum(later) / sum(oneLater), 1.25, `${kb(sum(later))} / ${kb(sum(oneLater))}`);
    }
  }
  // The reader's library (src/client/library.ts) is the only script on listing and paper pages.
  for (const page of r.browser?.pages ?? []) {
    add(`script on ${page.path} (KB gzip)`, page.scriptBytes / 1024, 4, kb(page.scriptBytes));
  }
  add('files a paper', r.output.filesPerPaper, 2, `${r.output.filesPerPaper.toFixed(2)} files`);
  add('KB a paper', r.output.kbPerPaper, 20, `${r.output.kbPerPaper.toFixed(1)} KB`);
  if (r.baseline) {
    add(
      'cold build / bare Astro + bare Pagefind',
      r.build.seconds / r.baseline.seconds,
      1.25,
      `${r.build.seconds.toFixed(1)} s / ${r.baseline.seconds.toFixed(1)} s`,
    );
  }
  return out;
}

/** How many of the top 10 of `a` are in the top 10 of `b`, on average over the queries both ran. */
export function topOverlap(a: readonly QueryResult[], b: readonly QueryResult[]): number {
  const pairs = a.flatMap((q, i) => (b[i] === undefined ? [] : [[q.top, b[i].top] as const]));
  if (pairs.length === 0) {
    return 0;
  }
  return pairs.reduce((n, [x, y]) => n + x.slice(0, 10).filter((u) => y.slice(0, 10).includes(u)).length, 0) / pairs.length;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The table printed at the end of a run. */
export function formatTable(r: {
  papers: number;
  build: Run;
  output: {
    htmlPages: number;
    files: number;
    distBytes: number;
    filesPerPaper: number;
    kbPerPaper: number;
    largestDir: { path: string; entries: number };
    pagesPerRoute: Record<string, number>;
    indexBytes: number;
  };
  incremental?: Run;
  prCheck?: { seconds: number; reference: { papers: number; seconds: number } };
  baseline?: { astro: Run; pagefind: Run; seconds: number; indexBytes: number };
  browser?: {
    search: QueryResult[];
    oneIndexSearch: QueryResult[];
    bareSearch?: QueryResult[];
    phone?: PhoneResult[];
    pages: { path: string; htmlCssBytes: number; scripts: string[]; scriptBytes: number }[];
  };
  budgets: Budget[];
}): string {
  const rows: string[][] = [['phase', 'wall', 'peak RSS (largest process)']];
  for (const p of r.build.phases) {
    rows.push([p.name, `${p.seconds.toFixed(1)} s`, mb(p.peakRss)]);
  }
  rows.push(['full build', `${r.build.seconds.toFixed(1)} s`, mb(r.build.peakRss)]);
  if (r.incremental) {
    rows.push(['rebuild, one paper added', `${r.incremental.seconds.toFixed(1)} s`, mb(r.incremental.peakRss)]);
  }
  if (r.prCheck) {
    rows.push(['pull-request check, one paper', `${r.prCheck.seconds.toFixed(1)} s`, '']);
    rows.push([`  the same at ${r.prCheck.reference.papers} papers`, `${r.prCheck.reference.seconds.toFixed(1)} s`, '']);
  }
  if (r.baseline) {
    rows.push(['bare astro build', `${r.baseline.astro.seconds.toFixed(1)} s`, mb(r.baseline.astro.peakRss)]);
    rows.push(['bare pagefind CLI', `${r.baseline.pagefind.seconds.toFixed(1)} s`, mb(r.baseline.pagefind.peakRss)]);
    rows.push(['bare total × 1.25', `${(r.baseline.seconds * 1.25).toFixed(1)} s`, '']);
  }
  const width = rows.map((row) => row.map((c) => c.length)).reduce((a, b) => a.map((w, i) => Math.max(w, b[i] ?? 0)));
  const lines = [`Papershelf bench: ${r.papers} papers`, ''];
  lines.push(...rows.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(width[i] ?? 0) : c.padStart(width[i] ?? 0))).join('  ')));
  lines.push(
    '',
    `${r.output.htmlPages} HTML pages, ${r.output.files} files, dist ${mb(r.output.distBytes)}, search index ${mb(r.output.indexBytes)}`,
    `per paper: ${r.output.filesPerPaper.toFixed(2)} files, ${r.output.kbPerPaper.toFixed(1)} KB; fullest folder ${r.output.largestDir.path} (${r.output.largestDir.entries} entries)`,
    `pages per route: ${Object.entries(r.output.pagesPerRoute)
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `${route} ${n}`)
      .join(', ')}`,
  );
  if (r.baseline) {
    lines.push(`bare search index ${mb(r.baseline.indexBytes)}`);
  }
  if (r.browser) {
    for (const p of r.browser.pages) {
      lines.push(`${p.path}: ${(p.htmlCssBytes / 1024).toFixed(1)} KB HTML+CSS gzip, scripts: ${p.scripts.join(', ') || 'none'}`);
    }
    lines.push('', 'search (gzip bytes, time to first results)  site  |  one index of the same pages  |  bare');
    for (const [i, q] of r.browser.search.entries()) {
      const one = r.browser.oneIndexSearch[i];
      const bare = r.browser.bareSearch?.[i];
      const cell = (x: QueryResult) => `${(x.bytes / 1024).toFixed(1)} KB, ${Math.round(x.ms)} ms, ${x.results} results`;
      lines.push(
        `  ${i === 0 ? 'first' : 'later'} "${q.query}": ${cell(q)}${one ? `  |  ${cell(one)}` : ''}${bare ? `  |  ${cell(bare)}` : ''}`,
      );
    }
    lines.push(`top-10 overlap with one index: ${topOverlap(r.browser.search, r.browser.oneIndexSearch).toFixed(1)} of 10`);
    if (r.browser.phone) {
      lines.push('', 'the search page on a phone (slow 4G, CPU ÷4, gzip, cold): first result drawn');
      for (const p of r.browser.phone) {
        lines.push(
          `  "${p.query}"${p.warm ? ', from the header box' : ''}: ${(p.ms / 1000).toFixed(2)} s, ${(p.bytes / 1024).toFixed(1)} KB`,
        );
      }
    }
  }
  lines.push('', 'budgets (ratios within this run)');
  for (const b of r.budgets) {
    lines.push(`  ${b.met ? 'met    ' : 'NOT MET'} ${b.name}: ${b.value.toFixed(2)} (≤ ${b.limit}; ${b.detail})`);
  }
  return lines.join('\n');
}
