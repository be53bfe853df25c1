import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as credits } from '../../scripts/workflows/credits.ts';
import { pullAuthorsFile, readPullAuthors } from '../../src/content/credits.ts';
import { runMain } from '../support/run.ts';

const TOKEN = 'ghp_test-token';
const REPOSITORY = 'papershelf/site';

/** A pull request as the local GitHub keeps it (the fields of GitHub's REST answer the script reads). */
interface Pull {
  number: number;
  updated_at: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  user: { login: string; type: 'User' | 'Bot' };
}

const sha = (n: number) => n.toString(16).padStart(40, '0');
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString().replace('.000', '');

/**
 * A local stand-in for GitHub's REST endpoint `GET /repos/{owner}/{repo}/pulls`: closed pull requests
 * sorted by update, newest first, `per_page` and `page` as GitHub reads them, the token checked.
 */
class LocalGithub {
  pulls: Pull[] = [];
  requests: string[] = [];
  /** Answer every request with this status and body instead. */
  failure: { status: number; body: unknown; headers?: Record<string, string> } | undefined;
  server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    this.requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (this.failure !== undefined) {
      return send(this.failure.status, this.failure.body, this.failure.headers);
    }
    if (request.headers.authorization !== `bearer ${TOKEN}`) {
      return send(401, { message: 'Bad credentials' });
    }
    if (url.pathname !== `/repos/${REPOSITORY}/pulls`) {
      return send(404, { message: 'Not Found' });
    }
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({ state: 'closed', sort: 'updated', direction: 'desc' });
    const perPage = Number(params.per_page);
    const page = Number(params.page);
    const sorted = [...this.pulls].sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1));
    return send(200, sorted.slice((page - 1) * perPage, page * perPage));
  });
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

const github = new LocalGithub();
let cache: string;
const env = (extra: Record<string, string> = {}) => ({
  GITHUB_TOKEN: TOKEN,
  PAPERSHELF_REPOSITORY: REPOSITORY,
  PAPERSHELF_GITHUB_REST_API: github.endpoint,
  PAPERSHELF_CACHE: cache,
  ...extra,
});
const run = (extra: Record<string, string> = {}) => runMain(credits, [], env(extra));

beforeAll(async () => {
  await new Promise<void>((resolve) => github.server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => github.server.close());
beforeEach(() => {
  cache = mkdtempSync(path.join(tmpdir(), 'papershelf-credits-cache-'));
  github.requests = [];
  github.failure = undefined;
  // 150 pull requests over two pages: people's merged ones, one closed unmerged, one by a bot.
  github.pulls = Array.from({ length: 150 }, (_, i) => ({
    number: i + 1,
    updated_at: day(i),
    merged_at: i === 10 ? null : day(i),
    merge_commit_sha: i === 10 ? null : sha(i + 1),
    user: i === 20 ? { login: 'github-actions[bot]', type: 'Bot' } : { login: `reader-${i + 1}`, type: 'User' },
  }));
});
afterEach(() => rmSync(cache, { recursive: true, force: true }));

describe('npm run credits', () => {
  it("keeps the account that opened each merged pull request, by merge commit, and no bot's", async () => {
    const result = await run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(github.requests.map((r) => new URL(r, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    const authors = readPullAuthors(pullAuthorsFile(env()));
    expect(authors.size).toBe(148);
    expect(authors.get(sha(1))).toBe('reader-1');
    expect(authors.get(sha(150))).toBe('reader-150');
    expect(authors.has(sha(11))).toBe(false); // closed without merging
    expect(authors.has(sha(21))).toBe(false); // opened by a bot
    expect(result.stdout).toContain('credits: 148 merged pull requests by people (148 new)');
  });

  it('reads only the pull requests updated since its last run', async () => {
    await run();
    github.requests = [];
    github.pulls.push({
      number: 151,
      updated_at: day(200),
      merged_at: day(200),
      merge_commit_sha: sha(151),
      user: { login: 'newcomer', type: 'User' },
    });
    const again = await run();
    expect(again.status).toBe(0);
    expect(github.requests.length).toBe(1);
    expect(readPullAuthors(pullAuthorsFile(env())).get(sha(151))).toBe('newcomer');
    expect(again.stdout).toContain('(1 new)');
  });

  it('leaves the cache as it was on a bad token, a rate limit, a wrong answer or no network', async () => {
    await run();
    const file = pullAuthorsFile(env());
    const before = readFileSync(file, 'utf8');
    const failures: [Record<string, string>, () => void, string][] = [
      [{ GITHUB_TOKEN: 'ghp_wrong' }, () => {}, 'GitHub refused the token (HTTP 401: Bad credentials): check GITHUB_TOKEN'],
      [
        {},
        () => {
          github.failure = {
            status: 403,
            body: { message: 'API rate limit exceeded' },
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1798761600' },
          };
        },
        "GitHub's API rate limit is used up until 2027-01-01T00:00:00.000Z",
      ],
      [{}, () => (github.failure = { status: 200, body: { not: 'a list' } }), 'is not a list'],
      [{ PAPERSHELF_GITHUB_REST_API: 'http://127.0.0.1:9' }, () => {}, "cannot reach GitHub's API at http://127.0.0.1:9/"],
    ];
    for (const [extra, arrange, message] of failures) {
      github.failure = undefined;
      arrange();
      const result = await run(extra);
      expect(result.status, message).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('The cache was left as it was.');
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
  });

  it('needs a token and a repository, and explains itself', async () => {
    expect((await run({ GITHUB_TOKEN: '' })).stderr).toContain('credits: GITHUB_TOKEN is not set');
    expect((await run({ PAPERSHELF_REPOSITORY: '' })).stderr).toContain('credits: the repository is not configured');
    expect(existsSync(pullAuthorsFile(env()))).toBe(false);
    expect((await runMain(credits, ['--help'], env())).stdout).toContain('Usage: npm run credits');
  });
});
