/**
 * `npm run verify`: checks the built site in dist/ (run at the end of `npm run build`). It fails
 * unless there is exactly one page per paper file and Pagefind indexed exactly those pages, every
 * paper page has an abstract, no page carries a script, handler, inline style or dangerous URL
 * outside the site's own bundles, every internal link and #fragment resolves, and the HTML is valid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { CACHE_DIR, OUT_DIR, SITE_BASE, VERIFY_VALIDATE_ALL, VERIFY_VALIDATE_SAMPLE } from '../src/consts.ts';
import { contentDir, listPaperFiles } from '../src/lib/content-files.ts';
import { codeVersion, ResultCache } from '../src/lib/result-cache.ts';
import type { PageProblem } from '../src/lib/verify.ts';
import { resolveInternal, validationSample } from '../src/lib/verify.ts';
import type { PageResult, VerifyJob } from './verify-worker.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const HELP = `Usage: npm run verify [-- options]

Checks the built site (PAPERSHELF_OUT, default dist/) against the content folder
(PAPERSHELF_CONTENT, default content/papers), as served under PAPERSHELF_BASE (default /).
On every page:
  - one page per paper file, and Pagefind's index holds exactly those pages
  - every paper page has a non-empty abstract
  - no inline script or style, event handler, style attribute, javascript:/data: URL, iframe,
    object, embed, base or meta refresh anywhere (the email digests, digest/*.html, may use
    style attributes); scripts only from the site's own bundles; no data-pagefind-* attribute
    inside an abstract
  - every internal link, script, stylesheet and #fragment resolves to a file and an id in dist/
HTML validity (html-validate, recommended rules) on every page of a site of up to
${VERIFY_VALIDATE_ALL.toLocaleString('en')} pages; on larger sites on ${VERIFY_VALIDATE_SAMPLE.toLocaleString('en')} pages spread evenly over the sorted
list, including the first page of every route (every paper page comes from one template).

Pages whose bytes did not change since the last run reuse that run's results (a cache in
PAPERSHELF_CACHE, default node_modules/.astro); links are always resolved afresh.

Options:
  --full       validate the HTML of every page, whatever the size of the site
  --no-cache   scan every page afresh, and leave the cache alone
  -h, --help   show this help

Pages are checked in parallel, one worker per core.
Exit status: 0 when everything holds, 1 when anything fails (every failure is listed).`;

const base = SITE_BASE.endsWith('/') ? SITE_BASE : `${SITE_BASE}/`;

/** Runs the jobs on a pool of workers, one per core; results come back in the order of the jobs. */
async function runOnWorkers<T>(out: string, jobs: VerifyJob[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  const workers = Math.max(1, Math.min(availableParallelism(), jobs.length, 8));
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { workerData: { out, base } });
      try {
        while (next < jobs.length) {
          const i = next++;
          results[i] = await new Promise<T>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(jobs[i]);
          });
          worker.removeAllListeners('error');
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}

/** A page's result as the cache stores it: links as [table index, line, …]. */
type CachedPage = Omit<PageResult, 'links'> & { links: number[] };

function encodePage(page: PageResult, table: string[], indexOf: Map<string, number>): CachedPage {
  const links: number[] = [];
  for (const { url, line } of page.links) {
    let i = indexOf.get(url);
    if (i === undefined) {
      i = table.push(url) - 1;
      indexOf.set(url, i);
    }
    links.push(i, line);
  }
  return { ...page, links };
}

function decodePage(page: CachedPage, table: string[]): PageResult {
  const links: PageResult['links'] = [];
  for (let i = 0; i < page.links.length; i += 2)
    links.push({ url: table[page.links[i] as number] ?? '', line: page.links[i + 1] as number });
  return { ...page, links };
}

function batches(files: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < files.length; i += 200) out.push(files.slice(i, i + 200));
  return out;
}

/**
 * Scans every page, reusing the results of the last run for pages whose bytes (and validation
 * choice) did not change: a page's scan depends on nothing else. Links are resolved afterwards,
 * against this build's files.
 */
