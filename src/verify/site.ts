/**
 * The checks of `npm run verify` over a built site (see scripts/workflows/verify.ts for the list), run by
 * the build itself while Pagefind writes its index (src/integrations/verify.ts) and by the
 * script on any built folder. Pages are scanned on a pool of workers, one per core and 8 at most (worker.ts),
 * and pages unchanged since the last run reuse that run's results.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { VERIFY_VALIDATE_ALL, VERIFY_VALIDATE_SAMPLE } from '../consts.ts';
import { outPath, pagefindPath } from '../data/routes.ts';
import { shardPlan, VOTES_FILE } from '../data/search-shards.ts';
import { listFilesUnder } from '../lib/node/files.ts';
import { codeVersion } from '../lib/node/hash.ts';
import type { PageProblem } from './checks.ts';
import { resolveInternal, validationSample } from './checks.ts';
import { ResultCache } from './result-cache.ts';
import type { PageResult, VerifyJob } from './worker.ts';

/** What to verify. */
export interface VerifySiteOptions {
  /** The built site, absolute. */
  out: string;
  /** The base path the site is served under, ending in '/'. */
  base: string;
  /** The paper files (id, listing day and path) the site must have one page each for. */
  papers: { id: string; day: string; path: string }[];
  /** The project root (where src/verify/worker.ts is). */
  root: string;
  /** Where the results of unchanged pages are kept; undefined: no cache. */
  cacheDir?: string;
  /** Validate the HTML of every page, whatever the size of the site. */
  full?: boolean;
  /**
   * Resolves once the search index is written: pages are scanned meanwhile, and links (which
   * may point into /pagefind/) and the index are checked after.
   */
  indexReady?: Promise<unknown>;
}

/** What verification found: every problem, and a one-line summary. */
export interface SiteVerification {
  problems: PageProblem[];
  summary: string;
}

/** Every file of the built site, relative to it, with '/' separators, sorted. */
function listFiles(out: string): string[] {
  return listFilesUnder(out).map((file) => path.relative(out, file).split(path.sep).join('/'));
}

/** Verifies the built site; never throws for a problem in the site (it is in `problems`). */
export async function verifySite(options: VerifySiteOptions): Promise<SiteVerification> {
  const { out, base } = options;
  const problems: PageProblem[] = [];
  // Pagefind writes no HTML: the pages can be listed and scanned while it writes.
  const htmlFiles = listFiles(out).filter((f) => f.endsWith('.html'));
  const toValidate =
    options.full === true || htmlFiles.length <= VERIFY_VALIDATE_ALL ? htmlFiles : validationSample(htmlFiles, VERIFY_VALIDATE_SAMPLE);
  const pages = new Map<string, PageResult>();
  let validated = 0;
  const { results, reused } = await scanAll(options, htmlFiles, new Set(toValidate));
  for (const result of results) {
    pages.set(result.file, result);
    problems.push(...result.problems);
    if (result.validated) {
      validated++;
    }
  }
  const idsOf = new Map([...pages].map(([file, page]) => [file, new Set(page.ids)]));

  await options.indexReady;
  const fileSet = new Set(listFiles(out));

  // Links and fragments.
  let links = 0;
  for (const [file, scan] of pages) {
    for (const { url, line } of scan.links) {
      links++;
      const target = url.startsWith('#') ? { file, fragment: decodeURIComponent(url.slice(1)) } : resolveInternal(url, base);
      if (target === undefined) {
        continue;
      }
      if (!fileSet.has(target.file)) {
        problems.push({ file, line, message: `the link ${url} leads to no file (${target.file})` });
      } else if (target.fragment !== undefined && target.file.endsWith('.html') && !idsOf.get(target.file)?.has(target.fragment)) {
        problems.push({ file, line, message: `the link ${url} names #${target.fragment}, which ${target.file} does not have` });
      }
    }
  }

  // One page per paper, each with an abstract, and the index holds exactly them.
  const papers = options.papers;
  const indexedPages = [...pages].filter(([, page]) => page.indexed);
  for (const paper of papers) {
    const file = `papers/${paper.id}/index.html`;
    const scan = pages.get(file);
    if (scan === undefined) {
      problems.push({ file, line: 1, message: `missing: the page of ${path.relative(process.cwd(), paper.path)}` });
    } else if (!scan.indexed) {
      problems.push({ file, line: 1, message: 'the paper page is not marked for the search index' });
    } else if (scan.hasAbstract !== true) {
      problems.push({ file, line: 1, message: 'the paper page has an empty abstract' });
    }
  }
  if (indexedPages.length !== papers.length) {
    problems.push({
      file: '.',
      line: 1,
      message: `${indexedPages.length} pages are marked for the search index, but there are ${papers.length} paper files`,
    });
  }
  problems.push(...checkSearchShards(out, papers));

  const summary = `verify: ${htmlFiles.length} pages (${validated} validated${validated < htmlFiles.length ? ', a sample: --full for all' : ''}${reused > 0 ? `; ${reused} unchanged since the last run` : ''}), ${papers.length} papers, ${links} internal links`;
  return { problems, summary };
}

/**
 * The search index's shards (src/data/search-shards.ts): each one's bundle is there and holds
 * exactly the pages of its days' paper files, and no other shard is.
 */
