/**
 * `npm run bench -- --papers N [--seed S]`: builds the full site against a deterministic
 * synthetic corpus in a temporary folder (never touching content/), measures each phase (wall
 * time, peak RSS of the largest process), the output (pages, bytes, index bytes), an incremental
 * rebuild, a bare Astro + bare Pagefind baseline over the same corpus, and search in Chromium
 * (bytes a CDN would send, time to first results); prints a table and writes JSON.
 */

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { paperFileName } from '../../src/content/content-files.ts';
import { writePaperFile } from '../../src/content/paper-file.ts';
import { commonWordsPath, dayPath, pagefindPath, paperPath, searchPath } from '../../src/data/routes.ts';
import { searchShards, shardPath } from '../../src/data/search-shards.ts';
import type { TermRarity } from '../../src/lib/for-you.ts';
import { readArgs, runCli, usage } from '../lib/cli.ts';
import { contentCheck } from '../lib/preview-check.ts';
import { ROOT } from '../lib/root.ts';
import { HARNESS, measurePage, measurePhoneSearch, measureSearch, type PhoneResult, type QueryResult } from './bench/browser.ts';
import { measureBuild, type Run, sizeOf, writeCorpus } from './bench/build.ts';
import { formatForYou, forYouQuality } from './bench/for-you.ts';
import { measureFrontMatter } from './bench/front-matter.ts';
import { commitCorpus } from './bench/history.ts';
import { LIGHTHOUSE_CATEGORIES, type LighthouseScores, measureLighthouse } from './bench/lighthouse.ts';
import { log, runCommand } from './bench/process.ts';
import { readRealCorpus, realPapers } from './bench/real-corpus.ts';
import { formatRelevance, measureRelevance, readEvalQueries } from './bench/relevance.ts';
import { budgets, formatTable, mb } from './bench/report.ts';
import { generateCorpus, readSourceTexts } from './bench/synthetic.ts';
import { serveStatic } from './static-server.ts';

const HELP = `Usage: npm run bench -- --papers N [options]

Generates N synthetic papers shaped like real arXiv data (titles and abstracts from the vocabulary
of content/papers; authors reused as real ones are, 62 % on one paper only; median 7 authors and
~178 words a paper; 7 % with math, 17 % with a URL; ~50 papers a weekday ending 2026-11-27) into a
work folder, builds the full site against it with the commands of npm run build (astro build: our
loader checks and renders, then pages, then the Pagefind index while it verifies), and reports per
phase wall time and peak RSS of the largest process, and the output: files, bytes, per paper, the
fullest folder and pages per route. Then it adds one paper
and rebuilds (caches kept), times the pull-request check of that paper (npm run pr-check's content
path: the folder check, then a verified preview build of its day) here and on a 1,000-paper site,
times the front-matter reader (gray-matter against yaml, in process), builds a bare baseline over
the same corpus (a minimal Astro site with one page per paper and per day, then the Pagefind CLI),
and measures search and pages in Chromium through a local server that gzips like a CDN: the site's
search shards merged as the search page merges them, against one Pagefind index of the same paper
pages (bytes, results, top-10 overlap), and the search page itself on a phone profile (slow 4G:
1.6 Mbit/s, 150 ms round trips; the CPU slowed 4×; a cold cache; HTTP/2, as static hosts serve): the time to the first drawn
result, and the bytes, for two words and a ten-word sentence. Last, the budgets, each a ratio within the run: rebuild /
cold build ≤ 0.3, pull-request check at N / at 1,000 ≤ 1.2, first query bytes / one index ≤ 1.1,
later queries ≤ 1.25, ≤ 2 files and ≤ 20 KB a paper, cold build / bare baseline ≤ 1.25. The corpus is committed to a git repository,
one commit per paper, so that the build reads credits ("credits from git") as a deploy does. Every build runs without Node's compile
cache (NODE_DISABLE_COMPILE_CACHE=1), as on a fresh CI machine, so that runs compare.

With --relevance instead of --papers, it measures search relevance on real abstracts: it builds a
site of the first N papers of ../shared/corpus/arxiv-5k.jsonl.gz (default 2,000), runs the
evaluation set (scripts/dev/bench/search-queries.json: 60 descriptions a reader writes from memory, 60
short topic queries) through Pagefind as it is, the site's search (the search page's ranking, in
Node, on the same index) and a plain BM25 reference, and prints top-1, top-10 and MRR for each, and
how many papers come first for their arXiv id and their title.

With --for-you, it measures "For you" on the whole real corpus, with no build: for each topic of
scripts/dev/bench/for-you.ts, a reader saves 15 papers on it from the days before a later week of
250 papers; it prints the share of that week's papers on the topic in the first 20, against chance.

Options:
  --papers N        number of papers (required, but with --relevance)
  --relevance       measure search relevance on the real corpus (see above)
  --relevance-papers N  papers of the real corpus for --relevance (default 2000)
  --for-you         measure "For you" on the real corpus (see above)
  --seed S          corpus seed (default 1); the same N and S give the same corpus
  --work DIR        work folder (default: <tmp>/papershelf-bench/<N>-<S>); emptied first
  --json FILE       where to write the results (default: <work>/results.json)
  --no-baseline     skip the bare Astro + Pagefind baseline
  --no-incremental  skip the one-paper rebuild (and the pull-request check, which checks that paper)
  --no-pr-check     skip the pull-request check of the added paper (here and on a 1,000-paper site)
  --no-browser      skip the Chromium measurements
  --no-lighthouse   skip Lighthouse's scores of the newest day, a paper and a search (mobile profile)
  --no-git          no git history (the build then shows no credits)
  -h, --help        show this help

Needs Linux (/proc, for memory) and, for the browser part, Chromium at /usr/bin/chromium.
Exit status: 0 when every build succeeds, 1 when one fails (its log is shown), 2 on usage errors.`;

