/**
 * `npm run bench -- --papers N [--seed S]`: builds the full site against a deterministic
 * synthetic corpus in a temporary folder (never touching content/), measures each phase (wall
 * time, peak RSS of the largest process), the output (pages, bytes, index bytes), an incremental
 * rebuild, a bare Astro + bare Pagefind baseline over the same corpus, and search in Chromium
 * (bytes a CDN would send, time to first results); prints a table and writes JSON.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../src/lib/chromium.ts';
import { writePaperFile } from '../src/lib/paper-file.ts';
import { dayPath, paperPath } from '../src/lib/routes.ts';
import { type StaticServer, serveStatic } from '../src/lib/static-server.ts';
import { generateCorpus, readSourceTexts, type SyntheticPaper } from '../src/lib/synthetic.ts';
import { parseTimings } from '../src/lib/timings.ts';

const HELP = `Usage: npm run bench -- --papers N [options]

Generates N synthetic papers (titles and abstracts from the vocabulary of content/papers, authors
from a shared pool, ~50 papers a weekday ending 2026-11-27, tags, arXiv ids, code links, some
math) into a work folder, builds the full site against it with the commands of npm run build
(astro build: our loader checks and renders, then pages, then the Pagefind index while it verifies),
and reports per phase: wall time and peak RSS of the largest process. Then it adds one paper
and rebuilds (caches kept), builds a bare baseline over the same corpus (a minimal Astro site
with one page per paper and per day, then the Pagefind CLI), and measures search and pages in
Chromium through a local server that gzips like a CDN.

Options:
  --papers N        number of papers (required)
  --seed S          corpus seed (default 1); the same N and S give the same corpus
  --work DIR        work folder (default: <tmp>/papershelf-bench/<N>-<S>); emptied first
  --json FILE       where to write the results (default: <work>/results.json)
  --no-baseline     skip the bare Astro + Pagefind baseline
  --no-incremental  skip the one-paper rebuild
  --no-browser      skip the Chromium measurements
  -h, --help        show this help

Needs Linux (/proc, for memory) and, for the browser part, Chromium at /usr/bin/chromium.
Exit status: 0 when every build succeeds, 1 when one fails (its log is shown), 2 on usage errors.`;

const ROOT = path.resolve(import.meta.dirname, '..');
/** The newest listing day of the synthetic corpus: fixed, so that the corpus never depends on today. */
const LAST_DAY = '2026-11-27';
/** Queries for the search measurements; the first (two common words) is the "first query". */
const QUERIES = ['language models', 'diffusion', 'reinforcement learning reward', 'quantization', 'Turing', 'benchmark agents'];

/** One phase of a measured run. */
interface Phase {
  name: string;
  seconds: number;
  /** Peak RSS of the largest process while the phase ran, in bytes. */
  peakRss: number;
}

/** A measured sequence of commands. */
interface Run {
  seconds: number;
  peakRss: number;
  phases: Phase[];
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Memory of a process tree, from /proc: each process's RSS every 200 ms, the tree's members
 * every second (walking every thread's children costs more than reading a status file, and
 * the sampler must not slow the build it measures).
 */
class MemorySampler {
  readonly samples: { t: number; largest: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private hwm = 0;

  start(root: number): void {
    let pids = [root];
    let walked = 0;
    const sample = () => {
      if (Date.now() - walked >= 1000) {
        pids = descendants(root);
        walked = Date.now();
      }
      let largest = 0;
      for (const pid of pids) {
        const status = readStatus(pid);
        largest = Math.max(largest, status.rss);
        this.hwm = Math.max(this.hwm, status.hwm);
      }
      this.samples.push({ t: Date.now(), largest });
    };
    sample();
    this.timer = setInterval(sample, 200);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The peak RSS of the largest single process between `from` and `to` (epoch ms). */
  peak(from = 0, to = Number.POSITIVE_INFINITY): number {
    let peak = 0;
    for (const s of this.samples) if (s.t >= from - 200 && s.t <= to + 200) peak = Math.max(peak, s.largest);
    return peak;
  }

  /** The highest VmHWM seen: the true peak of the largest process, even between samples. */
  highWater(): number {
    return Math.max(this.hwm, this.peak());
  }
}

function descendants(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    const current = found[i] as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        for (const child of readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').split(/\s+/)) {
          if (child !== '') found.push(Number(child));
        }
      } catch {
        // The task ended while we looked.
      }
    }
  }
  return found;
}

