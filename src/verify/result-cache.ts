/**
 * Results kept between builds, keyed by a hash of their input (a paper file, a built page), so
 * that `npm run check` and `npm run verify` redo only what changed: on a rebuild after adding one
 * paper, almost every file and page is the same as last time. A cache written by other code (any
 * change to the files named in its version) is ignored, and entries unused by a run are dropped.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A JSON file of results by key. `get` what is there, `set` what is new, then `save`. */
export class ResultCache<T> {
  private readonly old = new Map<string, T>();
  private readonly kept = new Map<string, T>();
  // Plain fields, not constructor parameter properties: Node's type stripping refuses those.
  private readonly file: string;
  /** What the entries were made by: a cache of another version is ignored. */
  readonly version: string;
  /** Strings the entries share, stored once (verify's link targets): entries refer to them by index. */
  table: string[] = [];
  /** An entry was set by this run. */
  private changed = false;

  /** Loads `file` if it was written with the same `version`; otherwise starts empty. */
  constructor(file: string, version: string) {
    this.file = file;
    this.version = version;
    if (!existsSync(file)) {
      return;
    }
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; table?: string[]; entries?: Record<string, T> };
      if (stored.version === version) {
        for (const [key, value] of Object.entries(stored.entries ?? {})) {
          this.old.set(key, value);
        }
        this.table = stored.table ?? [];
      }
    } catch {
      // A truncated or foreign file is no cache: start empty.
    }
  }

  /** Entries loaded from the last run. */
  get loaded(): number {
    return this.old.size;
  }

  /** The stored result for `key`, if any; it will be kept by `save`. */
  get(key: string): T | undefined {
    const value = this.kept.get(key) ?? this.old.get(key);
    if (value !== undefined) {
      this.kept.set(key, value);
    }
    return value;
  }

  /** Stores a result. */
  set(key: string, value: T): void {
    this.kept.set(key, value);
    this.changed = true;
  }

  /**
   * Writes the entries used or set by this run (atomically: a crash leaves the old file), with
   * `table` as the shared strings (entries set by this run must refer to it). A run that set
   * nothing, used every entry and kept the table leaves the file as it is: it would say the same
   * (50,000 papers' verdicts are ~10 MB to write).
   */
  save(table: string[] = this.table): void {
    if (!this.changed && this.kept.size === this.old.size && table === this.table && existsSync(this.file)) {
      return;
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: this.version, table, entries: Object.fromEntries(this.kept) }));
    renameSync(temporary, this.file);
  }
}
