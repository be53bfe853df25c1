/**
 * Running the build's commands for the benchmark: a shell command with its output logged, progress
 * printed, and the memory of its process tree sampled from /proc (Linux).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

/** Progress and notes on standard error, prefixed '[bench]'. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Memory of a process tree, from /proc: each process's RSS every 200 ms, the tree's members
 * every second (walking every thread's children costs more than reading a status file, and
 * the sampler must not slow the build it measures).
 */
export class MemorySampler {
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
    for (const s of this.samples) {
      if (s.t >= from - 200 && s.t <= to + 200) {
        peak = Math.max(peak, s.largest);
      }
    }
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
          if (child !== '') {
            found.push(Number(child));
          }
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
export async function runCommand(label: string, command: string, options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }) {
  const started = Date.now();
  const sampler = new MemorySampler();
  const out = createWriteStream(options.logFile, { flags: 'a' });
  out.write(`$ ${command}\n`);
  const child: ChildProcess = spawn('sh', ['-c', command], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) {
    sampler.start(child.pid);
  }
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
  if (code !== 0) {
    throw new Error(`${label} failed (exit ${code}); the end of ${options.logFile}:\n${tail.join('\n')}`);
  }
  return { started, ended, sampler };
}
