import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as checkMain } from '../../scripts/check.ts';
import { main } from '../../scripts/new.ts';
import { cleanEnv, ROOT, runMain, runScript } from '../support/run.ts';

// A local stand-in for arXiv's query API that serves recorded responses by id_list.
const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures/arxiv', name), 'utf8');
const requests: string[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list') ?? '';
    requests.push(id);
    const atom = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/atom+xml; charset=utf-8' });
      res.end(body);
    };
    if (id === '2410.05076') {
      atom(200, fixture('tidaldecode.xml'));
    } else if (id === 'hep-ex/0307015') {
      atom(200, fixture('old-style.xml'));
    } else if (id === '2503.01234v2') {
      atom(200, fixture('versioned.xml'));
    } else if (id === '2503.99999') {
      atom(200, fixture('empty.xml'));
    } else if (id === '2503.04000') {
      atom(400, fixture('error.xml'));
    } else if (id === '2503.50300') {
      atom(503, 'Service Unavailable');
    } else if (id === '2503.00000') {
      return; // never answers
    } else {
      atom(404, 'Not Found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papershelf-new-'));
  requests.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  PAPERSHELF_CONTENT: dir,
  PAPERSHELF_ARXIV_API: endpoint,
  PAPERSHELF_HTTP_TIMEOUT_MS: '400',
  PAPERSHELF_HTTP_RETRY_MS: '50',
});
// In this process (the stand-in server answers while main awaits it); the prompts and the
// unreachable network also run as real processes, for standard input and the exit code.
const runNew = (args: string[]) => runMain(main, args, env());
const spawnNew = (args: string[], input: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/new.ts', ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env() } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
const written = () =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'));

describe('npm run new -- <arXiv id>', () => {
  it('writes a paper from arXiv metadata on the chosen day', async () => {
    const result = await runNew([
      'https://arxiv.org/abs/2410.05076',
      '--date',
      '2025-03-17',
      '--code',
      'https://github.com/DerrickYLJ/TidalDecode',
      '--tag',
      'decoding',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2025-03-17/2410.05076.md');
    const text = readFileSync(path.join(dir, '2025-03-17/2410.05076.md'), 'utf8');
    expect(text).toContain('title: "TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention"');
    expect(text).toContain('arxiv: "2410.05076"\npublished: "2024-10-07"\ncategory: "cs.LG"');
    expect(text).toContain('links:\n  pdf: "https://arxiv.org/pdf/2410.05076"\n  code: "https://github.com/DerrickYLJ/TidalDecode"');
    expect(text).toContain('tags: ["decoding"]');
    expect(requests).toEqual(['2410.05076']);
    expect((await runMain(checkMain, ['--no-cache'], { PAPERSHELF_CONTENT: dir })).status).toBe(0);
  });

  it('refuses a listing day before arXiv published the paper with the line npm run check prints', async () => {
    const early = await runNew(['2410.05076', '--date', '2024-10-01']);
    expect(early.status).toBe(1);
    const line = `${path.relative(process.cwd(), path.join(dir, '2024-10-01/2410.05076.md'))}:10:1 published: 2024-10-07 is after the listing day 2024-10-01 (the folder): a paper cannot be listed before it is published`;
    expect(early.stderr.split('\n')).toContain(line);
    expect(written()).toEqual([]);
    // The file it would have written, put there by hand: npm run check refuses it with the same line.
    expect((await runNew(['2410.05076', '--date', '2024-10-08'])).status).toBe(0);
    mkdirSync(path.join(dir, '2024-10-01'));
    renameSync(path.join(dir, '2024-10-08/2410.05076.md'), path.join(dir, '2024-10-01/2410.05076.md'));
    const checked = await runMain(checkMain, ['--no-cache'], { PAPERSHELF_CONTENT: dir });
    expect(checked.status).toBe(1);
    expect(checked.stderr.split('\n')).toContain(line);
  });

  it('handles old-style ids', async () => {
    const result = await runNew(['hep-ex/0307015', '--date', '2025-03-17']);
    expect(result.status).toBe(0);
    expect(written()).toEqual(['2025-03-17/hep-ex-0307015.md']);
  });

  it('asks for the version given and stores the id without it', async () => {
    const result = await runNew(['arXiv:2503.01234v2', '--date', '2025-03-17']);
    expect(result.status).toBe(0);
    expect(requests).toEqual(['2503.01234v2']);
    expect(readFileSync(path.join(dir, '2025-03-17/2503.01234.md'), 'utf8')).toContain('arxiv: "2503.01234"');
  });

  it('refuses an arXiv id the site already has, in any version, saying where', async () => {
    await runNew(['2503.01234v2', '--date', '2025-03-03']);
    const again = await runNew(['2503.01234v2', '--date', '2025-03-17']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('new: refused: already on the site, listed on 2025-03-03');
    expect(again.stderr).toContain('2025-03-03/2503.01234.md');
    expect(written()).toEqual(['2025-03-03/2503.01234.md']);
  });

  it("reports arXiv's error feed, served with HTTP 400", async () => {
    const result = await runNew(['2503.04000', '--date', '2025-03-17']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('new: arXiv returned an error for 2503.04000: incorrect id format for 2503.0123x\n');
  });

  it('reports an HTTP error without retrying it', async () => {
    const result = await runNew(['2503.40400', '--date', '2025-03-17']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^new: arXiv answered HTTP 404 Not Found for http:\/\/127\.0\.0\.1:\d+\/api\/query\?id_list=2503\.40400&max_results=1\n$/,
    );
    expect(requests).toEqual(['2503.40400']);
  });

  it('says when arXiv has no such paper', async () => {
    const result = await runNew(['2503.99999', '--date', '2025-03-17']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('new: arXiv has no paper 2503.99999\n');
  });

  it('retries once on a 503, then gives up with a clear message', async () => {
    const result = await runNew(['2503.50300', '--date', '2025-03-17']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/arXiv answered HTTP 503 Service Unavailable for .* \(tried twice\)/);
    expect(requests).toEqual(['2503.50300', '2503.50300']);
  });

  it('times out on a server that never answers, after one retry', async () => {
    const result = await runNew(['2503.00000', '--date', '2025-03-17']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/arXiv did not answer within 0\.4 s .* \(tried twice\)/);
    expect(requests).toEqual(['2503.00000', '2503.00000']);
  });

  it('says when the network is unreachable, and how to go on without it', async () => {
    // A port that was just free: nothing listens there, so the connection is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const child = runScript('new.ts', ['2410.05076', '--date', '2025-03-17'], {
      PAPERSHELF_CONTENT: dir,
      PAPERSHELF_ARXIV_API: `http://127.0.0.1:${port}/api/query`,
      PAPERSHELF_HTTP_RETRY_MS: '10',
    });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain(`cannot reach arXiv (ECONNREFUSED for 127.0.0.1:${port}): are you offline?`);
    expect(child.stderr).toContain('(tried twice)');
    expect(child.stderr).toContain('npm run new -- --title');
  });
});

describe('npm run new without the network', () => {
  it('writes a paper from flags', async () => {
    const result = await runNew([
      '--date',
      '2025-03-17',
      '--title',
      'Hand-Written Paper',
      '--author',
      'Ada Lovelace',
      '--author',
      'Alan Turing',
      '--abstract',
      'It uses <SEG> tokens.',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, '2025-03-17/hand-written-paper.md'), 'utf8')).toBe(
      '---\ntitle: "Hand-Written Paper"\nauthors:\n  - "Ada Lovelace"\n  - "Alan Turing"\n---\n\nIt uses \\<SEG> tokens.\n',
    );
    expect(requests).toEqual([]);
  });

  it('asks for each field when interactive', async () => {
    const answers = [
      'Prompted Paper',
      'Grace Hopper, Katherine Johnson',
      '',
      'Answers typed at a prompt.',
      'https://github.com/x/y',
      '',
    ].join('\n');
    const result = await spawnNew(['--interactive', '--date', '2025-03-18'], answers);
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(path.join(dir, '2025-03-18/prompted-paper.md'), 'utf8');
    expect(text).toContain('authors:\n  - "Grace Hopper"\n  - "Katherine Johnson"');
    expect(text).toContain('code: "https://github.com/x/y"');
  });

  it('refuses bad input with the reason', async () => {
    expect((await runNew(['not-an-id'])).status).toBe(2);
    expect((await runNew(['https://arxiv.org/abs/2503.0123x'])).stderr).toContain('is not an arXiv id or arxiv.org URL');
    const noAbstract = await runNew(['--date', '2025-03-17', '--title', 'x']);
    expect(noAbstract.status).toBe(1);
    expect(noAbstract.stderr).toContain('body: the abstract (the text after the front matter) is empty');
    expect(written()).toEqual([]);
    const badTag = await runNew(['--date', '2025-03-17', '--title', 'T', '--abstract', 'A.', '--tag', 'Bad Tag']);
    expect(badTag.status).toBe(1);
    expect(badTag.stderr).toContain('tags.0: must be a lowercase slug such as "vision-language"');
    expect((await runNew(['--help'])).stdout).toContain('Usage: npm run new -- <arXiv id or URL> [options]');
  });
});
