/**
 * `npm run import -- hf --date`, `arxiv --category` and `sources` against local stand-ins of
 * Hugging Face's daily papers API and arXiv's query API: pagination, a rate limit with and without
 * a bearable retry-after, a malformed answer, an empty weekend, a paper already on the site.
 * A failed fetch must leave the content folder byte for byte as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as check } from '../../scripts/check.ts';
import { main as importMain } from '../../scripts/import.ts';
import { runMain } from '../support/run.ts';

type Handler = (url: URL, res: ServerResponse) => void;
let handler: Handler = () => {};
const requests: URL[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    requests.push(url);
    handler(url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papershelf-fetch-'));
  requests.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ENV = () => ({
  PAPERSHELF_CONTENT: dir,
  PAPERSHELF_HF_API: `${base}/api/daily_papers`,
  PAPERSHELF_ARXIV_API: `${base}/api/query`,
  PAPERSHELF_ARXIV_PAUSE_MS: '0',
  PAPERSHELF_HTTP_RETRY_MS: '10',
  PAPERSHELF_HTTP_TIMEOUT_MS: '2000',
});
const run = (args: string[], env: Record<string, string> = {}) => runMain(importMain, args, { ...ENV(), ...env });

/** Every file of the content folder with its bytes: what "unchanged" is checked against. */
function snapshot(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

function json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** An item as Hugging Face's API gives it (fields on the paper, as huggingface_hub reads them). */
function hfItem(n: number, day: string): unknown {
  return {
    paper: {
      id: `2503.${10000 + n}`,
      authors: [
        { _id: `a${n}`, name: `Author Number${n}`, hidden: false },
        { _id: `h${n}`, name: 'Hidden Person', hidden: true },
      ],
      publishedAt: `${day}T01:00:00.000Z`,
      submittedOnDailyAt: `${day}T08:00:00.000Z`,
      title: `Fetched paper ${n} on retrieval`,
      summary: `The abstract of fetched paper ${n}.`,
      upvotes: n,
      ai_summary: `Paper ${n} retrieves things.`,
      submittedOnDailyBy: { _id: 'u1', user: 'akhaliq', fullname: 'AK', type: 'user' },
    },
    publishedAt: `${day}T08:00:00.000Z`,
    title: `Fetched paper ${n} on retrieval`,
    numComments: 0,
  };
}

/** Hugging Face's stand-in: 103 items for 2025-03-17 over two pages, nothing for the weekend. */
function hfDay(url: URL, res: ServerResponse): void {
  const date = url.searchParams.get('date');
  const page = Number(url.searchParams.get('p'));
  const limit = Number(url.searchParams.get('limit'));
  if (date === '2025-03-17') {
    const all = Array.from({ length: 103 }, (_, i) => hfItem(i + 1, '2025-03-17'));
    json(res, all.slice(page * limit, (page + 1) * limit));
  } else if (date === '2025-03-16') {
    json(res, []);
  } else {
    json(res, { error: 'unknown date' }, 404);
  }
}

describe('npm run import -- hf --date', () => {
  it("reads every page of the day, and keeps Hugging Face's submitter and AI summary", async () => {
    handler = hfDay;
    const result = await run(['hf', '--date', '2025-03-17']);
    expect(result.status, result.stderr).toBe(0);
    expect(requests.map((r) => [r.pathname, r.searchParams.get('date'), r.searchParams.get('p')])).toEqual([
      ['/api/daily_papers', '2025-03-17', '0'],
      ['/api/daily_papers', '2025-03-17', '1'],
    ]);
    expect(result.stdout).toContain('hf: read 100 items for 2025-03-17');
    expect(result.stdout).toContain('hf: read 103 items for 2025-03-17');
    expect(result.stdout).toContain('103 papers for 2025-03-17: 103 created, 0 overwritten, 0 unchanged, 0 skipped');
    const text = readFileSync(path.join(dir, '2025-03-17/2503.10042.md'), 'utf8');
    expect(text).toContain('authors:\n  - "Author Number42"\narxiv:');
    expect(text).not.toContain('Hidden Person');
    expect(text).toContain('submitted_by: "hf:akhaliq"\nsummary: "Paper 42 retrieves things."\nsummary_source: "huggingface"');
    expect((await runMain(check, [], { PAPERSHELF_CONTENT: dir })).status).toBe(0);
  });

  it('is idempotent: a second run changes nothing and says the papers are already there', async () => {
    handler = hfDay;
    await run(['hf', '--date', '2025-03-17']);
    const before = snapshot();
    const again = await run(['hf', '--date', '2025-03-17']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('103 papers for 2025-03-17: 0 created, 0 overwritten, 103 unchanged, 0 skipped');
    expect(again.stdout).toMatch(/unchanged {2}.*2025-03-17\/2503\.10001\.md {2}\(Hugging Face 2025-03-17 item 1/);
    expect(snapshot()).toEqual(before);
  });

  it('skips a paper already listed on another day, and says where', async () => {
    handler = hfDay;
    mkdirSync(path.join(dir, '2025-03-10'));
    writeFileSync(path.join(dir, '2025-03-10/2503.10007.md'), '---\ntitle: "Listed earlier"\narxiv: "2503.10007"\n---\n\nAn abstract.\n');
    const result = await run(['hf', '--date', '2025-03-17']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/skipped {4}.*2025-03-10\/2503\.10007\.md .*: already on the site, listed on 2025-03-10/);
    expect(result.stdout).toContain('102 created');
  });

  it('treats an empty weekend as an answer, not a failure', async () => {
    handler = hfDay;
    const result = await run(['hf', '--date', '2025-03-16']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('note: Hugging Face lists no papers for 2025-03-16 (a weekend or a holiday?)');
    expect(snapshot()).toEqual({});
  });

  it('waits as long as a rate limit asks when that is short, then reads the day', async () => {
    const times: number[] = [];
    handler = (url, res) => {
      times.push(performance.now());
      if (times.length === 1) {
        json(res, { error: 'slow down' }, 429, { 'retry-after': '1' });
      } else {
        hfDay(url, res);
      }
    };
    const result = await run(['hf', '--date', '2025-03-16']);
    expect(result.status, result.stderr).toBe(0);
    expect(requests).toHaveLength(2);
    // The retry came after the second the source asked for, not after the usual 10 ms pause.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('stops at a rate limit that asks for too long, a server error twice, or a malformed page, changing no file', async () => {
    handler = hfDay;
    await run(['hf', '--date', '2025-03-17']);
    const before = snapshot();
    const cases: [Handler, RegExp][] = [
      [
        (_url, res) => json(res, { error: 'rate limited' }, 429, { 'retry-after': '3600' }),
        /Hugging Face answered HTTP 429 .*: it asks to wait 3600 s \(retry-after\), longer than 120 s: run the command again later\. No file was changed\./,
      ],
      [(_url, res) => json(res, 'upstream down', 502), /Hugging Face answered HTTP 502 .* \(tried twice\)\. No file was changed\./],
      [(_url, res) => json(res, '<html>Maintenance</html>'), /Hugging Face's answer \(.*\) is not JSON: .* No file was changed\./],
      [
        (url, res) => (url.searchParams.get('p') === '0' ? hfDay(url, res) : json(res, { items: [] })),
        /Hugging Face's answer \(.*p=1\) is not a list of daily-paper items\. No file was changed\./,
      ],
    ];
    for (const [answer, message] of cases) {
      handler = answer;
      rmSync(path.join(dir, '2025-03-17/2503.10050.md'));
      const result = await run(['hf', '--date', '2025-03-17']);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(Object.keys(snapshot())).not.toContain('2025-03-17/2503.10050.md');
      writeFileSync(path.join(dir, '2025-03-17/2503.10050.md'), before['2025-03-17/2503.10050.md'] ?? '');
      expect(snapshot()).toEqual(before);
    }
  });
});

/** An Atom entry as arXiv's API writes it. */
function atomEntry(n: number, day: string): string {
  return `<entry><id>http://arxiv.org/abs/2503.${20000 + n}v1</id><published>${day}T10:00:00Z</published>
<title>arXiv paper ${n} on agents</title><summary>  The abstract of arXiv paper ${n}.
</summary><author><name>Writer ${n}</name></author>
<arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/></entry>`;
}

function atomFeed(entries: string[], total: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${total}</opensearch:totalResults>${entries.join('\n')}</feed>`;
}

/** arXiv's stand-in: 130 papers on 2025-03-17 for any query, sliced by start and max_results. */
function arxivDay(url: URL, res: ServerResponse): void {
  const start = Number(url.searchParams.get('start'));
  const size = Number(url.searchParams.get('max_results'));
  const query = url.searchParams.get('search_query') ?? '';
  const all = query.includes('submittedDate:[202503170000 TO 202503172359]') ? Array.from({ length: 130 }, (_, i) => i + 1) : [];
  res.writeHead(200, { 'content-type': 'application/atom+xml' });
  res.end(
    atomFeed(
      all.slice(start, start + size).map((n) => atomEntry(n, '2025-03-17')),
      all.length,
    ),
  );
}

describe('npm run import -- arxiv --category', () => {
  it('asks for the categories, keywords and day, newest first, page by page up to the cap', async () => {
    handler = arxivDay;
    const result = await run([
      'arxiv',
      '--category',
      'cs.CL',
      '--category',
      'cs.LG',
      '--keyword',
      'agent',
      '--max',
      '120',
      '--date',
      '2025-03-17',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(requests.map((r) => [r.searchParams.get('start'), r.searchParams.get('max_results'), r.searchParams.get('sortOrder')])).toEqual([
      ['0', '100', 'descending'],
      ['100', '20', 'descending'],
    ]);
    expect(requests[0]?.searchParams.get('search_query')).toBe(
      '(cat:cs.CL OR cat:cs.LG) AND (ti:"agent" OR abs:"agent") AND submittedDate:[202503170000 TO 202503172359]',
    );
    expect(result.stdout).toContain('120 papers for 2025-03-17: 120 created');
    expect(readFileSync(path.join(dir, '2025-03-17/2503.20001.md'), 'utf8')).toContain('category: "cs.CL"');
    expect((await runMain(check, [], { PAPERSHELF_CONTENT: dir })).status).toBe(0);
  });

  it('stops when the answer ends, and a day with nothing new is not a failure', async () => {
    handler = arxivDay;
    const full = await run(['arxiv', '--category', 'cs.CL', '--max', '500', '--date', '2025-03-17']);
    expect(full.stdout).toContain('130 papers for 2025-03-17: 130 created');
    expect(requests).toHaveLength(2);
    const weekend = await run(['arxiv', '--category', 'cs.CL', '--date', '2025-03-16']);
    expect(weekend.status).toBe(0);
    expect(weekend.stdout).toContain('note: arXiv lists no new papers for that query on 2025-03-16');
  });

  it('refuses a keyword that could change the query, before asking', async () => {
    handler = arxivDay;
    const result = await run(['arxiv', '--category', 'cs.CL', '--keyword', 'x" OR cat:math', '--date', '2025-03-17']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('may hold only letters, digits, spaces and hyphens');
    expect(requests).toHaveLength(0);
  });

  it('changes no file when a later page fails or is not a feed', async () => {
    for (const second of [(res: ServerResponse) => json(res, 'down', 503), (res: ServerResponse) => json(res, 'not xml <')]) {
      handler = (url, res) => (url.searchParams.get('start') === '0' ? arxivDay(url, res) : second(res));
      const result = await run(['arxiv', '--category', 'cs.CL', '--max', '150', '--date', '2025-03-17']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('No file was changed.');
      expect(snapshot()).toEqual({});
    }
  });
});

describe('npm run import -- sources', () => {
  it('does nothing, and says so, until a source is configured', async () => {
    const result = await run(['sources', '--date', '2025-03-17']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('import: no source is configured');
    expect(requests).toHaveLength(0);
  });

  it('imports Hugging Face then arXiv as one import; a paper both list is written once', async () => {
    handler = (url, res) => {
      if (url.pathname === '/api/daily_papers') {
        json(res, [hfItem(1, '2025-03-17')]);
      } else {
        res.writeHead(200);
        res.end(atomFeed([atomEntry(1, '2025-03-17'), atomEntry(-9999, '2025-03-17')], 2));
      }
    };
    const result = await run(['sources', '--date', '2025-03-17'], {
      PAPERSHELF_INTAKE_HF: 'true',
      PAPERSHELF_INTAKE_ARXIV_CATEGORIES: 'cs.CL',
      PAPERSHELF_INTAKE_ARXIV_MAX: '10',
    });
    expect(result.status, result.stderr).toBe(0);
    // 2503.10001 from both sources: Hugging Face's file, with its credit; arXiv's copy is skipped.
    expect(result.stdout).toMatch(/skipped {4}2503\.10001 .*: the same paper as Hugging Face 2025-03-17 item 1/);
    expect(Object.keys(snapshot())).toEqual(['2025-03-17/2503.10001.md', '2025-03-17/2503.20001.md']);
  });

  it('writes nothing when one source fails, even if the other answered', async () => {
    handler = (url, res) => (url.pathname === '/api/daily_papers' ? json(res, [hfItem(1, '2025-03-17')]) : json(res, 'gone', 404));
    const result = await run(['sources', '--date', '2025-03-17'], {
      PAPERSHELF_INTAKE_HF: 'true',
      PAPERSHELF_INTAKE_ARXIV_CATEGORIES: 'cs.CL',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('arXiv answered HTTP 404');
    expect(snapshot()).toEqual({});
  });

  it('names a setting it cannot read', async () => {
    const result = await run(['sources'], { PAPERSHELF_INTAKE_ARXIV_CATEGORIES: 'cs.CL', PAPERSHELF_INTAKE_ARXIV_MAX: 'lots' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PAPERSHELF_INTAKE_ARXIV_MAX must be a whole number from 1 to 2000, not "lots"');
  });
});
