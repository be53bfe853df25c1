import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, readSourceTexts } from '../../scripts/dev/bench/synthetic.ts';
import { listPaperFiles } from '../../src/content/content-files.ts';
import { writePaperFile } from '../../src/content/paper-file.ts';
import { RESERVED_IDS } from '../../src/lib/paper-id.ts';
import { dom, select, text } from '../support/html.ts';
import { cleanEnv, ROOT } from '../support/run.ts';

// A real, small run of npm run bench: generation, the full build, the one-paper rebuild, the
// pull-request check of that paper and Chromium, with every number read back from the files it
// measured. The bare baseline (a plain Astro site and the Pagefind CLI) is left to real bench runs,
// as is Lighthouse: the suite stays within its time.
const work = mkdtempSync(path.join(tmpdir(), 'papershelf-bench-test-'));
let run: { status: number | null; stdout: string; stderr: string };
// biome-ignore lint/suspicious/noExplicitAny: the JSON the bench wrote, checked field by field below.
let results: any;

function files(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: path.join(e.parentPath, e.name), bytes: statSync(path.join(e.parentPath, e.name)).size }));
}

beforeAll(() => {
  const result = spawnSync(
    process.execPath,
    ['scripts/dev/bench.ts', '--papers', '40', '--seed', '3', '--work', work, '--no-lighthouse', '--no-baseline'],
    {
      cwd: ROOT,
      env: cleanEnv(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  if (existsSync(path.join(work, 'results.json'))) {
    results = JSON.parse(readFileSync(path.join(work, 'results.json'), 'utf8'));
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The build's phases as the table and the JSON name them: its commands, then astro build's parts.
const PHASES = [
  'astro build',
  'content sync',
  'credits from git',
  'site data',
  'related papers',
  'pages',
  'pagefind',
  'verify (alongside pagefind)',
];

describe('npm run bench', () => {
  it('runs to completion, shows progress and prints the table', () => {
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    expect(run.stderr).toMatch(/\[bench\] generated 40 papers over \d+ days/);
    expect(run.stdout).toMatch(/Papershelf bench: 40 papers/);
    for (const row of [...PHASES, 'full build', 'rebuild, one paper added', 'pull-request check, one paper']) {
      expect(run.stdout).toMatch(new RegExp(`^\\s*${row.replace(/[()]/g, '\\$&')}\\s+\\d+\\.\\d s`, 'm'));
    }
  });

  it('commits the corpus one paper a commit, and the build credits each paper to its commit', () => {
    expect(run.stderr).toMatch(/\[bench\] committed them as 40 commits/);
    const log = execFileSync('git', ['log', '--format=%an', '--', 'content'], { cwd: work, encoding: 'utf8' }).trim().split('\n');
    expect(log).toHaveLength(40);
    const [first] = listPaperFiles(path.join(work, 'content'));
    const page = readFileSync(path.join(work, 'dist/papers', first?.id ?? '', 'index.html'), 'utf8');
    const author = execFileSync('git', ['log', '--format=%an', '--', `content/${first?.day}/${first?.id}.md`], {
      cwd: work,
      encoding: 'utf8',
    }).trim();
    expect(author).toMatch(/^Contributor \d+$/);
    expect(select(dom(page), 'span.submitted-by').map(text)).toEqual([` · added by ${author}`]);
  });

  it('builds against the generated corpus in its work folder, the same corpus generateCorpus gives', () => {
    const content = path.join(work, 'content');
    const written = listPaperFiles(content).filter((f) => f.id !== 'bench-added-paper');
    const sources = readSourceTexts(path.join(ROOT, 'content/papers'));
    const expected = generateCorpus(sources, { papers: 40, seed: 3, lastDay: '2026-11-27' });
    expect(written.map((f) => `${f.day}/${f.id}`).sort()).toEqual(expected.map((p) => `${p.day}/${p.id}`).sort());
    for (const paper of expected.slice(0, 10)) {
      expect(readFileSync(path.join(content, paper.day, `${paper.id}.md`), 'utf8')).toBe(writePaperFile(paper.fields, paper.abstract));
    }
  });

  it('reports every phase with a wall time and a peak RSS, and sizes that match dist/', () => {
    const names = results.build.phases.map((p: { name: string }) => p.name.trim());
    expect(names).toEqual(PHASES);
    for (const phase of results.build.phases) {
      expect(phase.seconds, phase.name).toBeGreaterThan(0);
      expect(phase.peakRss, phase.name).toBeGreaterThan(20 * 2 ** 20);
    }
    const commands = results.build.phases.filter((p: { name: string }) => !p.name.startsWith(' '));
    const sum = commands.reduce((s: number, p: { seconds: number }) => s + p.seconds, 0);
    expect(results.build.seconds).toBeCloseTo(sum, 5);
    const dist = files(path.join(work, 'dist'));
    // The rebuild added one paper page to what the first build measured.
    expect(results.output.htmlPages).toBe(dist.filter((f) => f.path.endsWith('.html')).length - 1);
    expect(results.output.indexBytes).toBeGreaterThan(10_000);
    // Files and bytes per paper, pages per route, the fullest folder (papers/: 40 pages and the listings).
    expect(results.output.filesPerPaper).toBeCloseTo(results.output.files / 40, 5);
    expect(results.output.kbPerPaper).toBeCloseTo(results.output.distBytes / 1024 / 40, 5);
    expect(Object.values(results.output.pagesPerRoute as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(results.output.htmlPages);
    expect(results.output.pagesPerRoute['papers/*']).toBe(40);
    expect(results.output.largestDir.entries).toBeGreaterThanOrEqual(40);
    expect(existsSync(path.join(work, 'dist/papers/bench-added-paper/index.html'))).toBe(true);
    expect(results.incremental.seconds).toBeGreaterThan(0);
  });

  it('times the pull-request check of the added paper: the whole folder checked, a preview of its day built', () => {
    expect(results.prCheck.seconds).toBeGreaterThan(0);
    // 40 papers: no larger site to compare with, so the reference is this one.
    expect(results.prCheck.reference).toEqual({ papers: 40, seconds: results.prCheck.seconds });
    const day = readdirSync(path.join(work, 'content')).find((d) => existsSync(path.join(work, 'content', d, 'bench-added-paper.md')));
    const pages = readdirSync(path.join(work, 'pr/dist/papers'), { withFileTypes: true })
      .filter((e) => existsSync(path.join(e.parentPath, e.name, 'index.html')) && !RESERVED_IDS.has(e.name))
      .map((e) => e.name)
      .sort();
    expect(pages).toEqual(
      readdirSync(path.join(work, 'content', day ?? ''))
        .map((f) => f.replace(/\.md$/, ''))
        .sort(),
    );
    expect(readdirSync(path.join(work, 'pr/dist/papers/date'))).toEqual([day]);
  });

  it('judges the budgets as ratios within the run, and prints them', () => {
    const names = results.budgets.map((b: { name: string }) => b.name);
    expect(names).toEqual([
      'rebuild after one paper / cold build',
      'pull-request check at 40 / at 40 papers',
      'first query bytes / one index',
      'later queries bytes / one index',
      'script on /papers/date/2026-11-27/ (KB gzip)',
      `script on ${results.browser.pages[1].path} (KB gzip)`,
      'files a paper',
      'KB a paper',
    ]);
    for (const b of results.budgets) {
      expect(b.met, b.name).toBe(b.value <= b.limit);
      expect(run.stdout).toContain(`${b.met ? 'met    ' : 'NOT MET'} ${b.name}: ${b.value.toFixed(2)}`);
    }
    expect(results.budgets[0].value).toBeCloseTo(results.incremental.seconds / results.build.seconds, 5);
  });

  it('measures search and pages in Chromium: gzip bytes, results, and the one script on listings and papers', () => {
    const [first, ...later] = results.browser.search;
    expect(first.query).toBe('language models');
    expect(first.results).toBeGreaterThan(0);
    expect(first.bytes).toBeGreaterThan(later[0].bytes);
    expect(first.top.length).toBe(Math.min(10, first.results));
    for (const url of first.top) {
      expect(url).toMatch(/^\/papers\/[^/]+\/$/);
    }
    // The site's shards find what one index of the same pages finds.
    expect(results.browser.search.map((q: { results: number }) => q.results)).toEqual(
      results.browser.oneIndexSearch.map((q: { results: number }) => q.results),
    );
    expect(run.stdout).toMatch(/top-10 overlap with one index: \d+\.\d of 10/);
    // The search page on the phone profile (over HTTP/2): each query drew a result, the warm one from
    // the header's box moved fewer bytes than the same query opened cold.
    const phone = results.browser.phone as { query: string; ms: number; bytes: number; warm?: boolean }[];
    expect(phone.map((p) => [p.query, p.warm ?? false])).toEqual([
      ['language models', false],
      ['reuse selected tokens across layers to speed up long context generation', false],
      ['language models', true],
    ]);
    for (const p of phone) {
      expect(p.ms).toBeGreaterThan(0);
    }
    expect(phone[2]?.bytes).toBeLessThan(phone[0]?.bytes ?? 0);
    const [day, paper] = results.browser.pages;
    expect(day.path).toBe('/papers/date/2026-11-27/');
    // One script on each: the reader's library, a few KB.
    for (const page of [day, paper]) {
      expect(page.scripts).toEqual([expect.stringMatching(/^\/_astro\/BaseLayout[^/]*\.js$/)]);
      expect(page.scriptBytes).toBeGreaterThan(500);
    }
    // Compressed: less than the HTML file alone on disk.
    const html = statSync(path.join(work, 'dist/papers/date/2026-11-27/index.html')).size;
    expect(day.htmlCssBytes).toBeGreaterThan(1000);
    expect(day.htmlCssBytes).toBeLessThan(html);
  });
});