/** The newest listing day of the synthetic corpus: fixed, so that the corpus never depends on today. */
const LAST_DAY = '2026-11-27';

/** The pull-request check is also timed on a site of this many papers, in the same run. */
const PR_REFERENCE_PAPERS = 1_000;

/** Seconds the pull-request check's content path takes for a change to `day` (its check cache warmed first, as main's build leaves it). */
function timePrCheck(content: string, day: string, out: string, env: NodeJS.ProcessEnv): number {
  const quiet = { stdio: ['ignore', 2, 2] as ['ignore', number, number], env: { ...env, PAPERSHELF_CONTENT: content } };
  contentCheck({ content, days: [], out, ...quiet });
  const started = performance.now();
  if (!contentCheck({ content, days: [day], out, ...quiet })) {
    throw new Error(`the pull-request check failed on ${content}`);
  }
  return (performance.now() - started) / 1000;
}

/** How many fragment files the site's index has, in every shard. */
function countFragments(index: string): number {
  return readdirSync(index, { recursive: true }).filter((f) => String(f).endsWith('.pf_fragment')).length;
}

/** The paper pages of `dist` in one Pagefind index at `out`, with at most `maxFragments` fragment files. */
async function writeOneIndex(dist: string, out: string, maxFragments: number): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', maxFragments });
    if (index === undefined) {
      throw new Error(`Pagefind: ${errors.join('; ')}`);
    }
    const added = await index.addDirectory({ path: dist, glob: 'papers/*/index.html' });
    const written = await index.writeFiles({ outputPath: out });
    const problems = [...added.errors, ...written.errors];
    if (problems.length > 0) {
      throw new Error(`Pagefind: ${problems.join('; ')}`);
    }
  } finally {
    await pagefind.close();
  }
}

/** The bare baseline site (scripts/dev/bench/baseline) in `dir`, with the project's node_modules linked in. */
function copyBaseline(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'scripts/dev/bench/baseline'), dir, {
    recursive: true,
    filter: (from) => !/[\\/](\.astro|dist|node_modules)$/.test(from),
  });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
}

