import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAbstract, renderAbstract } from '../../src/content/markdown.ts';
import { readPaperFile } from '../../src/content/paper-file.ts';
import { checkPaperText, decodePaperFile, formatProblem } from '../../src/content/validate.ts';
import { scanPage } from '../../src/verify/checks.ts';
import { acceptedHostile, HOSTILE_DIR, hostileBytes, REFUSED } from '../support/hostile.ts';

const check = (name: string, bytes = hostileBytes(name)) => {
  const decoded = decodePaperFile(bytes, name);
  return [...decoded.problems, ...(decoded.text === undefined ? [] : checkPaperText(decoded.text, name, '2025-03-20'))].map(formatProblem);
};

describe('the hostile corpus', () => {
  it('is all accounted for', () => {
    expect(readdirSync(HOSTILE_DIR).length).toBe(Object.keys(REFUSED).length + acceptedHostile().length);
    expect(acceptedHostile()).toEqual([
      'arabic.md',
      'bidi-override.md',
      'chinese.md',
      'crlf.md',
      'greek.md',
      'hostile-title.md',
      'keyword-stuffing.md',
    ]);
  });

  for (const [name, lines] of Object.entries(REFUSED)) {
    it(`refuses ${name}, naming file, line and field`, () => {
      expect(check(name)).toEqual(lines);
    });
  }

  it('refuses a 5 MB abstract before parsing it', () => {
    const huge = Buffer.from(`---\ntitle: "Huge"\n---\n\n${'word '.repeat(1_000_000)}\n`);
    expect(huge.length).toBeGreaterThan(5_000_000);
    expect(check('huge.md', huge)).toEqual([`huge.md:1:1 file: is ${huge.length} bytes; a paper file may be at most 100000`]);
  });

  it('never pollutes prototypes through YAML merge keys', () => {
    check('proto-merge.md');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  for (const name of acceptedHostile()) {
    it(`accepts ${name} and renders it as text only`, () => {
      expect(check(name)).toEqual([]);
      const { body } = readPaperFile(hostileBytes(name).toString('utf8'));
      const html = renderAbstract(parseAbstract(body));
      expect(html.length).toBeGreaterThan(0);
      const page = `<!doctype html><html lang="en"><head><title>t</title></head><body><div class="abstract__text">${html}</div></body></html>`;
      expect(scanPage('p.html', page, '/', /^$/).problems).toEqual([]);
      expect(html).not.toMatch(/<(?!\/?(p|em|strong|code|pre|a|ul|ol|li|blockquote|br|hr|del)\b)/);
    });
  }
});