export function checkSearchShards(out: string, papers: readonly { day: string }[]): PageProblem[] {
  const problems: PageProblem[] = [];
  const folder = `${outPath(pagefindPath())}/`;
  const plan = shardPlan(papers);
  for (const { shard, papers: inShard } of plan) {
    const file = `${folder}${shard.dir}pagefind-entry.json`;
    const expected = inShard.length;
    if (!existsSync(path.join(out, file))) {
      problems.push({ file, line: 1, message: `missing: the search index's ${shard.name} shard was not built` });
      continue;
    }
    const entry = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
    const count = Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
    if (count !== expected) {
      const days = shard.first === '' ? '' : ` (${shard.first} to ${shard.last})`;
      problems.push({
        file,
        line: 1,
        message: `Pagefind indexed ${count} pages in the ${shard.name} shard${days}, but there are ${expected} paper files of its days`,
      });
    }
  }
  const others = path.join(out, folder, 'shards');
  if (existsSync(others)) {
    for (const name of readdirSync(others)) {
      if (!plan.some((p) => p.shard.dir === `shards/${name}/`)) {
        problems.push({ file: `${folder}shards/${name}`, line: 1, message: 'a search shard the site does not have' });
      }
    }
  }
  if (!existsSync(path.join(out, folder, VOTES_FILE))) {
    problems.push({ file: `${folder}${VOTES_FILE}`, line: 1, message: 'missing: the votes of the search index' });
  }
  return problems;
}

/** The failure report: one `path:line message` per problem (paths under `out` as shown from the working folder), then the count. */
export function formatVerification(out: string, { problems, summary }: SiteVerification): string {
  const shown = path.relative(process.cwd(), out) || '.';
  const lines = problems.map((p) => `${path.join(shown, p.file)}:${p.line} ${p.message}`);
  return [...lines, `${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`].join('\n');
}

/** Runs the jobs on a pool of workers, one per core and at most 8; results come back in the order of the jobs. */
async function runOnWorkers<T>(options: VerifySiteOptions, jobs: VerifyJob[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  const workers = Math.max(1, Math.min(availableParallelism(), jobs.length, 8));
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(path.join(options.root, 'src/verify/worker.ts'), {
        workerData: { out: options.out, base: options.base },
      });
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
  for (let i = 0; i < page.links.length; i += 2) {
    links.push({ url: table[page.links[i] as number] ?? '', line: page.links[i + 1] as number });
  }
  return { ...page, links };
}

function batches(files: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < files.length; i += 200) {
    out.push(files.slice(i, i + 200));
  }
  return out;
}

/**
 * Scans every page, reusing the results of the last run for pages whose bytes (and validation
 * choice) did not change: a page's scan depends on nothing else. Links are resolved afterwards,
 * against this build's files.
 */
async function scanAll(
  options: VerifySiteOptions,
  files: string[],
  validate: Set<string>,
): Promise<{ results: PageResult[]; reused: number }> {
  const useCache = options.cacheDir !== undefined;
  // Pages share most link targets (papers, authors, the navigation): the cache stores each URL
  // once in its table and a page's links as [index, line, index, line, …] (storing each page's
  // links as they are took hundreds of MB at 50,000 papers: docs/performance.md, "Behind the code").
  const cache = new ResultCache<CachedPage>(
    path.join(options.cacheDir ?? '', 'papershelf', 'verify.json'),
    `${options.base}\0${codeVersion(['src/verify/checks.ts', 'src/verify/worker.ts', 'package-lock.json'].map((f) => path.join(options.root, f)))}`,
  );
  const keyOf = (hash: string, file: string) => `${hash}:${validate.has(file) ? 'v' : 's'}`;
  // Each page's hash as last computed, with the size and time (to the millisecond: copies and
  // utimes keep no finer) of the file it was read from:
  // dist/ is kept between builds, so a page the build did not write again is not read again
  // (at 10,000 papers, reading every page to hash it was most of a rebuild's verification).
  const stats = new ResultCache<[number, number, string]>(
    path.join(options.cacheDir ?? '', 'papershelf', 'verify-files.json'),
    cache.version,
  );
  const sizes = files.map((file) => statSync(path.join(options.out, file)));
  const known = files.map((file, i) => {
    const was = stats.get(file);
    const now = sizes[i];
    return was !== undefined && now !== undefined && was[0] === now.size && was[1] === Math.round(now.mtimeMs) ? was[2] : undefined;
  });
  const unknown = files.filter((_, i) => known[i] === undefined);
  const hashed =
    useCache && cache.loaded > 0
      ? (
          await runOnWorkers<string[]>(
            options,
            batches(unknown).map((b) => ({ kind: 'hash', files: b })),
          )
        ).flat()
      : undefined;
  let next = 0;
  const keys = hashed === undefined ? undefined : files.map((file, i) => keyOf(known[i] ?? hashed[next++] ?? '', file));
  const byFile = new Map<string, PageResult>();
  const toScan: string[] = [];
  for (const [i, file] of files.entries()) {
    const hit = keys === undefined ? undefined : cache.get(keys[i] ?? '');
    if (hit !== undefined && hit.file === file) {
      byFile.set(file, decodePage(hit, cache.table));
    } else {
      toScan.push(file);
    }
  }
  const reused = byFile.size;
  const scanned = await runOnWorkers<PageResult[]>(
    options,
    batches(toScan).map((b) => ({ kind: 'scan', files: b, validate: b.map((f) => validate.has(f)) })),
  );
  for (const result of scanned.flat()) {
    byFile.set(result.file, result);
  }
  if (useCache) {
    const table: string[] = [];
    const indexOf = new Map<string, number>();
    for (const result of byFile.values()) {
      cache.set(keyOf(result.hash, result.file), encodePage(result, table, indexOf));
    }
    cache.save(table);
    for (const [i, file] of files.entries()) {
      const stat = sizes[i];
      const hash = byFile.get(file)?.hash;
      if (stat !== undefined && hash !== undefined) {
        stats.set(file, [stat.size, Math.round(stat.mtimeMs), hash]);
      }
    }
    stats.save();
  }
  return { results: files.map((f) => byFile.get(f) as PageResult), reused };
}
