/** The benchmark's table. */

import type { QueryResult } from './browser.ts';
import type { Run } from './build.ts';

/** Bytes as whole megabytes. */
export function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
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
  baseline?: { astro: Run; pagefind: Run; seconds: number; indexBytes: number };
  browser?: { search: QueryResult[]; bareSearch?: QueryResult[]; pages: { path: string; htmlCssBytes: number; scripts: string[] }[] };
}): string {
  const rows: string[][] = [['phase', 'wall', 'peak RSS (largest process)']];
  for (const p of r.build.phases) rows.push([p.name, `${p.seconds.toFixed(1)} s`, mb(p.peakRss)]);
  rows.push(['full build', `${r.build.seconds.toFixed(1)} s`, mb(r.build.peakRss)]);
  if (r.incremental) rows.push(['rebuild, one paper added', `${r.incremental.seconds.toFixed(1)} s`, mb(r.incremental.peakRss)]);
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
  if (r.baseline) lines.push(`bare search index ${mb(r.baseline.indexBytes)}`);
  if (r.browser) {
    for (const p of r.browser.pages)
      lines.push(`${p.path}: ${(p.htmlCssBytes / 1024).toFixed(1)} KB HTML+CSS gzip, scripts: ${p.scripts.join(', ') || 'none'}`);
    lines.push('', 'search (gzip bytes, time to first results)  site  |  bare');
    for (const [i, q] of r.browser.search.entries()) {
      const bare = r.browser.bareSearch?.[i];
      lines.push(
        `  ${i === 0 ? 'first' : 'later'} "${q.query}": ${(q.bytes / 1024).toFixed(1)} KB, ${Math.round(q.ms)} ms, ${q.results} results` +
          (bare ? `  |  ${(bare.bytes / 1024).toFixed(1)} KB, ${Math.round(bare.ms)} ms, ${bare.results} results` : ''),
      );
    }
  }
  return lines.join('\n');
}
