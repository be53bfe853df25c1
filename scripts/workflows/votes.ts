/**
 * `npm run votes -- sync`: the site's votes from GitHub. Each paper's thread is the discussion giscus
 * started in its category for the paper's id (the "specific" mapping, strict: found by the hash of
 * the id in its body); a 👍 on it is a vote.
 * The sync reads every discussion first, then rewrites only the `votes:` line of the papers whose
 * count changed. Any failure before that point changes no file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { githubSettings } from '../../src/consts.ts';
import { contentDir, listPaperFiles } from '../../src/content/content-files.ts';
import { readPaperFile, setVotesLine } from '../../src/content/paper-file.ts';
import { readArgs, runCli, usage } from '../lib/cli.ts';
import { MAX_RETRY_AFTER_MS } from './github/api.ts';
import type { DiscussionVotes } from './votes/discussions.ts';
import { fetchDiscussionVotes, GITHUB_GRAPHQL_ENDPOINT, GithubApiError, giscusTermHash } from './votes/discussions.ts';

const HELP = `Usage: npm run votes -- sync [--dry-run]

Sets each paper's votes: to the number of 👍 reactions on its discussion on GitHub. A paper's
discussion is the one giscus shows on the paper's page: in the giscus category, with giscus's
hash of the paper's id in its body (strict mapping; the title may be edited). A discussion only
titled with the id was started by hand: giscus never shows it, and its 👍 are not counted (the
sync names it). It reads every
discussion through GitHub's GraphQL API first, then rewrites only the votes: line of the
papers whose count changed; nothing else in a file moves. A paper with no discussion (never
opened, or deleted) keeps its votes. Hugging Face's upvotes (hf_upvotes:, from import hf) are
a separate field that the sync never touches; the site shows and ranks by their sum.

Any failure (network, bad token, rate limit, an unexpected answer) stops the run before a
file is written: exit 1, nothing changed. A rate limit (GraphQL RATE_LIMITED or RATE_LIMIT, or
HTTP 403/429) whose retry-after is at most PAPERSHELF_HTTP_MAX_WAIT_MS is waited out once.

Options:
  --dry-run     print the changes without writing them
  -h, --help    show this help

Environment:
  GITHUB_TOKEN                 a token that can read the repository's discussions (required)
  PAPERSHELF_REPOSITORY        the repository, "owner/name" (or GITHUB_REPOSITORY in src/consts.ts)
  PAPERSHELF_GISCUS_REPO_ID, PAPERSHELF_GISCUS_CATEGORY, PAPERSHELF_GISCUS_CATEGORY_ID
                               giscus's settings (or GISCUS in src/consts.ts); the category
                               holds the papers' discussions
  PAPERSHELF_GITHUB_API        the GraphQL endpoint (default ${GITHUB_GRAPHQL_ENDPOINT})
  PAPERSHELF_HTTP_TIMEOUT_MS   milliseconds to wait for each page (default 30000)
  PAPERSHELF_HTTP_MAX_WAIT_MS  the longest retry-after waited out (default ${MAX_RETRY_AFTER_MS})
  PAPERSHELF_CONTENT           the content folder (default content/papers)

Exit status: 0 when the votes are in sync (changed or not), 1 on any failure, 2 on usage errors.`;

/** A paper whose votes change. */
interface VoteChange {
  file: string;
  id: string;
  from: number;
  to: number;
  text: string;
}