/** Builds a site of the first `count` real papers in `work` and measures search relevance on it. */
async function benchRelevance(work: string, count: number, environment: NodeJS.ProcessEnv) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const records = readRealCorpus().slice(0, count);
  const { papers, refused } = realPapers(records, count);
  for (const line of refused) {
    log(`left out (the check refuses it): ${line}`);
  }
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  writeCorpus(content, papers);
  log(`wrote ${papers.length} real papers`);
  const env = { ...environment, PAPERSHELF_CONTENT: content, PAPERSHELF_OUT: dist, PAPERSHELF_CACHE: path.join(work, 'cache') };
  const build = await measureBuild('build', env, work);
  log(`built in ${build.seconds.toFixed(1)} s`);
  const server = await serveStatic(dist);
  try {
    const pagefindJs = (await import(path.join(dist, pagefindPath(''), 'pagefind.js'))) as Parameters<typeof measureRelevance>[0] & {
      options(o: Record<string, unknown>): Promise<void>;
      init(): Promise<void>;
    };
    await pagefindJs.options({ basePath: `${server.url}${pagefindPath('').slice(1)}`, baseUrl: '/' });
    await pagefindJs.init();
    const kept = new Set(papers.map((p) => p.id));
    const common = new Set(JSON.parse(readFileSync(path.join(dist, commonWordsPath()), 'utf8')) as string[]);
    return await measureRelevance(
      pagefindJs,
      records.filter((r) => kept.has(r.arxiv)),
      readEvalQueries(),
      common,
    );
  } finally {
    await server.close();
  }
}

