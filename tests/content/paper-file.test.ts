import { describe, expect, it } from 'vitest';
import { parseAbstract, toPlainText } from '../../src/content/markdown.ts';
import { readPaperFile, setVotesLine, textToMarkdown, writePaperFile } from '../../src/content/paper-file.ts';
import { PAPER_FIELDS, type PaperData, PaperSchema } from '../../src/content/paper-schema.ts';

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
  it('writes every field of the schema, in its order, and reads each back as written', () => {
    // Every field set (a field added to the schema is missing here, and TypeScript says so).
    const every: Required<PaperData> = {
      title: 'Reasoning: How <SEG> "Tokens" Work',
      authors: ['Łukasz Kaiser', 'Ada Lovelace'],
      arxiv: '2401.10000v2',
      published: '2024-01-18',
      category: 'cs.CL',
      comment: '18 pages, 6 figures; accepted at ICLR 2025',
      journal: 'Phys. Rev. D 76, 013009 (2007)',
      submitted_by: '@octocat',
      summary: 'A one-line summary: with a colon, and "quotes".',
      summary_source: 'huggingface',
      links: { pdf: 'https://arxiv.org/pdf/2401.10000', code: 'https://github.com/rui-qian/READ' },
      tags: ['vision', 'reasoning'],
      votes: 3,
      hf_upvotes: 41,
    };
    expect(Object.keys(every).sort()).toEqual([...PAPER_FIELDS].sort());
    const text = writePaperFile(every, 'Body.');
    const read = readPaperFile(text).data;
    expect(read).toEqual(every);
    // In the schema's order, and valid.
    expect(Object.keys(read)).toEqual(PAPER_FIELDS);
    expect(PaperSchema.parse(read)).toEqual(every);
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

describe('setVotesLine', () => {
  const file = '---\ntitle: "T"\nvotes: 3 # by hand\nhf_upvotes: 12\n---\n\nvotes: 3 in the abstract stays.\n';
  it('changes the number on the votes: line and nothing else', () => {
    expect(setVotesLine(file, 15)).toBe(file.replace('votes: 3 # by hand', 'votes: 15 # by hand'));
    expect(readPaperFile(setVotesLine(file, 0)).data).toEqual({ title: 'T', votes: 0, hf_upvotes: 12 });
  });
  it('adds a votes: line before the closing --- when there is none, keeping CRLF line ends', () => {
    expect(setVotesLine('---\ntitle: "T"\n---\n\nA.\n', 2)).toBe('---\ntitle: "T"\nvotes: 2\n---\n\nA.\n');
    expect(setVotesLine('---\r\ntitle: "T"\r\n---\r\n\r\nA.\r\n', 2)).toBe('---\r\ntitle: "T"\r\nvotes: 2\r\n---\r\n\r\nA.\r\n');
  });
  it('refuses what it cannot change by one number', () => {
    expect(() => setVotesLine('---\ntitle: "T"\nvotes: "3"\n---\n', 1)).toThrow('line 3: the votes: value is not a plain number');
    expect(() => setVotesLine('---\nvotes: 1\nvotes: 2\n---\n', 1)).toThrow('more than one votes: line');
    expect(() => setVotesLine('title: "T"\n', 1)).toThrow('does not start with front matter');
    expect(() => setVotesLine('---\ntitle: "T"\n', 1)).toThrow('no closing ---');
    expect(() => setVotesLine(file, -1)).toThrow('whole number');
  });
});
