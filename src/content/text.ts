/** Small text helpers shared by the build, the scripts and the browser code (no dependencies). */

/** Locale-independent string order (code points), so output never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs of white space (line breaks included) as single spaces, trimmed. */
export function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
