/**
 * An import source, as `npm run import` uses it: one record a source, in a file of its own under
 * sources/, listed once in sources.ts. A new source (OpenReview, say) is one new file and one line.
 */
import type { IntakeSettings } from '../../src/consts.ts';
import type { DayKey } from '../../src/lib/dates.ts';
import type { IncomingPaper } from './import-plan.ts';

/** What a source hands to the planner. */
export interface ReadResult {
  incoming: IncomingPaper[];
  /** `file:line: message` or `file entry N: message` lines. */
  problems: string[];
  notes: string[];
}

/** The command line's query flags, for a source that fetches. */
export interface FetchFlags {
  /** The listing day to fetch. */
  day: DayKey;
  category: readonly string[];
  keyword: readonly string[];
  max: string | undefined;
}

/** A fetch of one listing day, ready to run (every page is read before anything is written). */
export type DayFetch = (env: NodeJS.ProcessEnv) => Promise<ReadResult>;

/** A usage error: the command prints it with its help and exits 2. */
export interface Usage {
  usage: string;
}

export interface ImportSource {
  /** The format's name on the command line. */
  name: string;
  /** Its paragraph in the help's list of formats, each line indented to the description's column. */
  help: string;
  /** Why `--date` does not apply with a file, when it does not. */
  dateWithFile?: string;
  /** Reads a file of this format; `date` is `--date`. */
  readFile(file: string, text: string, date: DayKey | undefined): ReadResult;
  /** When the source can fetch a day itself: the fetch the flags ask for, or what is wrong with them. */
  fetchDay?(flags: FetchFlags): DayFetch | Usage;
  /** The fetch the site's intake settings configure for `day` (`import sources`), if they configure this source. */
  fromSettings?(settings: IntakeSettings, day: DayKey): DayFetch | undefined;
}

/** True when the query flags are set (they are arXiv's). */
export function hasQueryFlags(flags: Omit<FetchFlags, 'day'>): boolean {
  return flags.category.length > 0 || flags.keyword.length > 0 || flags.max !== undefined;
}
