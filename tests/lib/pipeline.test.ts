import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.ts';

// Astro's default Markdown engine passes raw HTML through. Abstracts must only ever reach a page
// through src/lib/markdown.ts (the allow-list renderer), so nothing in the site may ask Astro to
// render an entry's body.
describe('the rendering pipeline', () => {
  const sources = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));

  it('never renders entries with Astro: no render(), <Content />, or set:html of anything but the sanitized abstract, title and JSON-LD', () => {
    const files = sources('src');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(
        /\brender\s*\(\s*(entry|paper|post)|import\s*\{[^}]*\brender\b[^}]*\}\s*from\s*'astro:content'|<Content\b/,
      );
      for (const [, expression] of text.matchAll(/set:html=\{([^}]*)\}/g))
        expect(['paper.abstractHtml', 'paper.titleHtml', 'scholarlyArticleJson(citation)'], file).toContain(expression);
    }
  });

  it('has exactly one caller of getCollection', () => {
    const callers = sources('src').filter((f) => readFileSync(f, 'utf8').includes('getCollection('));
    expect(callers.map((f) => path.relative(ROOT, f))).toEqual(['src/data/papers.ts']);
  });
});
