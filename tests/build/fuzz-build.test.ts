import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSite, readOut, tempDir } from '../support/build.ts';
import { dom, type HtmlNode, select, text } from '../support/html.ts';
import { mutatedPaper } from '../support/mutations.ts';
import { ROOT, runScript } from '../support/run.ts';

const FIXTURE = path.join(ROOT, 'tests/fixtures/site/papers');
const SAMPLES = 60;

describe('mutated papers in a real build', () => {
  it('are each refused with file, line and field, and the rest build, verified and indexed', () => {
    const dir = tempDir('papershelf-fuzz-');
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(path.join(dir, '2025-03-17'));
    const samples = fc.sample(mutatedPaper, { seed: 42, numRuns: SAMPLES });
    // Distinct titles and arXiv ids, so that samples are not refused only as copies of each other.
    samples.forEach((text, i) => {
      const n = String(i).padStart(2, '0');
      const unique = text.replace('Sparse Attention at Scale', `Sparse Attention at Scale ${n}`).replace('"2503.01234"', `"2503.100${n}"`);
      writeFileSync(path.join(dir, '2025-03-17', `fuzz-${n}.md`), unique);
    });

    const check = runScript('check.ts', [], { PAPERSHELF_CONTENT: dir });
    const lines = check.stderr.trim().split('\n');
    const summary = lines.pop() ?? '';
    expect(summary).toMatch(/^\d+ files checked, \d+ problems?$/);
    const refused = new Set<string>();
    for (const line of lines) {
      // Every line is a located problem, never a stack trace or a crash.
      const match = /^(\S+?\.md):(\d+):(\d+) ([^:\s]+(?: matter)?): \S/.exec(line);
      expect(match, line).not.toBeNull();
      refused.add(path.basename(match?.[1] ?? ''));
    }
    expect(refused.size).toBeGreaterThan(0);
    for (const name of refused) {
      rmSync(path.join(dir, '2025-03-17', name));
    }
    const kept = readdirSync(path.join(dir, '2025-03-17'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length + refused.size).toBe(SAMPLES);

    const build = buildSite({ content: dir });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain(`search index: ${kept.length + 6} paper pages in 1 shard; indexed live`);
    for (const name of kept) {
      const page = readOut(build, `papers/${name.replace(/\.md$/, '')}/index.html`);
      // The abstract is there, as paragraphs of text.
      const abstract = select(dom(page), 'div.abstract__text')[0];
      expect(abstract?.childNodes?.[0]?.nodeName, name).toBe('p');
      expect(text(abstract as HtmlNode).trim().length, name).toBeGreaterThan(0);
    }
  });
});