function readStatus(pid: number): { rss: number; hwm: number } {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * Runs a shell command, logging its output to `logFile`, printing progress (files written),
 * sampling its memory. Rejects with the log's tail when it fails.
 */
async function runCommand(label: string, command: string, options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }) {
  const started = Date.now();
  const sampler = new MemorySampler();
  const out = createWriteStream(options.logFile, { flags: 'a' });
  out.write(`$ ${command}\n`);
  const child: ChildProcess = spawn('sh', ['-c', command], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) sampler.start(child.pid);
  let written = 0;
  let tail: string[] = [];
  const onData = (chunk: Buffer) => {
    out.write(chunk);
    const lines = chunk.toString('utf8').split('\n');
    written += lines.filter((l) => /\(\+\d+ms\)|\(\+\d+\.\d+s\)/.test(l)).length;
    tail = [...tail, ...lines].slice(-40);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const progress = setInterval(() => {
    const rss = Math.round(sampler.peak(Date.now() - 1000) / 2 ** 20);
    log(`${label}: ${Math.round((Date.now() - started) / 1000)} s${written > 0 ? `, ${written} files written` : ''}, ${rss} MB`);
  }, 10_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(progress);
  sampler.stop();
  await new Promise<void>((resolve) => out.end(resolve));
  const ended = Date.now();
  if (code !== 0) throw new Error(`${label} failed (exit ${code}); the end of ${options.logFile}:\n${tail.join('\n')}`);
  return { started, ended, sampler };
}

/** Runs the commands of `npm run build` (read from package.json) and splits astro's into phases. */
async function measureBuild(label: string, env: NodeJS.ProcessEnv, work: string): Promise<Run> {
  const script =
    (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build ?? '';
  const timingsFile = path.join(work, `${label}-timings.jsonl`);
  rmSync(timingsFile, { force: true });
  const phases: Phase[] = [];
  let seconds = 0;
  let peakRss = 0;
  for (const command of script.split('&&').map((c) => c.trim())) {
    const name = command
      .replace(/^(?:\w+=\S+\s+)+/, '')
      .replace(/^node scripts\/(\w+)\.ts.*/, '$1')
      .replace(/^astro (\w+).*/, 'astro $1');
    const { started, ended, sampler } = await runCommand(`${label} · ${name}`, command, {
      cwd: ROOT,
      env: { ...env, PAPERSHELF_TIMINGS: timingsFile },
      logFile: path.join(work, `${label}.log`),
    });
    seconds += (ended - started) / 1000;
    peakRss = Math.max(peakRss, sampler.highWater());
    phases.push({ name, seconds: (ended - started) / 1000, peakRss: sampler.highWater() });
    if (name === 'astro build' && existsSync(timingsFile)) {
      for (const t of parseTimings(readFileSync(timingsFile, 'utf8'))) {
        phases.push({ name: `  ${t.phase}`, seconds: (t.end - t.start) / 1000, peakRss: sampler.peak(t.start, t.end) });
      }
    }
  }
  return { seconds, peakRss, phases };
}

function writeCorpus(dir: string, papers: SyntheticPaper[]): void {
  rmSync(dir, { recursive: true, force: true });
  const days = new Set<string>();
  for (const paper of papers) {
    if (!days.has(paper.day)) {
      mkdirSync(path.join(dir, paper.day), { recursive: true });
      days.add(paper.day);
    }
    writeFileSync(path.join(dir, paper.day, `${paper.id}.md`), writePaperFile(paper.fields, paper.abstract));
  }
}

/** Bytes and files under `dir`; HTML pages counted apart. */
function sizeOf(dir: string): { bytes: number; files: number; htmlPages: number } {
  let bytes = 0;
  let files = 0;
  let htmlPages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) htmlPages++;
  }
  return { bytes, files, htmlPages };
}

/** A minimal Astro 7 site: one page per paper (Astro's own Markdown rendering) and one per day. */
function writeBareSite(dir: string, content: string, out: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages/papers'), { recursive: true });
  mkdirSync(path.join(dir, 'src/pages/date'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', outDir: ${JSON.stringify(out)}, devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const papers = defineCollection({
  loader: glob({ base: ${JSON.stringify(content)}, pattern: '*/*.md', generateId: ({ entry }) => entry.replace(/\\.md$/, '') }),
  schema: z.object({ title: z.string(), authors: z.array(z.string()).default([]) }).passthrough(),
});
export const collections = { papers };
`,
  );
  writeFileSync(
    path.join(dir, 'src/pages/papers/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('papers')).map((entry) => ({ params: { id: entry.id.split('/')[1] }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><main><h1>{entry.data.title}</h1><p>{entry.data.authors.join(', ')}</p><Content /></main></body></html>
`,
  );
  writeFileSync(
    path.join(dir, 'src/pages/date/[day].astro'),
    `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  const byDay = new Map();
  for (const entry of await getCollection('papers')) {
    const day = entry.id.split('/')[0];
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }
  return [...byDay].map(([day, entries]) => ({ params: { day }, props: { entries } }));
}
const { entries } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><title>{Astro.params.day}</title></head>
<body><main><h1>{Astro.params.day}</h1><ol>{entries.map((e) => <li><a href={'/papers/' + e.id.split('/')[1] + '/'}>{e.data.title}</a></li>)}</ol></main></body></html>
`,
  );
}

