import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { giscusTermHash } from '../../scripts/workflows/votes/discussions.ts';
import { main as votes } from '../../scripts/workflows/votes.ts';
import { runMain } from '../support/run.ts';

/** A discussion as the local GitHub keeps it. */
interface Discussion {
  number: number;
  title: string;
  body: string;
  categoryId: string;
  thumbsUp: number;
}

const CATEGORY = 'DIC_kwDOpapers';
const TOKEN = 'ghp_test-token';

/**
 * A local GitHub GraphQL API for the one query the sync sends: it reads the query's fields and
 * variables as GitHub would (repository by owner and name, discussions of a category, `first`
 * and `after` for pagination, 👍 counts) and can answer a page with a rate-limit error.
 */
class LocalGithub {
  discussions: Discussion[] = [];
  requests: { variables: Record<string, unknown>; authorization: string | undefined }[] = [];
  /** Answer the request with this index (0-based) with GitHub's rate-limit error. */
  rateLimitAt: number | undefined;
  /** How that answer says it: GitHub's GraphQL error type, HTTP status and headers. */
  limit = {
    type: 'RATE_LIMITED',
    status: 200,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1798761600' } as Record<string, string>,
  };
  server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const { query, variables } = JSON.parse(text) as { query: string; variables: Record<string, unknown> };
      this.requests.push({ variables, authorization: request.headers.authorization });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      if (request.headers.authorization !== `bearer ${TOKEN}`) {
        send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
        return;
      }
      if (this.requests.length - 1 === this.rateLimitAt) {
        send(
          this.limit.status,
          this.limit.status === 200
            ? { errors: [{ type: this.limit.type, message: 'API rate limit already exceeded for user ID 1.' }] }
            : { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
          this.limit.headers,
        );
        return;
      }
      for (const field of [
        'repository(owner: $owner, name: $name)',
        'discussions(categoryId: $categoryId',
        'reactions(content: THUMBS_UP)',
      ]) {
        if (!query.includes(field)) {
          send(200, { errors: [{ message: `the local server does not know this query (no ${field})` }] });
          return;
        }
      }
      if (variables.owner !== 'papershelf' || variables.name !== 'site') {
        send(200, { data: { repository: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository' }] });
        return;
      }
      const all = this.discussions.filter((d) => d.categoryId === variables.categoryId).sort((a, b) => a.number - b.number);
      const start = typeof variables.after === 'string' ? Number(Buffer.from(variables.after, 'base64').toString()) : 0;
      const page = all.slice(start, start + Number(variables.first));
      const end = start + page.length;
      send(200, {
        data: {
          repository: {
            discussions: {
              pageInfo: {
                hasNextPage: end < all.length,
                endCursor: page.length === 0 ? null : Buffer.from(String(end)).toString('base64'),
              },
              nodes: page.map((d) => ({ number: d.number, title: d.title, body: d.body, reactions: { totalCount: d.thumbsUp } })),
            },
          },
        },
      });
    });
  });
}

const github = new LocalGithub();
let endpoint: string;
let dir: string;

const paper = (title: string, extra = '') => `---\ntitle: "${title}"\nauthors:\n  - "Ada Lovelace"\n${extra}---\n\nAn abstract.\n`;
const files: Record<string, string> = {
  '2025-03-17/alpha.md': paper('Alpha', 'votes: 3 # counted by hand before the sync\n'),
  '2025-03-17/beta.md': paper('Beta', 'hf_upvotes: 40\n'),
  '2025-03-17/gamma.md': paper('Gamma', 'votes: 7\n'),
  '2025-03-18/delta.md': paper('Delta', 'votes: 4\n'),
  '2025-03-18/epsilon.md': paper('Epsilon', 'votes: 1\n'),
};

function snapshot(): Record<string, string> {
  return Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PAPERSHELF_CONTENT: dir,
    PAPERSHELF_GITHUB_API: endpoint,
    PAPERSHELF_REPOSITORY: 'papershelf/site',
    PAPERSHELF_GISCUS_REPO_ID: 'R_kgDOpapers',
    PAPERSHELF_GISCUS_CATEGORY: 'Papers',
    PAPERSHELF_GISCUS_CATEGORY_ID: CATEGORY,
    GITHUB_TOKEN: TOKEN,
    ...extra,
  };
}

