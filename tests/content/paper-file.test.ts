import { describe, expect, it } from 'vitest';
import { parseAbstract, toPlainText } from '../../src/content/markdown.ts';
import { readPaperFile, textToMarkdown, writePaperFile } from '../../src/content/paper-file.ts';

describe('writePaperFile', () => {
  it('writes quoted YAML that reads back to the same values', () => {
    const fields = {
      title: 'Reasoning: How <SEG> "Tokens" Work',
      authors: ['Łukasz Kaiser'],
      arxiv: '2401.10000',
      published: '2025-03-17',
      links: { code: 'https://github.com/rui-qian/READ' },
      tags: ['vision'],
      votes: 3,
    };
    const text = writePaperFile(fields, 'Body.');
    expect(text).toContain('arxiv: "2401.10000"');
    expect(readPaperFile(text).data).toEqual(fields);
  });
  it('omits empty optional fields', () => {
    expect(writePaperFile({ title: 'T', authors: [], tags: [], votes: 0, links: {} }, 'A.')).toBe('---\ntitle: "T"\n---\n\nA.\n');
  });
});

describe('textToMarkdown', () => {
  it('escapes text so that it renders back to itself', () => {
    const text = 'Rely on <SEG> *tokens* [x](y) `z` 50% # not a heading\n\n1. not a list';
    expect(toPlainText(parseAbstract(textToMarkdown(text)))).toBe(text);
  });
});

describe('readPaperFile', () => {
  it('reports where the body starts', () => {
    expect(readPaperFile('---\ntitle: "T"\n---\n\nBody.\n')).toEqual({ data: { title: 'T' }, body: '\nBody.\n', bodyLine: 4 });
  });
  it('refuses JavaScript and TOML front matter without running it', () => {
    expect(() => readPaperFile('---js\n{title: (()=>{throw new Error("ran")})()}\n---\nx')).toThrow(/not allowed/);
    expect(() => readPaperFile('---javascript\n{}\n---\nx')).toThrow(/not allowed/);
    expect(() => readPaperFile('+++\ntitle = "T"\n+++\nx')).toThrow(/TOML front matter \(\+\+\+\) is not allowed/);
  });
});