/** The CLI: `argv` without node and the script. Returns the exit code. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = readArgs('votes', HELP, () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }),
  );
  if (typeof args === 'number') {
    return args;
  }
  if (args.positionals.length !== 1 || args.positionals[0] !== 'sync') {
    return usage('votes', HELP, 'the one command is "sync"');
  }
  const giscus = githubSettings(env).giscus;
  if (giscus === undefined) {
    console.error('votes: giscus is not configured: set PAPERSHELF_REPOSITORY and the PAPERSHELF_GISCUS_* variables (see --help)');
    return 1;
  }
  const token = env.GITHUB_TOKEN ?? '';
  if (token === '') {
    console.error('votes: GITHUB_TOKEN is not set: the sync needs a token that can read the repository');
    return 1;
  }
  const timeoutMs = Number(env.PAPERSHELF_HTTP_TIMEOUT_MS ?? 30_000);
  const maxRetryAfterMs = Number(env.PAPERSHELF_HTTP_MAX_WAIT_MS ?? MAX_RETRY_AFTER_MS);
  const endpoint = env.PAPERSHELF_GITHUB_API ?? GITHUB_GRAPHQL_ENDPOINT;
  let discussions: DiscussionVotes[];
  try {
    discussions = await fetchDiscussionVotes(
      giscus.repository,
      giscus.categoryId,
      { endpoint, token, timeoutMs, maxRetryAfterMs },
      (count) => console.log(`votes: read ${count} discussions of ${giscus.repository} (${giscus.category})`),
    );
  } catch (error) {
    if (!(error instanceof GithubApiError)) {
      throw error;
    }
    console.error(`votes: ${error.message}. No file was changed.`);
    return 1;
  }
  const papers = listPaperFiles(contentDir(env));
  const threads = matchThreads(
    papers.map((p) => p.id),
    discussions,
  );
  for (const note of threads.notes) {
    console.log(`votes: ${note}`);
  }
  const changes: VoteChange[] = [];
  const problems: string[] = [];
  for (const paper of papers) {
    const thread = threads.byId.get(paper.id);
    if (thread === undefined) {
      continue;
    }
    const shown = path.relative(process.cwd(), paper.path);
    try {
      const change = planChange(paper.path, thread.thumbsUp);
      if (change !== undefined) {
        changes.push({ ...change, file: shown, id: paper.id });
      }
    } catch (error) {
      problems.push(`${shown}: votes: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) {
      console.error(problem);
    }
    console.error(`votes: ${problems.length} paper file${problems.length === 1 ? '' : 's'} could not be updated. No file was changed.`);
    return 1;
  }
  for (const change of changes) {
    console.log(`${change.file}: votes ${change.from} → ${change.to}`);
  }
  if (!args.values['dry-run']) {
    for (const change of changes) {
      writeFileSync(change.file, change.text);
    }
  }
  const verb = args.values['dry-run'] ? 'would change' : 'changed';
  console.log(`votes: ${threads.byId.size} of ${papers.length} papers have a discussion; ${verb} ${changes.length}`);
  return 0;
}

/** The change for one file, or undefined when its votes already match; throws what stops it. */
function planChange(file: string, votes: number): Omit<VoteChange, 'file' | 'id'> | undefined {
  const source = readFileSync(file, 'utf8');
  const before = readPaperFile(source).data;
  const from = before.votes ?? 0;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    throw new Error('the current value is not a whole number ≥ 0');
  }
  if (from === votes) {
    return undefined;
  }
  const text = setVotesLine(source, votes);
  // The edit must read back as exactly that change: the same fields, only votes different.
  const after = readPaperFile(text).data;
  if (JSON.stringify({ ...after, votes: from }) !== JSON.stringify({ ...before, votes: from }) || after.votes !== votes) {
    throw new Error('rewriting the votes: line would change other fields');
  }
  return { from, to: votes, text };
}

/**
 * Each paper's discussion as giscus finds it with strict mapping: the one whose body carries
 * giscus's hash of the paper's id (its title may have been edited). A discussion only titled with an
 * id was started by hand: the widget never shows it (it starts its own), so it does not count, and a
 * note says so. Two discussions with one hash: the older (lower number) counts, and a note says so.
 */
export function matchThreads(ids: string[], discussions: DiscussionVotes[]): { byId: Map<string, DiscussionVotes>; notes: string[] } {
  const known = new Set(ids);
  const byHash = new Map(ids.map((id) => [giscusTermHash(id), id]));
  const byId = new Map<string, DiscussionVotes>();
  const notes: string[] = [];
  const ordered = [...discussions].sort((a, b) => a.number - b.number);
  for (const discussion of ordered) {
    const id = discussion.termHash === undefined ? undefined : byHash.get(discussion.termHash);
    if (id === undefined) {
      const title = discussion.title.trim();
      if (known.has(title)) {
        notes.push(
          `discussion #${discussion.number} is titled ${title} but has no giscus hash: the widget never shows it, so its 👍 are not counted (move the discussion into giscus's thread, or delete it)`,
        );
      }
      continue;
    }
    const first = byId.get(id);
    if (first === undefined) {
      byId.set(id, discussion);
    } else {
      notes.push(`discussions #${first.number} and #${discussion.number} are both about ${id}: #${first.number} counts`);
    }
  }
  return { byId, notes };
}

if (import.meta.main) {
  await runCli('votes', () => main(process.argv.slice(2), process.env));
}