/** What one search costs and finds. */
interface QueryResult {
  query: string;
  /** Milliseconds from the query (including loading Pagefind, for the first) to the data of its first results. */
  ms: number;
  /** Bytes the server sent for this query (compressed as a CDN would). */
  bytes: number;
  results: number;
  top: string[];
}

/** Runs the queries in one fresh browser page, one after the other (later ones reuse what the first loaded). */
async function measureSearch(server: StaticServer, label: string): Promise<QueryResult[]> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(new URL('__bench__.html', server.url).href);
    const out: QueryResult[] = [];
    for (const [i, query] of QUERIES.entries()) {
      const before = server.requests.length;
      const result = await page.evaluate(
        async ({ query, first, bundle }) => {
          const started = performance.now();
          // biome-ignore lint/suspicious/noExplicitAny: Pagefind's browser module has no types here.
          const pagefind: any = await import(bundle);
          if (first) await pagefind.init();
          const search = await pagefind.search(query);
          const top = await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
          return { ms: performance.now() - started, results: search.results.length as number, top: top.map((d: { url: string }) => d.url) };
        },
        { query, first: i === 0, bundle: new URL('pagefind/pagefind.js', server.url).href },
      );
      const bytes = server.requests.slice(before).reduce((sum, r) => sum + r.bytes, 0);
      out.push({ query, ...result, bytes });
      log(`${label} search "${query}": ${result.results} results, ${Math.round(result.ms)} ms, ${(bytes / 1024).toFixed(1)} KB`);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Loads a page with a cold cache: the bytes of its HTML and CSS, and any script it downloads. */
async function measurePage(server: StaticServer, pagePath: string): Promise<{ path: string; htmlCssBytes: number; scripts: string[] }> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const before = server.requests.length;
    const response = await page.goto(new URL(pagePath.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`${pagePath} answered ${response?.status()}`);
    const requests = server.requests.slice(before);
    return {
      path: pagePath,
      htmlCssBytes: requests.filter((r) => r.path.endsWith('/') || /\.(html|css)$/.test(r.path)).reduce((sum, r) => sum + r.bytes, 0),
      scripts: requests.filter((r) => /\.(m?js|wasm)$/.test(r.path)).map((r) => r.path),
    };
  } finally {
    await browser.close();
  }
}

const HARNESS = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