beforeAll(async () => {
  await new Promise<void>((resolve) => github.server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(github.server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => github.server.close(() => resolve())));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papershelf-votes-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  github.requests = [];
  github.rateLimitAt = undefined;
  github.limit = { type: 'RATE_LIMITED', status: 200, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1798761600' } };
  // 250 discussions in the papers' category (three pages of 100): most are about other things.
  github.discussions = Array.from({ length: 250 }, (_, i) => ({
    number: i + 1,
    title: `Question ${i + 1}`,
    body: 'Not about a paper.',
    categoryId: CATEGORY,
    thumbsUp: i % 7,
  }));
  const put = (number: number, fields: Partial<Discussion>) => Object.assign(github.discussions[number - 1] ?? {}, fields);
  // giscus starts a paper's thread (strict mapping) titled with the id and its hash in the body.
  const giscus = (id: string) => ({ title: id, body: `Paper ${id}\n\n<!-- sha1: ${giscusTermHash(id)} -->` });
  // alpha's thread is on the third page; a later duplicate of it does not count.
  put(230, { ...giscus('alpha'), thumbsUp: 5 });
  put(240, { ...giscus('alpha'), thumbsUp: 99 });
  // beta's title was edited; giscus's hash of the id in the body still names it.
  put(20, { title: 'Beta, discussed', body: `Beta\n\n<!-- sha1: ${giscusTermHash('beta')} -->`, thumbsUp: 2 });
  put(150, { ...giscus('delta'), thumbsUp: 9 });
  put(151, { ...giscus('epsilon'), thumbsUp: 1 });
  // gamma's thread was started by hand (no hash): giscus never shows it and started its own, whose 👍 count.
  put(10, { title: 'gamma', body: 'Started by hand before the widget.', thumbsUp: 30 });
  put(200, { ...giscus('gamma'), thumbsUp: 8 });
  // gamma's id as a title in another category is not its thread.
  github.discussions.push({ number: 251, title: 'gamma', body: '', categoryId: 'DIC_other', thumbsUp: 50 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run votes -- sync', () => {
  it('follows every page and rewrites only the votes: line of papers whose count changed', async () => {
    const before = snapshot();
    const result = await runMain(votes, ['sync'], env());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Three pages of the category, each asked for with the token and the previous page's cursor.
    expect(github.requests.map((r) => [r.variables.categoryId, r.variables.first, r.variables.after])).toEqual([
      [CATEGORY, 100, null],
      [CATEGORY, 100, Buffer.from('100').toString('base64')],
      [CATEGORY, 100, Buffer.from('200').toString('base64')],
    ]);
    const after = snapshot();
    // alpha: the number changes, its comment stays; no other line moves.
    expect(after['2025-03-17/alpha.md']).toBe((before['2025-03-17/alpha.md'] ?? '').replace('votes: 3 # counted', 'votes: 5 # counted'));
    // beta had no votes: line: one is added before the closing ---, hf_upvotes untouched.
    expect(after['2025-03-17/beta.md']).toBe(
      (before['2025-03-17/beta.md'] ?? '').replace('hf_upvotes: 40\n---', 'hf_upvotes: 40\nvotes: 2\n---'),
    );
    expect(after['2025-03-18/delta.md']).toContain('\nvotes: 9\n');
    // gamma: giscus's thread counts, not the older one started by hand; epsilon's count is already right.
    expect(after['2025-03-17/gamma.md']).toBe((before['2025-03-17/gamma.md'] ?? '').replace('votes: 7', 'votes: 8'));
    expect(after['2025-03-18/epsilon.md']).toBe(before['2025-03-18/epsilon.md']);
    expect(result.stdout).toContain('discussions #230 and #240 are both about alpha: #230 counts');
    expect(result.stdout).toContain(
      "discussion #10 is titled gamma but has no giscus hash: the widget never shows it, so its 👍 are not counted (move the discussion into giscus's thread, or delete it)",
    );
    expect(result.stdout).toContain(`${path.relative(process.cwd(), path.join(dir, '2025-03-17/alpha.md'))}: votes 3 → 5`);
    expect(result.stdout).toMatch(/5 of 5 papers have a discussion; changed 4$/m);
  });

  it('keeps the votes of a paper whose thread was deleted', async () => {
    expect((await runMain(votes, ['sync'], env())).status).toBe(0);
    expect(readFileSync(path.join(dir, '2025-03-18/delta.md'), 'utf8')).toContain('\nvotes: 9\n');
    github.discussions = github.discussions.filter((d) => d.number !== 150);
    const again = await runMain(votes, ['sync'], env());
    expect(again.status).toBe(0);
    expect(readFileSync(path.join(dir, '2025-03-18/delta.md'), 'utf8')).toContain('\nvotes: 9\n');
    expect(again.stdout).toMatch(/4 of 5 papers have a discussion; changed 0$/m);
  });

  it('changes nothing when the rate limit is hit part-way, and says when it resets', async () => {
    github.rateLimitAt = 1;
    const before = snapshot();
    const result = await runMain(votes, ['sync'], env());
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "votes: GitHub's API rate limit is used up until 2027-01-01T00:00:00.000Z: run the command again after that. No file was changed.",
    );
    expect(snapshot()).toEqual(before);
  });

  it("knows GitHub's RATE_LIMIT error type as well as RATE_LIMITED", async () => {
    github.rateLimitAt = 0;
    github.limit.type = 'RATE_LIMIT';
    const before = snapshot();
    const result = await runMain(votes, ['sync'], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("GitHub's API rate limit is used up until 2027-01-01T00:00:00.000Z");
    expect(snapshot()).toEqual(before);
  });

  it('waits out a short retry-after once, then reads every page', async () => {
    github.rateLimitAt = 1;
    github.limit = { type: 'RATE_LIMITED', status: 200, headers: { 'retry-after': '1' } };
    const result = await runMain(votes, ['sync'], env());
    expect(result.status, result.stderr).toBe(0);
    // Page two asked twice (limited, then answered), then page three.
    expect(github.requests.map((r) => r.variables.after)).toEqual([
      null,
      Buffer.from('100').toString('base64'),
      Buffer.from('100').toString('base64'),
      Buffer.from('200').toString('base64'),
    ]);
    expect(result.stdout).toMatch(/changed 4$/m);
  });

  it('stops at a secondary rate limit that asks for longer than it waits, changing nothing', async () => {
    github.rateLimitAt = 0;
    github.limit = { type: '', status: 403, headers: { 'retry-after': '600' } };
    const before = snapshot();
    const result = await runMain(votes, ['sync'], env());
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "votes: GitHub's API rate limit asks to wait 600 s (retry-after): run the command again after that. No file was changed.",
    );
    expect(github.requests).toHaveLength(1);
    expect(snapshot()).toEqual(before);
  });

  it('changes nothing with a bad token, or without the network', async () => {
    const before = snapshot();
    const refused = await runMain(votes, ['sync'], env({ GITHUB_TOKEN: 'ghp_wrong' }));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('GitHub refused the token (HTTP 401: Bad credentials): check GITHUB_TOKEN. No file was changed.');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = await runMain(votes, ['sync'], env({ PAPERSHELF_GITHUB_API: `http://127.0.0.1:${port}/graphql` }));
    expect(offline.status).toBe(1);
    expect(offline.stderr).toContain(`cannot reach GitHub's API at http://127.0.0.1:${port}/graphql: ECONNREFUSED. No file was changed.`);
    const missing = await runMain(votes, ['sync'], env({ PAPERSHELF_REPOSITORY: 'papershelf/gone' }));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("GitHub's API answered with errors: Could not resolve to a Repository");
    expect(snapshot()).toEqual(before);
  });

  it('changes nothing when one file cannot be rewritten, and names it', async () => {
    writeFileSync(path.join(dir, '2025-03-17/alpha.md'), paper('Alpha', 'votes: 0x3\n'));
    const before = snapshot();
    const result = await runMain(votes, ['sync'], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.relative(process.cwd(), path.join(dir, '2025-03-17/alpha.md'))}: votes: line 5: the votes: value is not a plain number`,
    );
    expect(snapshot()).toEqual(before);
  });

  it('prints without writing on --dry-run, and needs its configuration', async () => {
    const before = snapshot();
    const dry = await runMain(votes, ['sync', '--dry-run'], env());
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/would change 4$/m);
    expect(snapshot()).toEqual(before);
    const unconfigured = await runMain(votes, ['sync'], {
      ...env(),
      PAPERSHELF_GISCUS_CATEGORY_ID: '',
      PAPERSHELF_GISCUS_CATEGORY: '',
      PAPERSHELF_GISCUS_REPO_ID: '',
    });
    expect(unconfigured.status).toBe(1);
    expect(unconfigured.stderr).toContain('giscus is not configured');
    expect((await runMain(votes, ['sync'], env({ GITHUB_TOKEN: '' }))).stderr).toContain('GITHUB_TOKEN is not set');
    expect((await runMain(votes, ['count'], env())).status).toBe(2);
    expect(readdirSync(dir)).toEqual(['2025-03-17', '2025-03-18']);
  });
});
