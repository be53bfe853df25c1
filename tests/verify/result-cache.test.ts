import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/lib/node/hash.ts';
import { ResultCache } from '../../src/verify/result-cache.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-cache-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ResultCache', () => {
  it('gives back what the last run saved, and keeps only what this run used or set', () => {
    const file = path.join(dir, 'a', 'cache.json');
    const first = new ResultCache<number>(file, 'v1');
    first.set('x', 1);
    first.set('y', 2);
    first.save(['shared']);
    const second = new ResultCache<number>(file, 'v1');
    expect(second.loaded).toBe(2);
    expect(second.table).toEqual(['shared']);
    expect(second.get('x')).toBe(1);
    second.set('z', 3);
    second.save();
    const third = new ResultCache<number>(file, 'v1');
    expect([third.get('x'), third.get('y'), third.get('z')]).toEqual([1, undefined, 3]);
  });
  it('ignores a cache written by other code, and a truncated file', () => {
    const file = path.join(dir, 'b.json');
    const old = new ResultCache<number>(file, 'v1');
    old.set('x', 1);
    old.save();
    expect(new ResultCache<number>(file, 'v2').get('x')).toBeUndefined();
    writeFileSync(file, '{"version":"v1","entr');
    expect(new ResultCache<number>(file, 'v1').loaded).toBe(0);
  });
  it('leaves the file alone when a run used every entry and set none, and rewrites it when one is dropped', () => {
    const file = path.join(dir, 'd.json');
    const first = new ResultCache<number>(file, 'v1');
    first.set('x', 1);
    first.set('y', 2);
    first.save();
    // A mark that any rewrite would remove (the file stays valid JSON).
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    const same = new ResultCache<number>(file, 'v1');
    same.get('x');
    same.get('y');
    same.save();
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    const fewer = new ResultCache<number>(file, 'v1');
    fewer.get('x');
    fewer.save();
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(false);
    expect(new ResultCache<number>(file, 'v1').loaded).toBe(1);
  });
  it('writes atomically: no temporary file is left behind', () => {
    const file = path.join(dir, 'c.json');
    new ResultCache<number>(file, 'v1').save();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 'v1', table: [], entries: {} });
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });
});

describe('contentHash', () => {
  it('tells apart parts that join to the same text', () => {
    expect(contentHash('ab', 'c')).not.toBe(contentHash('a', 'bc'));
    expect(contentHash('a', new TextEncoder().encode('b'))).toBe(contentHash('a', 'b'));
  });
});