function mb(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

async function main(): Promise<number> {
  let values: {
    papers?: string;
    seed: string;
    work?: string;
    json?: string;
    baseline: boolean;
    incremental: boolean;
    browser: boolean;
    help: boolean;
  };
  try {
    values = parseArgs({
      allowNegative: true,
      options: {
        papers: { type: 'string' },
        seed: { type: 'string', default: '1' },
        work: { type: 'string' },
        json: { type: 'string' },
        baseline: { type: 'boolean', default: true },
        incremental: { type: 'boolean', default: true },
        browser: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values as typeof values;
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const papers = Number(values.papers);
  const seed = Number(values.seed);
  if (!Number.isInteger(papers) || papers < 1 || !Number.isInteger(seed)) {
    console.error(`bench: --papers must be a whole number ≥ 1 and --seed a whole number\n\n${HELP}`);
    return 2;
  }
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

  const env = {
    ...process.env,
    PAPERSHELF_CONTENT: content,
    PAPERSHELF_OUT: dist,
    PAPERSHELF_CACHE: path.join(work, 'cache'),
  };
  const build = await measureBuild('build', env, work);
  const output = sizeOf(dist);
  const index = sizeOf(path.join(dist, 'pagefind'));
  log(`full build ${build.seconds.toFixed(1)} s, peak ${mb(build.peakRss)}, ${output.htmlPages} HTML pages, dist ${mb(output.bytes)}`);

  let incremental: Run | undefined;
  if (values.incremental) {
    const [extra] = generateCorpus(sources, { papers: 1, seed: seed + 1_000_003, lastDay: LAST_DAY });
    if (extra === undefined) throw new Error('no extra paper');
    extra.id = 'bench-added-paper';
    extra.fields.title = `A Paper Added for the Incremental Rebuild: ${extra.fields.title}`;
    delete extra.fields.arxiv;
    writeFileSync(path.join(content, extra.day, `${extra.id}.md`), writePaperFile(extra.fields, extra.abstract));
    incremental = await measureBuild('rebuild', env, work);
    log(`rebuild after adding one paper ${incremental.seconds.toFixed(1)} s`);
  }

  let baseline: { astro: Run; pagefind: Run; seconds: number; htmlPages: number; indexBytes: number } | undefined;
  const bareDir = path.join(work, 'bare');
  // Inside the bare project, so that its prerender chunks resolve packages through its node_modules link.
  const bareDist = path.join(bareDir, 'dist');
  if (values.baseline) {
    writeBareSite(bareDir, content, bareDist);
    const astroRun = await runCommand(
      'bare astro build',
      `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(ROOT, 'node_modules/astro/bin/astro.mjs'))} build`,
      {
        cwd: bareDir,
        env: process.env,
        logFile: path.join(work, 'bare.log'),
      },
    );
    const pagefindRun = await runCommand(
      'bare pagefind',
      `${JSON.stringify(path.join(ROOT, 'node_modules/.bin/pagefind'))} --site ${JSON.stringify(bareDist)}`,
      {
        cwd: bareDir,
        env: process.env,
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

  let browser: { search: QueryResult[]; bareSearch?: QueryResult[]; pages: Awaited<ReturnType<typeof measurePage>>[] } | undefined;
  if (values.browser) {
    started = Date.now();
    const extra = { '/__bench__.html': { type: 'text/html; charset=utf-8', body: HARNESS } };
    const server = await serveStatic(dist, '/', false, { compress: true, extra });
    try {
      const newest = corpus[0];
      if (newest === undefined) throw new Error('empty corpus');
      const pages = [await measurePage(server, dayPath(newest.day)), await measurePage(server, paperPath(newest.id))];
      for (const p of pages)
        log(`page ${p.path}: ${(p.htmlCssBytes / 1024).toFixed(1)} KB HTML+CSS (gzip), scripts: ${p.scripts.join(', ') || 'none'}`);
      const search = await measureSearch(server, 'site');
      let bareSearch: QueryResult[] | undefined;
      if (baseline !== undefined) {
        const bare = await serveStatic(bareDist, '/', false, { compress: true, extra });
        try {
          bareSearch = await measureSearch(bare, 'bare');
        } finally {
          await bare.close();
        }
      }
      browser = { search, pages, ...(bareSearch ? { bareSearch } : {}) };
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
    build,
    output: { htmlPages: output.htmlPages, files: output.files, distBytes: output.bytes, indexBytes: index.bytes, indexFiles: index.files },
    ...(incremental ? { incremental } : {}),
    ...(baseline ? { baseline, budget10k: { limitSeconds: baseline.seconds * 1.25, ratio: build.seconds / baseline.seconds } } : {}),
    ...(browser ? { browser } : {}),
  };
  const jsonFile = path.resolve(values.json ?? path.join(work, 'results.json'));
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(results));
  console.log(`\nJSON: ${jsonFile}`);
  return 0;
}

function formatTable(r: {
  papers: number;
  build: Run;
  output: { htmlPages: number; files: number; distBytes: number; indexBytes: number };
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

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
