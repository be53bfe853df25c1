import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPaperPath, checkPaperSource } from '../../src/lib/validate.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

// One bad file per rule, each with the exact line `npm run check` prints for it.
const EXPECTED: Record<string, string[]> = {
  'authors-string.md': ['authors-string.md:3:1 authors: must be a list of names, but YAML read the string "Ada Lovelace, Alan Turing"'],
  'bad-arxiv.md': ['bad-arxiv.md:3:1 arxiv: must be an arXiv id such as "2503.01234", "2503.01234v2" or "hep-ex/0307015"'],
  'bom.md': ['bom.md:1:1 file: starts with a byte-order mark: save as UTF-8 without BOM'],
  'duplicate-key.md': ['duplicate-key.md:3:1 front matter: duplicated mapping key'],
  'empty-body.md': ['empty-body.md:4:1 body: the abstract (the text after the front matter) is empty'],
  'image.md': ['image.md:5:13 body: images are not allowed in abstracts'],
  'impossible-date.md': ['impossible-date.md:3:1 published: must be a calendar day written "YYYY-MM-DD"'],
  'js-front-matter.md': ['js-front-matter.md:1:1 front matter: front matter must be YAML: "---js" is not allowed'],
  'js-link.md': ['js-link.md:5:7 body: link "JaVaScRiPt:alert(1)" must be an absolute http(s) URL'],
  'link-scheme.md': ['link-scheme.md:4:3 links.code: must be an absolute http:// or https:// URL'],
  'missing-title.md': ['missing-title.md:2:1 title: is required'],
  'negative-votes.md': ['negative-votes.md:3:1 votes: must be ≥ 0'],
  'no-front-matter.md': ['no-front-matter.md:1:1 front matter: the file must start with YAML front matter between --- lines'],
  'raw-html.md': [
    'raw-html.md:5:3 body: raw HTML "<script>" is not allowed: write \\< for a literal <',
    'raw-html.md:5:19 body: raw HTML "</script>" is not allowed: write \\< for a literal <',
  ],
  'string-votes.md': ['string-votes.md:3:1 votes: must be a whole number ≥ 0, but YAML read the string "12"'],
  'tag-case.md': ['tag-case.md:5:5 tags.1: must be a lowercase slug such as "vision-language"'],
  'unknown-field.md': ['unknown-field.md:3:1 titel: unknown field "titel"'],
  'unknown-link.md': [
    'unknown-link.md:4:3 links.cdoe: unknown link kind "cdoe": use one of pdf, html, code, mirror, project, dataset, demo, video, slides, blog',
  ],
  'unquoted-arxiv.md': [
    'unquoted-arxiv.md:3:1 arxiv: must be a quoted string such as "2503.01234", but YAML read the number 2401.1: put the value in quotes',
  ],
  'unquoted-date.md': [
    'unquoted-date.md:3:1 published: must be a quoted string such as "2025-03-17", but YAML read a YAML timestamp: put the value in quotes',
  ],
};

describe('checkPaperSource', () => {
  it('has an expectation for every invalid fixture', () => {
    expect(readdirSync(new URL('../fixtures/invalid/', import.meta.url)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, lines] of Object.entries(EXPECTED)) {
    it(`refuses ${name} with the exact message`, () => {
      expect(checkPaperSource(fixture(`invalid/${name}`), name)).toEqual(lines);
    });
  }

  it('never evaluates JavaScript front matter', () => {
    // The fixture's front matter throws "evaluated" if run; the message must be the refusal.
    expect(checkPaperSource(fixture('invalid/js-front-matter.md'), 'x.md').join('\n')).not.toContain('evaluated');
  });

  it('reports every problem of a file at once, in line order', () => {
    const source = '---\ntitel: "x"\narxiv: 2401.10000\nvotes: -1\n---\n\nA <b>bold</b> claim.\n';
    expect(checkPaperSource(source, 'p.md')).toEqual([
      'p.md:2:1 title: is required',
      'p.md:2:1 titel: unknown field "titel"',
      'p.md:3:1 arxiv: must be a quoted string such as "2503.01234", but YAML read the number 2401.1: put the value in quotes',
      'p.md:4:1 votes: must be ≥ 0',
      'p.md:7:3 body: raw HTML "<b>" is not allowed: write \\< for a literal <',
      'p.md:7:10 body: raw HTML "</b>" is not allowed: write \\< for a literal <',
    ]);
  });

  it('accepts valid papers', () => {
    expect(checkPaperSource(fixture('valid/full.md'), 'full.md')).toEqual([]);
    expect(checkPaperSource(fixture('valid/minimal.md'), 'minimal.md')).toEqual([]);
  });

  it('refuses prototype keys smuggled through a YAML merge key', () => {
    expect(checkPaperSource('---\ntitle: "x"\n<<: {__proto__: {polluted: 1}}\n---\n\nA.\n', 'm.md')).toEqual([
      'm.md:2:1 __proto__: unknown field "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkPaperPath', () => {
  it('accepts <day>/<id>.md, including arXiv ids with a dot', () => {
    expect(checkPaperPath('2025-03-17/2503.01234.md')).toEqual([]);
    expect(checkPaperPath('2025-03-17/tidaldecode-fast-decoding.md')).toEqual([]);
  });
  it('refuses impossible days, bad names and other extensions', () => {
    expect(checkPaperPath('2024-02-30/x.md').map((p) => p.message)).toEqual([
      'the folder "2024-02-30" must be a listing day written YYYY-MM-DD that exists on the calendar',
    ]);
    expect(checkPaperPath('2025-03-17/My Paper.md').map((p) => p.message)).toEqual([
      'the file name "My Paper.md" must be lowercase letters and digits joined by "-" or "." (e.g. 2503.01234.md)',
    ]);
    expect(checkPaperPath('2025-03-17/x.markdown').map((p) => p.message)).toEqual([
      'paper files must be named <id>.md, in lowercase (other files do not belong here)',
    ]);
    expect(checkPaperPath('2025-03-17/X.MD').map((p) => p.message)).toEqual([
      'paper files must be named <id>.md, in lowercase (other files do not belong here)',
    ]);
    expect(checkPaperPath('stray.md').map((p) => p.message)).toEqual([
      'a paper must be at <YYYY-MM-DD>/<id>.md, directly inside a listing-day folder',
    ]);
  });
});
