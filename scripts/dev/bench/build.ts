/** The measured build: the commands of `npm run build` split into the phases the build records, and what it wrote. */

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paperFileName } from '../../../src/content/content-files.ts';
import { writePaperFile } from '../../../src/content/paper-file.ts';
import { parseTimings } from '../../../src/lib/node/phases.ts';
import { astroBuildIn } from '../../lib/astro-build.ts';
import { ROOT } from '../../lib/root.ts';
import { runCommand } from './process.ts';
import type { SyntheticPaper } from './synthetic.ts';

/** One phase of a measured run. */
export interface Phase {
  name: string;
  seconds: number;
  /** Peak RSS of the largest process while the phase ran, in bytes. */
  peakRss: number;
}

/** A measured sequence of commands. */
export interface Run {
  seconds: number;
  peakRss: number;
  phases: Phase[];
}

/** Runs the commands of `npm run build` (read from package.json) and splits astro's into phases. */
export async function measureBuild(label: string, env: NodeJS.ProcessEnv, work: string): Promise<Run> {
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
    // astro build from a working folder of its own (scripts/lib/astro-build.ts), as the tests' builds.
    const astro = astroBuildIn(work);
    const run = command.replace(/\bastro build\b/, [process.execPath, ...astro.args].map((a) => JSON.stringify(a)).join(' '));
    const { started, ended, sampler } = await runCommand(`${label} · ${name}`, run, {
      cwd: astro.cwd,
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

/** Writes the corpus as paper files under `dir` (emptied first). */
export function writeCorpus(dir: string, papers: SyntheticPaper[]): void {
  rmSync(dir, { recursive: true, force: true });
  const days = new Set<string>();
  for (const paper of papers) {
    if (!days.has(paper.day)) {
      mkdirSync(path.join(dir, paper.day), { recursive: true });
      days.add(paper.day);
    }
    writeFileSync(path.join(dir, paperFileName(paper.day, paper.id)), writePaperFile(paper.fields, paper.abstract));
  }
}

/** What a built folder holds: what the hosts' limits count. */
export interface OutputStats {
  bytes: number;
  files: number;
  htmlPages: number;
  /** The directory with the most entries (files and folders), relative to the folder. */
  largestDir: { path: string; entries: number };
  /** HTML pages per route, ids replaced by '*': 'papers/*', 'papers/date/*', 'authors/*', … */
  pagesPerRoute: Record<string, number>;
}

/** Path segments that name routes; any other segment is a parameter (an id, a day, a tag…). */
const ROUTE_WORDS = new Set(['papers', 'date', 'week', 'month', 'archive', 'trending', 'tags', 'authors', 'digest', 'search', 'subscribe']);

/** The route of a built HTML file: 'papers/2503.01234/index.html' → 'papers/*'. */
export function routeOf(file: string): string {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  const route = parts.map((p) => (ROUTE_WORDS.has(p) ? p : '*'));
  if (name !== 'index.html') {
    route.push(parts.length === 0 ? name : '*.html');
  }
  return route.join('/') || '/';
}

/** Sizes, counts and the fullest directory of `dir`. */
export function sizeOf(dir: string): OutputStats {
  let bytes = 0;
  let files = 0;
  let htmlPages = 0;
  const entries = new Map<string, number>();
  const pagesPerRoute: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const parent = path.relative(dir, entry.parentPath);
    entries.set(parent, (entries.get(parent) ?? 0) + 1);
    if (!entry.isFile()) {
      continue;
    }
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) {
      htmlPages++;
      const route = routeOf([...(parent === '' ? [] : parent.split(path.sep)), entry.name].join('/'));
      pagesPerRoute[route] = (pagesPerRoute[route] ?? 0) + 1;
    }
  }
  const [largest, count] = [...entries].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  return { bytes, files, htmlPages, largestDir: { path: largest === '' ? '.' : largest, entries: count }, pagesPerRoute };
}
