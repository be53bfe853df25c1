/** Content hashes for caches and digests: a result is reused only while its input and the code that made it are unchanged. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** A hex SHA-256 of the parts, separated so that ('ab', 'c') and ('a', 'bc') differ. */
export function contentHash(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** A version for a cache: the hash of the files whose code produced its results. */
export function codeVersion(files: readonly string[]): string {
  return contentHash(...files.flatMap((file) => [file, existsSync(file) ? readFileSync(file) : '']));
}
