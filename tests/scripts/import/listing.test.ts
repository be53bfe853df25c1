import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLinks, parseListing } from '../../../scripts/import/listing.ts';

// The real Daily Papers listing of Mar 17 (a copy of shared/seed/000_4a4f9da25330383e.txt).
const SEED = readFileSync(new URL('../../fixtures/listings/daily-papers-mar-17.txt', import.meta.url), 'utf8');
const listing = parseListing(SEED);
const byTitle = (start: string) => {
  const paper = listing.papers.find((p) => p.title.startsWith(start));
  if (paper === undefined) {
    throw new Error(`no paper titled ${start}…`);
  }
  return paper;
};

describe('parseListing on the Mar 17 seed', () => {
  it('skips the page chrome and reads the date line', () => {
    expect(listing.dateLine).toEqual({ text: 'Mar 17', line: 9 });
    expect(listing.problems).toEqual([]);
  });

  it('reads all 75 papers in page order, with their line numbers', () => {
    expect(listing.papers).toHaveLength(75);
    expect(listing.papers[0]?.title).toBe(
      'Fixing Imbalanced Attention to Mitigate In-Context Hallucination of Large Vision-Language Model',
    );
    expect(listing.papers[0]?.line).toBe(11);
    expect(listing.papers.at(-1)?.title).toBe(
      'SkipDecode: Autoregressive Skip Decoding with Batching and Caching for Efficient LLM Inference',
    );
    expect(new Set(listing.papers.map((p) => p.title)).size).toBe(75);
  });

  it('resolves LaTeX escapes', () => {
    expect(listing.papers[0]?.abstract).toContain('reduces hallucination rates by up to 62.3% compared to baseline models');
    expect(byTitle('Turning Trash into Treasure').abstract).toContain('requires <2MB of additional storage');
    expect(byTitle('Turning Trash into Treasure').abstract).toContain('by 30% and even a training method by 25%.');
    expect(byTitle('LANTERN').abstract).toContain('compared to a naïve application');
    expect(byTitle('Beyond Next-Token').abstract).toContain('(e.g., DINOv2)');
    expect(byTitle('Critical Tokens Matter').abstract).toContain('“critical tokens”');
    expect(byTitle('Tokenization Standards').abstract).toContain('(%TR), and token purity');
    for (const paper of listing.papers) {
      expect(paper.abstract, paper.title).not.toMatch(/\\[%_&#]|\\textless|\\"|``/);
    }
  });

  it('cuts trailing punctuation off URLs', () => {
    expect(byTitle('ShowUI').links).toEqual({ code: 'https://github.com/showlab/ShowUI' });
    expect(byTitle('IDEAL').links).toEqual({ project: 'https://skzhang1.github.io/IDEAL/' });
    expect(byTitle('Less is more: Summarizing').links).toEqual({ code: 'https://github.com/tdemin16/multi-lane' });
  });

  it('cleans a URL glued to a \\href{…}{…} remnant and keeps the sentence', () => {
    const strip = byTitle('Strip-MLP');
    expect(strip.links).toEqual({ code: 'https://github.com/Med-Process/Strip_MLP' });
    expect(strip.abstract).not.toMatch(/[{}\\~]/);
    expect(
      strip.abstract.endsWith('+2.16% on CIFAR-100. The source codes will be available at https://github.com/Med-Process/Strip_MLP.'),
    ).toBe(true);
  });

  it('keeps every sentence that names a URL, and copies the URL into links', () => {
    const withLinks = listing.papers.filter((p) => Object.keys(p.links).length > 0);
    expect(withLinks).toHaveLength(21);
    for (const paper of withLinks) {
      for (const url of Object.values(paper.links)) {
        expect(paper.abstract, paper.title).toContain(url);
      }
    }
    expect(byTitle('Less is More: Focus Attention').links).toEqual({
      code: 'https://github.com/huawei-noah/noah-research/tree/master/Focus-DETR',
      mirror: 'https://gitee.com/mindspore/models/tree/master/research/cv/Focus-DETR',
    });
    expect(byTitle('Less is More: Focus Attention').abstract).toMatch(
      /achieving 50\.4AP \(\+2\.2\) on COCO\. The code is available at https:\/\/github\.com\/huawei-noah\/noah-research\/tree\/master\/Focus-DETR and https:\/\/gitee\.com\/mindspore\/models\/tree\/master\/research\/cv\/Focus-DETR\.$/,
    );
    expect(
      byTitle('Reasoning to Attend').abstract.endsWith('All codes and models are publicly available at https://github.com/rui-qian/READ.'),
    ).toBe(true);
  });

  it('keeps the sentences that carry information besides a URL', () => {
    const texts = listing.papers.map((p) => p.abstract).join('\n');
    expect(texts).toContain(
      'We open-source our trained data selection scorer along with the curated datasets at https://github.com/hkust-nlp/PreSelect.',
    );
    expect(texts).toContain('The models are available at https://github.com/showlab/ShowUI.');
    expect(texts).toContain('Dataset and code are in https://github.com/VisionXLab/LRS-VQA.');
  });

  it('loses no word of the dump: every abstract is the dump line with only LaTeX and spacing cleaned', () => {
    const words = (text: string) => text.match(/[A-Za-z]{4,}/g) ?? [];
    const lines = SEED.split('\n');
    for (const paper of listing.papers) {
      const source = lines[paper.line + 1] ?? '';
      // The \href remnant repeats its URL: its words appear once in the abstract, not twice.
      // The only words that may go are TeX stripped of its backslash and restored as a symbol
      // (repairStrippedTex): a factor's "times" (1.75times → 1.75×), "ktimes" and "kleq".
      const stripped = source.replace(/(?<=\d)times\b|\bktimes\b|\bkleq\b/g, ' ');
      const expected = words(stripped.replace(/\{https?:[^\s]*/g, '').replace(/\\[A-Za-z]+/g, ''));
      expect(words(paper.abstract), paper.title).toEqual(expected);
    }
  });

  it('keeps text such as <SEG> as text', () => {
    const read = byTitle('Reasoning to Attend');
    expect(read.title).toBe('Reasoning to Attend: Try to Understand How <SEG> Token Works');
    expect(read.abstract).toContain('typically rely on <SEG> tokens as a text prompt');
    expect(read.abstract.match(/<SEG>/g)).toHaveLength(5);
  });

  it('keeps tildes that are not LaTeX spaces', () => {
    expect(byTitle('Turning Trash into Treasure').abstract).not.toContain('~');
    expect(listing.papers.some((p) => p.abstract.includes('1.8~2.01x'))).toBe(true);
  });
});

describe('parseListing on broken input', () => {
  it('reports a dump without a date line', () => {
    expect(parseListing('new\n\nSubscribe\n').problems).toEqual([
      { line: 1, message: 'no date line such as "Mar 17" found: is this a Daily Papers listing?' },
    ]);
  });
  it('reports a title without an abstract, keeping the papers before it', () => {
    const result = parseListing('Mar 17\n\nTitle one\n\nAbstract one.\n\nLonely title\n');
    expect(result.papers.map((p) => p.title)).toEqual(['Title one']);
    expect(result.problems).toEqual([{ line: 7, message: 'title "Lonely title" has no abstract line after it' }]);
  });
  it('accepts CRLF line endings and a byte-order mark', () => {
    const result = parseListing('\uFEFFMar 17\r\n\r\nA title\r\n\r\nAn abstract.\r\n');
    expect(result.papers).toEqual([{ line: 3, title: 'A title', abstract: 'An abstract.', links: {} }]);
  });
});

describe('extractLinks', () => {
  it('keeps a one-sentence abstract that ends in two URLs, and copies both', () => {
    const text = 'We release a project page at https://example.org/project/, plus a repository at https://github.com/example/repo).';
    expect(extractLinks(text)).toEqual({
      text,
      links: { project: 'https://example.org/project/', code: 'https://github.com/example/repo' },
    });
  });
  it('turns a glued ~ into a space and drops the {…} remnant, keeping the full stop', () => {
    expect(extractLinks('Code at~https://github.com/a/b_c{https://github.com/a/b\\_c.')).toEqual({
      text: 'Code at https://github.com/a/b_c.',
      links: { code: 'https://github.com/a/b_c' },
    });
  });
  it('keeps a complete \\href with its label', () => {
    expect(extractLinks('See \\href{https://example.org/x}{our site}.').text).toBe('See our site (https://example.org/x).');
  });
  it('keeps a URL in the middle of the abstract as text', () => {
    const result = extractLinks('We use https://example.org/data. Results improve by 3%.');
    expect(result.text).toBe('We use https://example.org/data. Results improve by 3%.');
    expect(result.links).toEqual({ project: 'https://example.org/data' });
  });
  it('keeps a parenthesis that the URL opened', () => {
    expect(extractLinks('Code: https://en.wikipedia.org/wiki/Foo_(bar).').links).toEqual({
      project: 'https://en.wikipedia.org/wiki/Foo_(bar)',
    });
  });
  it('ignores non-http schemes', () => {
    expect(extractLinks('See javascript:alert(1) now.')).toEqual({ text: 'See javascript:alert(1) now.', links: {} });
  });
});