async function scanAll(
  out: string,
  files: string[],
  validate: Set<string>,
  useCache: boolean,
): Promise<{ results: PageResult[]; reused: number }> {
  // Pages share most link targets (papers, authors, the navigation): the cache stores each URL
  // once in its table and a page's links as [index, line, index, line, …] (50,000 papers: about
  // 30 MB instead of 400 MB).
  const cache = new ResultCache<CachedPage>(
    path.join(CACHE_DIR, 'papershelf', 'verify.json'),
    `${base}\0${codeVersion([path.join(ROOT, 'src/lib/verify.ts'), path.join(ROOT, 'scripts/verify-worker.ts'), path.join(ROOT, 'package-lock.json')])}`,
  );
  const keyOf = (hash: string, file: string) => `${hash}:${validate.has(file) ? 'v' : 's'}`;
  const keys =
    useCache && cache.loaded > 0
      ? (
          await runOnWorkers<string[]>(
            out,
            batches(files).map((b) => ({ kind: 'hash', files: b })),
          )
        )
          .flat()
          .map((hash, i) => keyOf(hash, files[i] ?? ''))
      : undefined;
  const byFile = new Map<string, PageResult>();
  const toScan: string[] = [];
  for (const [i, file] of files.entries()) {
    const hit = keys === undefined ? undefined : cache.get(keys[i] ?? '');
    if (hit !== undefined && hit.file === file) byFile.set(file, decodePage(hit, cache.table));
    else toScan.push(file);
  }
  const reused = byFile.size;
  const scanned = await runOnWorkers<PageResult[]>(
    out,
    batches(toScan).map((b) => ({ kind: 'scan', files: b, validate: b.map((f) => validate.has(f)) })),
  );
  for (const result of scanned.flat()) byFile.set(result.file, result);
  if (useCache) {
    const table: string[] = [];
    const indexOf = new Map<string, number>();
    for (const result of byFile.values()) cache.set(keyOf(result.hash, result.file), encodePage(result, table, indexOf));
    cache.save(table);
  }
  return { results: files.map((f) => byFile.get(f) as PageResult), reused };
}

async function main(): Promise<number> {
  let values: { full: boolean; cache: boolean; help: boolean };
  try {
    values = parseArgs({
      allowNegative: true,
      options: {
        full: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`verify: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const out = path.resolve(OUT_DIR);
  if (!existsSync(out)) {
    console.error(`verify: ${out} does not exist: run npm run build first`);
    return 1;
  }
  const problems: PageProblem[] = [];
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const toValidate =
    values.full || htmlFiles.length <= VERIFY_VALIDATE_ALL ? htmlFiles : validationSample(htmlFiles, VERIFY_VALIDATE_SAMPLE);
  const pages = new Map<string, PageResult>();
  let validated = 0;
  const { results, reused } = await scanAll(out, htmlFiles, new Set(toValidate), values.cache);
  for (const result of results) {
    pages.set(result.file, result);
    problems.push(...result.problems);
    if (result.validated) validated++;
  }
  const idsOf = new Map([...pages].map(([file, page]) => [file, new Set(page.ids)]));

  // Links and fragments.
  let links = 0;
  for (const [file, scan] of pages) {
    for (const { url, line } of scan.links) {
      links++;
      const target = url.startsWith('#') ? { file, fragment: decodeURIComponent(url.slice(1)) } : resolveInternal(url, base);
      if (target === undefined) continue;
      if (!fileSet.has(target.file)) {
        problems.push({ file, line, message: `the link ${url} leads to no file (${target.file})` });
      } else if (target.fragment !== undefined && target.file.endsWith('.html') && !idsOf.get(target.file)?.has(target.fragment)) {
        problems.push({ file, line, message: `the link ${url} names #${target.fragment}, which ${target.file} does not have` });
      }
    }
  }

  // One page per paper, each with an abstract, and the index holds exactly them.
  const papers = listPaperFiles(contentDir());
  const indexedPages = [...pages].filter(([, page]) => page.indexed);
  for (const paper of papers) {
    const file = `papers/${paper.id}/index.html`;
    const scan = pages.get(file);
    if (scan === undefined) problems.push({ file, line: 1, message: `missing: the page of ${path.relative(process.cwd(), paper.path)}` });
    else if (!scan.indexed) problems.push({ file, line: 1, message: 'the paper page is not marked for the search index' });
    else if (scan.hasAbstract !== true) problems.push({ file, line: 1, message: 'the paper page has an empty abstract' });
  }
  if (indexedPages.length !== papers.length) {
    problems.push({
      file: '.',
      line: 1,
      message: `${indexedPages.length} pages are marked for the search index, but there are ${papers.length} paper files`,
    });
  }
  const entryFile = path.join(out, 'pagefind/pagefind-entry.json');
  if (!existsSync(entryFile)) {
    problems.push({ file: 'pagefind/pagefind-entry.json', line: 1, message: 'missing: the search index was not built' });
  } else {
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
    const count = Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
    if (count !== papers.length) {
      problems.push({
        file: 'pagefind/pagefind-entry.json',
        line: 1,
        message: `Pagefind indexed ${count} pages, but there are ${papers.length} paper files`,
      });
    }
  }

  for (const p of problems) console.error(`${path.join(path.relative(process.cwd(), out) || '.', p.file)}:${p.line} ${p.message}`);
  const summary = `verify: ${htmlFiles.length} pages (${validated} validated${validated < htmlFiles.length ? ', a sample: --full for all' : ''}${reused > 0 ? `; ${reused} unchanged since the last run` : ''}), ${papers.length} papers, ${links} internal links`;
  if (problems.length > 0) {
    console.error(`${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log(`${summary}: all checks passed`);
  return 0;
}

process.exitCode = await main();
