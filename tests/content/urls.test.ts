import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseAbstract, renderAbstract } from '../../src/content/markdown.ts';
import { splitMath } from '../../src/content/math/split.ts';
import { textToMarkdown } from '../../src/content/paper-file.ts';
import { findUrls } from '../../src/content/urls.ts';
import { attr, dom, select, text } from '../support/html.ts';

/**
 * The abstracts of `../shared/corpus/arxiv-5k.jsonl.gz` that hold an address (1,000-odd real
 * abstracts, whitespace collapsed, nothing else changed), kept beside the tests so that they run
 * on any clone.
 */
const CORPUS = gunzipSync(readFileSync(path.join(import.meta.dirname, '../fixtures/corpus/abstracts-with-urls.jsonl.gz')))
  .toString('utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { arxiv: string; abstract: string });

/** The links of an abstract as a paper page shows it, after an importer wrote it as a paper file. */
function pageLinks(abstract: string): string[] {
  const html = renderAbstract(parseAbstract(textToMarkdown(abstract)));
  return select(dom(`<div>${html}</div>`), 'a').map((a) => attr(a, 'href') ?? '');
}

/**
 * What the author wrote as each address outside math, read by hand's rules: it runs to white space,
 * a bracket, a brace, a quote or a backslash; sentence punctuation at its end, and a `)` it did not
 * open, close the sentence rather than the address.
 */
function writtenUrls(abstract: string): string[] {
  return splitMath(abstract).flatMap((part) => {
    if (part.kind !== 'text') {
      return [];
    }
    return [...part.text.replace(/\\\$/g, '$').matchAll(/https?:\/\/[^\s[\]{}\\<>"]+/g)].map((m) => {
      let url = m[0];
      for (;;) {
        const trimmed = url.replace(/[.,;:!?'”’]+$/, '');
        const opened = trimmed.split('(').length;
        const closed = trimmed.split(')').length;
        url = trimmed.endsWith(')') && closed > opened ? trimmed.slice(0, -1) : trimmed;
        if (url === trimmed) {
          return url;
        }
      }
    });
  });
}

describe('findUrls', () => {
  it('ends an address at a square bracket, so a markdown link written as text gives two whole addresses', () => {
    expect(findUrls('Code: [https://github.com/x/y](https://github.com/x/y).').map((u) => u.url)).toEqual([
      'https://github.com/x/y',
      'https://github.com/x/y',
    ]);
  });
  it('keeps a parenthesis the address opened and drops one it did not', () => {
    expect(
      findUrls('at PaddleOCR(https://github.com/PaddlePaddle/PaddleOCR) and https://en.wikipedia.org/wiki/Rust_(language).').map(
        (u) => u.url,
      ),
    ).toEqual(['https://github.com/PaddlePaddle/PaddleOCR', 'https://en.wikipedia.org/wiki/Rust_(language)']);
  });
});

describe('renderAbstract on real abstracts', () => {
  it('holds the real abstracts with addresses', () => {
    expect(CORPUS.length).toBeGreaterThan(800);
  });

  it('links every address of 1,000-odd real abstracts to exactly what its author wrote', () => {
    const wrong: string[] = [];
    let links = 0;
    for (const { arxiv, abstract } of CORPUS) {
      const expected = writtenUrls(abstract);
      const got = pageLinks(abstract);
      links += got.length;
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        wrong.push(`${arxiv}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
      }
      for (const href of got) {
        if (!abstract.includes(href)) {
          wrong.push(`${arxiv}: ${href} is not in the abstract`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(links).toBeGreaterThan(1000);
  });

  it('links a markdown link that an abstract holds as text to its address, not to "…](…)"', () => {
    const abstract = 'Code is at [https://github.com/x/y](https://github.com/x/y).';
    expect(pageLinks(abstract)).toEqual(['https://github.com/x/y', 'https://github.com/x/y']);
    // The same link written as markdown by a contributor is one link.
    const html = renderAbstract(parseAbstract(abstract));
    expect(select(dom(`<div>${html}</div>`), 'a').map((a) => [attr(a, 'href'), text(a)])).toEqual([
      ['https://github.com/x/y', 'https://github.com/x/y'],
    ]);
  });
});
