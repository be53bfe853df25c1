import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main as checkMain } from '../../scripts/check.ts';
import { main as complete } from '../../scripts/complete.ts';
import { completePaper, findMetadata, indexMetadata, parseMetadataFile } from '../../scripts/import/complete.ts';
import { PaperSchema } from '../../src/content/paper-schema.ts';
import { ROOT, runMain } from '../support/run.ts';

const paper = (fields: Record<string, unknown>) => PaperSchema.parse({ title: 'A Paper', ...fields });

describe('findMetadata', () => {
  const index = indexMetadata([
    { title: 'Sparse Routing', arxiv: '2503.01234', authors: ['Ada Lovelace'] },
    { title: 'Twin Title', arxiv: '2509.18176' },
    { title: 'Twin Title', arxiv: '2509.25393' },
    { title: 'Only by Title', arxiv: null, code: 'https://github.com/a/b' },
  ]);
  it('matches by arXiv id in any version, else by title, and never by an ambiguous title', () => {
    expect(findMetadata(paper({ arxiv: '2503.01234v3' }), index)?.authors).toEqual(['Ada Lovelace']);
    expect(findMetadata(paper({ title: 'only by title!' }), index)?.code).toBe('https://github.com/a/b');
    expect(findMetadata(paper({ title: 'Twin Title' }), index)).toBeUndefined();
    // A paper with its own arXiv id is not another paper that shares its title.
    expect(findMetadata(paper({ title: 'Sparse Routing', arxiv: '2503.09999' }), index)).toBeUndefined();
  });
});

describe('completePaper', () => {
  const record = { arxiv: '2503.01234', authors: ['Ada Lovelace', 'Alan Turing'], published: '2025-03-03', code: 'https://github.com/a/b' };
  it('fills missing fields only, an empty author list counting as missing', () => {
    const { data, changed } = completePaper(paper({ published: '2025-03-01', links: { project: 'https://x.org' } }), record, false);
    expect(changed).toEqual(['arxiv', 'authors', 'links.code']);
    expect(data).toMatchObject({
      title: 'A Paper',
      arxiv: '2503.01234',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published: '2025-03-01',
      links: { project: 'https://x.org', code: 'https://github.com/a/b' },
    });
  });
  it('replaces differing fields with force, never the arXiv id a paper has, and reports nothing when all agree', () => {
    const have = paper({ arxiv: '2503.01234v2', authors: ['A. Lovelace'], published: '2025-03-03' });
    expect(completePaper(have, record, true).changed).toEqual(['authors', 'links.code']);
    expect(completePaper(have, record, true).data.arxiv).toBe('2503.01234v2');
    const done = completePaper(have, record, true).data;
    expect(completePaper(done, record, true).changed).toEqual([]);
  });
});

describe('parseMetadataFile', () => {
  it('reads the seed metadata file, nulls as unknown, and names a bad record', () => {
    const records = parseMetadataFile(readFileSync(path.join(ROOT, 'tests/fixtures/seed/seed-metadata.json'), 'utf8'), 'seed.json');
    expect(records).toHaveLength(75);
    expect(records.filter((r) => r.arxiv !== undefined)).toHaveLength(74);
    expect(records.filter((r) => r.authors !== undefined)).toHaveLength(73);
    expect(() => parseMetadataFile('{"papers": [{"title": 3}]}', 'm.json')).toThrow('m.json: paper 1: title must be a string or null');
    expect(() => parseMetadataFile('{"nope": 1}', 'm.json')).toThrow('m.json: expected a list of papers');
  });
});

// A local stand-in for arXiv's query API, serving the recorded TidalDecode entry.
let server: Server;
let endpoint: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list') ?? '';
    requests.push(id);
    if (id === '2410.05076') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(readFileSync(path.join(ROOT, 'tests/fixtures/arxiv/tidaldecode.xml')));
    } else {
      res.writeHead(503);
      res.end('Service Unavailable');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});
afterAll(() => server.close());