/** `npm run bench`: arguments and environment in, an exit code out. */
export async function main(argv: string[], environment: NodeJS.ProcessEnv): Promise<number> {
  const args = readArgs('bench', HELP, () =>
    parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        papers: { type: 'string' },
        seed: { type: 'string', default: '1' },
        work: { type: 'string' },
        json: { type: 'string' },
        baseline: { type: 'boolean', default: true },
        incremental: { type: 'boolean', default: true },
        'pr-check': { type: 'boolean', default: true },
        browser: { type: 'boolean', default: true },
        lighthouse: { type: 'boolean', default: true },
        git: { type: 'boolean', default: true },
        relevance: { type: 'boolean', default: false },
        'for-you': { type: 'boolean', default: false },
        'relevance-papers': { type: 'string', default: '2000' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (typeof args === 'number') {
    return args;
  }
  const { values } = args;
  if (values['for-you']) {
    const rarity = JSON.parse(readFileSync(path.join(ROOT, 'src/data/term-rarity.json'), 'utf8')) as TermRarity;
    console.log(formatForYou(forYouQuality(readRealCorpus(), rarity)));
    return 0;
  }
  if (values.relevance) {
    const count = Number(values['relevance-papers']);
    if (!Number.isInteger(count) || count < 1) {
      return usage('bench', HELP, '--relevance-papers must be a whole number ≥ 1');
    }
    const work = path.resolve(values.work ?? path.join(tmpdir(), 'papershelf-bench', `relevance-${count}`));
    const report = await benchRelevance(work, count, environment);
    const jsonFile = path.resolve(values.json ?? path.join(work, 'relevance.json'));
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatRelevance(report));
    console.log(`\nJSON: ${jsonFile}`);
    return 0;
  }
  const papers = Number(values.papers);
  const seed = Number(values.seed);
  if (!Number.isInteger(papers) || papers < 1 || !Number.isInteger(seed)) {
    return usage('bench', HELP, '--papers must be a whole number ≥ 1 and --seed a whole number');
  }
  // Every build as a deploy runs it: without Node's compile cache (Astro turns it on), which would
  // otherwise keep compiled modules from earlier runs on this machine and make runs incomparable.
  const coldNode = { ...environment, NODE_DISABLE_COMPILE_CACHE: '1' };
  const work = path.resolve(values.work ?? path.join(tmpdir(), 'papershelf-bench', `${papers}-${seed}`));
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  log(`work folder ${work}`);

  let started = Date.now();
  const sources = readSourceTexts(path.join(ROOT, 'content/papers'));
  const corpus = generateCorpus(sources, { papers, seed, lastDay: LAST_DAY });
  writeCorpus(content, corpus);
  const days = new Set(corpus.map((p) => p.day)).size;
  log(`generated ${papers} papers over ${days} days in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const frontMatter = measureFrontMatter(corpus.map((p) => writePaperFile(p.fields, p.abstract)));
  log(`front matter of ${papers} papers read in ${frontMatter.grayMatterMs} ms by gray-matter, ${frontMatter.yamlMs} ms by yaml`);
  if (values.git) {
    started = Date.now();
    const commits = commitCorpus(work, path.basename(content), corpus, seed);
    log(`committed them as ${commits} commits (credits are read from this history) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const env = {
    ...coldNode,
    PAPERSHELF_CONTENT: content,
    PAPERSHELF_OUT: dist,
    PAPERSHELF_CACHE: path.join(work, 'cache'),
  };
  const build = await measureBuild('build', env, work);
  const output = sizeOf(dist);
  const index = sizeOf(path.join(dist, 'pagefind'));
  log(`full build ${build.seconds.toFixed(1)} s, peak ${mb(build.peakRss)}, ${output.htmlPages} HTML pages, dist ${mb(output.bytes)}`);

  let incremental: Run | undefined;
  let prCheck: { seconds: number; reference: { papers: number; seconds: number } } | undefined;
  if (values.incremental) {
    const [extra] = generateCorpus(sources, { papers: 1, seed: seed + 1_000_003, lastDay: LAST_DAY });
    if (extra === undefined) {
      throw new Error('no extra paper');
    }
    extra.id = 'bench-added-paper';
    extra.fields.title = `A Paper Added for the Incremental Rebuild: ${extra.fields.title}`;
    delete extra.fields.arxiv;
    writeFileSync(path.join(content, paperFileName(extra.day, extra.id)), writePaperFile(extra.fields, extra.abstract));
    incremental = await measureBuild('rebuild', env, work);
    log(`rebuild after adding one paper ${incremental.seconds.toFixed(1)} s`);
    if (values['pr-check']) {
      // The pull request's short path for that paper (npm run pr-check's content path), here and,
      // for a larger site, on a 1,000-paper site in the same run: its cost must not grow with the site.
      const site = timePrCheck(content, extra.day, path.join(work, 'pr'), env);
      let reference = { papers, seconds: site };
      if (papers > PR_REFERENCE_PAPERS) {
        const small = path.join(work, 'pr-reference');
        writeCorpus(path.join(small, 'content'), generateCorpus(sources, { papers: PR_REFERENCE_PAPERS, seed, lastDay: LAST_DAY }));
        writeFileSync(path.join(small, 'content', paperFileName(extra.day, extra.id)), writePaperFile(extra.fields, extra.abstract));
        const seconds = timePrCheck(path.join(small, 'content'), extra.day, path.join(small, 'pr'), {
          ...env,
          PAPERSHELF_CACHE: path.join(small, 'cache'),
        });
        reference = { papers: PR_REFERENCE_PAPERS, seconds };
      }
      prCheck = { seconds: site, reference };
      log(
        `pull-request check of one paper: ${site.toFixed(1)} s at ${papers} papers, ${reference.seconds.toFixed(1)} s at ${reference.papers}`,
      );
    }
  }

  let baseline: { astro: Run; pagefind: Run; seconds: number; htmlPages: number; indexBytes: number } | undefined;
  const bareDir = path.join(work, 'bare');
  // Inside the bare project, so that its prerender chunks resolve packages through its node_modules link.
  const bareDist = path.join(bareDir, 'dist');
  if (values.baseline) {
    copyBaseline(bareDir);
    const astroRun = await runCommand(
      'bare astro build',
      `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'node_modules/astro/bin/astro.mjs'))} build`,
      {
        cwd: bareDir,
        env: { ...coldNode, BENCH_CONTENT: content, BENCH_OUT: bareDist },
        logFile: path.join(work, 'bare.log'),
      },
    );
    const pagefindRun = await runCommand(
      'bare pagefind',
      `${JSON.stringify(path.join(ROOT, 'node_modules/.bin/pagefind'))} --site ${JSON.stringify(bareDist)}`,
      {
        cwd: bareDir,
        env: coldNode,
        logFile: path.join(work, 'bare.log'),
      },
    );
    const asRun = (r: typeof astroRun): Run => {
      const seconds = (r.ended - r.started) / 1000;
      return { seconds, peakRss: r.sampler.highWater(), phases: [] };
    };
    const astro = asRun(astroRun);
    const pagefindBare = asRun(pagefindRun);
    baseline = {
      astro,
      pagefind: pagefindBare,
      seconds: astro.seconds + pagefindBare.seconds,
      htmlPages: sizeOf(bareDist).htmlPages,
      indexBytes: sizeOf(path.join(bareDist, 'pagefind')).bytes,
    };
    log(
      `bare baseline: astro ${astro.seconds.toFixed(1)} s (${mb(astro.peakRss)}), pagefind ${pagefindBare.seconds.toFixed(1)} s (${mb(pagefindBare.peakRss)})`,
    );
  }

  let browser:
    | {
        search: QueryResult[];
        oneIndexSearch: QueryResult[];
        bareSearch?: QueryResult[];
        phone: PhoneResult[];
        pages: Awaited<ReturnType<typeof measurePage>>[];
        lighthouse?: Record<string, LighthouseScores>;
      }
    | undefined;
  if (values.browser) {
    started = Date.now();
    const extra = { '/__bench__.html': { type: 'text/html; charset=utf-8', body: HARNESS } };
    const server = await serveStatic(dist, '/', false, { compress: true, extra });
    try {
      const newest = corpus[0];
      if (newest === undefined) {
        throw new Error('empty corpus');
      }
      const pages = [await measurePage(server, dayPath(newest.day)), await measurePage(server, paperPath(newest.id))];
      for (const p of pages) {
        log(`page ${p.path}: ${(p.htmlCssBytes / 1024).toFixed(1)} KB HTML+CSS (gzip), scripts: ${p.scripts.join(', ') || 'none'}`);
      }
      const shards = searchShards(corpus.map((p) => p.day)).map(shardPath);
      const search = await measureSearch(server, `site (${shards.length} shards)`, shards);
      // The real search page on a phone: time to the first drawn result, a cold cache each time,
      // over HTTP/2 as the static hosts serve it.
      const phoneServer = await serveStatic(dist, '/', false, { compress: true, http2: true });
      let phone: PhoneResult[];
      try {
        phone = await measurePhoneSearch(phoneServer);
      } finally {
        await phoneServer.close();
      }
      // The same paper pages in one Pagefind index with the same number of fragment files (the site
      // bundles fragments to stay within two files a paper): the yardstick of the shards' cost and ranking.
      const one = path.join(work, 'one-index');
      await writeOneIndex(dist, path.join(one, 'pagefind'), countFragments(path.join(dist, 'pagefind')));
      const oneServer = await serveStatic(one, '/', false, { compress: true, extra });
      let oneIndexSearch: QueryResult[];
      try {
        oneIndexSearch = await measureSearch(oneServer, 'one index');
      } finally {
        await oneServer.close();
      }
      let bareSearch: QueryResult[] | undefined;
      if (baseline !== undefined) {
        const bare = await serveStatic(bareDist, '/', false, { compress: true, extra });
        try {
          bareSearch = await measureSearch(bare, 'bare');
        } finally {
          await bare.close();
        }
      }
      // Lighthouse on its mobile profile: the newest day, a paper, and a search (the budget: 95 or more).
      let lighthouse: Record<string, LighthouseScores> | undefined;
      if (values.lighthouse) {
        const urls = [dayPath(newest.day), paperPath(newest.id), searchPath('language models')].map((p) => `${server.url}${p.slice(1)}`);
        const scores = await measureLighthouse(urls);
        lighthouse = Object.fromEntries(Object.entries(scores).map(([url, s]) => [new URL(url).pathname + new URL(url).search, s]));
        for (const [page, s] of Object.entries(lighthouse)) {
          log(`lighthouse ${page}: ${LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${s[c]}`).join(', ')}`);
        }
      }
      browser = { search, oneIndexSearch, phone, pages, ...(bareSearch ? { bareSearch } : {}), ...(lighthouse ? { lighthouse } : {}) };
    } finally {
      await server.close();
    }
    log(`browser measurements in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const results = {
    papers,
    seed,
    days,
    machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version },
    frontMatter,
    build,
    output: {
      htmlPages: output.htmlPages,
      files: output.files,
      distBytes: output.bytes,
      filesPerPaper: output.files / papers,
      kbPerPaper: output.bytes / 1024 / papers,
      largestDir: output.largestDir,
      pagesPerRoute: output.pagesPerRoute,
      indexBytes: index.bytes,
      indexFiles: index.files,
    },
    ...(incremental ? { incremental } : {}),
    ...(prCheck ? { prCheck } : {}),
    ...(baseline ? { baseline } : {}),
    ...(browser ? { browser } : {}),
  };
  const withBudgets = { ...results, budgets: budgets(results) };
  const jsonFile = path.resolve(values.json ?? path.join(work, 'results.json'));
  writeFileSync(jsonFile, `${JSON.stringify(withBudgets, null, 2)}\n`);
  console.log(formatTable(withBudgets));
  console.log(`\nJSON: ${jsonFile}`);
  return 0;
}

if (import.meta.main) {
  await runCli('bench', () => main(process.argv.slice(2), process.env));
}
