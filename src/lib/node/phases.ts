/**
 * Phase timings for `npm run bench`: when `PAPERSHELF_TIMINGS` names a file, each phase of the
 * build appends one JSON line `{ phase, start, end }` (milliseconds since the epoch, so that the
 * benchmark can match them with its memory samples). Without it, nothing is recorded. Timings
 * never reach the built site, which depends only on the paper files.
 */
import { appendFileSync } from 'node:fs';

/** One recorded phase. */
export interface PhaseTiming {
  phase: string;
  /** Start and end, in milliseconds since the Unix epoch. */
  start: number;
  end: number;
}

/** Now, in milliseconds since the Unix epoch (sub-millisecond precision). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Records that `phase` ran from `start` (an `epochNow()` value) until now. */
export function recordPhase(phase: string, start: number, file = process.env.PAPERSHELF_TIMINGS): void {
  if (file === undefined || file === '') {
    return;
  }
  const timing: PhaseTiming = { phase, start, end: epochNow() };
  appendFileSync(file, `${JSON.stringify(timing)}\n`);
}

/** Parses the lines `recordPhase` wrote. */
export function parseTimings(text: string): PhaseTiming[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PhaseTiming);
}