describe('npm run complete', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const env = () => ({
    PAPERSHELF_CONTENT: dir,
    PAPERSHELF_ARXIV_API: endpoint,
    PAPERSHELF_ARXIV_PAUSE_MS: '0',
    PAPERSHELF_HTTP_RETRY_MS: '10',
  });
  const run = (...args: string[]) => runMain(complete, args, env());
  const metadata = (records: unknown[]) => {
    const file = path.join(dir, '..', `${path.basename(dir)}-metadata.json`);
    writeFileSync(file, JSON.stringify({ about: 'test', papers: records }));
    return file;
  };
  const ABSTRACT = 'An abstract with *markdown*, kept   byte for byte.\n\nA second paragraph.\n';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'papershelf-complete-'));
    requests.length = 0;
    write('2025-03-17/sparse-routing.md', `---\ntitle: "Sparse Routing"\ntags: ["attention"]\n---\n\n${ABSTRACT}`);
    write('2025-03-17/2410.05076.md', `---\ntitle: "TidalDecode"\narxiv: "2410.05076"\n---\n\n${ABSTRACT}`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fills missing fields from a file, keeps the title and the abstract, passes check, and changes nothing when run again', async () => {
    const file = metadata([
      {
        title: 'SPARSE ROUTING',
        arxiv: '2503.01234',
        authors: ['Ada Lovelace'],
        published: '2025-03-03',
        code: 'https://github.com/a/b',
        sources: ['x'],
      },
      { title: 'Another title for it', arxiv: '2410.05076', authors: ['Lijie Yang'] },
    ]);
    const result = await run('--from', file);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 papers: 2 completed, 0 already complete');
    expect(read('2025-03-17/sparse-routing.md')).toBe(
      `---\ntitle: "Sparse Routing"\nauthors:\n  - "Ada Lovelace"\narxiv: "2503.01234"\npublished: "2025-03-03"\nlinks:\n  code: "https://github.com/a/b"\ntags: ["attention"]\n---\n\n${ABSTRACT}`,
    );
    expect(read('2025-03-17/2410.05076.md')).toContain('title: "TidalDecode"\nauthors:\n  - "Lijie Yang"\narxiv: "2410.05076"\n');
    expect((await runMain(checkMain, ['--no-cache'], { PAPERSHELF_CONTENT: dir })).status).toBe(0);
    const before = read('2025-03-17/sparse-routing.md');
    expect((await run('--from', file)).stdout).toContain('2 papers: 0 completed, 2 already complete');
    expect(read('2025-03-17/sparse-routing.md')).toBe(before);
  });

  it('replaces a field the paper has only with --force, and writes nothing with --dry-run', async () => {
    write('2025-03-17/2410.05076.md', `---\ntitle: "TidalDecode"\nauthors: ["L. Yang"]\narxiv: "2410.05076"\n---\n\n${ABSTRACT}`);
    const file = metadata([{ arxiv: '2410.05076', authors: ['Lijie Yang'] }]);
    expect((await run('--from', file)).stdout).toContain('0 completed, 1 already complete');
    expect((await run('--from', file, '--force', '--dry-run')).stdout).toContain('completed  ');
    expect(read('2025-03-17/2410.05076.md')).toContain('["L. Yang"]');
    await run('--from', file, '--force');
    expect(read('2025-03-17/2410.05076.md')).toContain('authors:\n  - "Lijie Yang"');
  });

  it('leaves a paper that check would refuse as it is, printing the line check prints', async () => {
    const file = metadata([{ arxiv: '2410.05076', published: '2025-04-01' }]);
    const before = read('2025-03-17/2410.05076.md');
    const result = await run('--from', file);
    expect(result.status).toBe(1);
    const shown = path.relative(process.cwd(), path.join(dir, '2025-03-17/2410.05076.md'));
    expect(result.stderr).toContain(
      `${shown}:4:1 published: 2025-04-01 is after the listing day 2025-03-17 (the folder): a paper cannot be listed before it is published`,
    );
    expect(read('2025-03-17/2410.05076.md')).toBe(before);
  });

  it("completes from arXiv's API the papers that have an arXiv id, and stops on a failure with nothing changed", async () => {
    const result = await run('--arxiv');
    expect(result.status, result.stderr).toBe(0);
    expect(requests).toEqual(['2410.05076']);
    const text = read('2025-03-17/2410.05076.md');
    expect(text).toContain('authors:\n  - "Lijie Yang"');
    expect(text).toContain('published: "2024-10-07"\ncategory: "cs.LG"');
    expect(text).toContain('title: "TidalDecode"');
    expect(text.endsWith(`---\n\n${ABSTRACT}`)).toBe(true);
    write('2025-03-17/2503.50300.md', `---\ntitle: "Down"\narxiv: "2503.50300"\n---\n\n${ABSTRACT}`);
    const failed = await run('--arxiv', '--force');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('No file was changed.');
  });

  it('explains its usage', async () => {
    expect((await run()).status).toBe(2);
    expect((await run('--help')).stdout).toContain('Usage: npm run complete -- --from FILE [options]');
  });
});
