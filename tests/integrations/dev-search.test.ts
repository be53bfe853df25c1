import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIndex, indexMiddleware } from '../../src/integrations/dev-search.ts';

const work = mkdtempSync(path.join(tmpdir(), 'papershelf-dev-search-'));
const index = path.join(work, 'dist/pagefind');
let server: Server;
let url = '';

beforeAll(async () => {
  mkdirSync(index, { recursive: true });
  writeFileSync(path.join(index, 'pagefind.js'), 'export const ok = 1;');
  writeFileSync(path.join(work, 'dist/secret.txt'), 'not part of the index');
  const serve = indexMiddleware(index, '/shelf/pagefind/');
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.writeHead(404);
      res.end('dev server');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

describe('indexMiddleware', () => {
  it("serves the last build's index files under the site's Pagefind path", async () => {
    const response = await fetch(`${url}/shelf/pagefind/pagefind.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export const ok = 1;');
  });
  it('passes on other paths, missing files and anything outside the index', async () => {
    for (const pathname of ['/shelf/search/', '/shelf/pagefind/missing.js', '/shelf/pagefind/%2e%2e/secret.txt', '/pagefind/pagefind.js']) {
      const response = await fetch(`${url}${pathname}`);
      expect(await response.text(), pathname).toBe('dev server');
    }
  });
});

describe('describeIndex', () => {
  it('says when there is no index yet, and what to run', () => {
    expect(describeIndex(path.join(work, 'nowhere'))).toMatch(/^search: no index yet in .*: run npm run build once/);
  });
  it('names how many papers the index holds', () => {
    writeFileSync(path.join(index, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { page_count: 75 } } }));
    expect(describeIndex(index)).toMatch(/^search: serving the last build's index \(75 papers, /);
    // The shards of earlier periods count too.
    mkdirSync(path.join(index, 'shards/archive'), { recursive: true });
    writeFileSync(path.join(index, 'shards/archive/pagefind-entry.json'), JSON.stringify({ languages: { en: { page_count: 25 } } }));
    expect(describeIndex(index)).toMatch(/^search: serving the last build's index \(100 papers, /);
  });
});
