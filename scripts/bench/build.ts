/** The measured build: the commands of `npm run build` split into the phases the build records, and what it wrote. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writePaperFile } from '../../src/content/paper-file.ts';
import { parseTimings } from '../../src/integrations/phases.ts';
import { runCommand } from './process.ts';
import type { SyntheticPaper } from './synthetic.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

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

/** Writes the corpus as paper files under `dir` (emptied first). */
export function writeCorpus(dir: string, papers: SyntheticPaper[]): void {
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
export function sizeOf(dir: string): { bytes: number; files: number; htmlPages: number } {
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
