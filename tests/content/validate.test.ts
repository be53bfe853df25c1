import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processPaperFile } from '../../src/content/paper-pipeline.ts';
import { checkDuplicates, checkPaperPath, checkPaperText, formatProblem } from '../../src/content/validate.ts';

/** The lines `npm run check` prints for one file's text. */
const lines = (source: string, path: string) => checkPaperText(source, path).map(formatProblem);

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
/** Checks a fixture as `npm run check` does (the paper pipeline), as if it sat in the folder 2025-03-17. */
const checkFixture = (name: string) =>
  processPaperFile(readFileSync(new URL(`../fixtures/invalid/${name}`, import.meta.url)), `2025-03-17/${name}`, name).problems.map(
    formatProblem,
  );

// One bad file per rule, each with the exact line `npm run check` prints for it.
const EXPECTED: Record<string, string[]> = {
  'authors-string.md': ['authors-string.md:3:1 authors: must be a list of names, but YAML read the string "Ada Lovelace, Alan Turing"'],
  'bad-arxiv.md': ['bad-arxiv.md:3:1 arxiv: must be an arXiv id such as "2503.01234", "2503.01234v2" or "hep-ex/0307015"'],
  'bad-category.md': [
    'bad-category.md:3:1 category: must be an arXiv category such as "cs.CL" or "hep-ex"',
    'bad-category.md:4:1 comment: must not be empty',
  ],
  'bad-hf-submitter.md': [
    'bad-hf-submitter.md:3:1 submitted_by: must be a Hugging Face account after hf:, such as "hf:akhaliq" (letters, digits, -, _ and .)',
  ],
  'summary-two-lines.md': ['summary-two-lines.md:3:1 summary: must be one line'],
  'summary-source-alone.md': [
    'summary-source-alone.md:3:1 summary_source: names where a summary comes from, but the file has no summary: add summary: or delete this line',
  ],
  'summary-source-unknown.md': ['summary-source-unknown.md:4:1 summary_source: must be one of "huggingface", "submitter"'],
  'bad-submitter.md': [
    'bad-submitter.md:3:1 submitted_by: must be a GitHub login after the @, such as "@octocat" (letters, digits and single hyphens)',
  ],
  'bom.md': ['bom.md:1:1 file: starts with a byte-order mark: save as UTF-8 without BOM'],
  'data-link.md': [
    'data-link.md:5:5 body: link "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" must be an absolute http(s) URL',
  ],
  'duplicate-key.md': ['duplicate-key.md:3:1 front matter: duplicated mapping key'],
  'empty-body.md': ['empty-body.md:4:1 body: the abstract (the text after the front matter) is empty'],
  'image.md': ['image.md:5:13 body: images are not allowed in abstracts'],
  'impossible-date.md': ['impossible-date.md:3:1 published: must be a calendar day written "YYYY-MM-DD"'],
  'js-front-matter.md': ['js-front-matter.md:1:1 front matter: front matter must be YAML: "---js" is not allowed'],
  'js-link.md': ['js-link.md:5:7 body: link "JaVaScRiPt:alert(1)" must be an absolute http(s) URL'],
  'long-abstract.md': ['long-abstract.md:5:1 body: the abstract is 10004 characters long; at most 10000 are allowed'],
  'link-scheme.md': ['link-scheme.md:4:3 links.code: must be an absolute http:// or https:// URL'],
  'missing-title.md': ['missing-title.md:2:1 title: is required'],
  'negative-votes.md': ['negative-votes.md:3:1 votes: must be ≥ 0'],
  'no-front-matter.md': ['no-front-matter.md:1:1 front matter: the file must start with YAML front matter between --- lines'],
  'not-utf8.md': ['not-utf8.md:3:15 file: is not valid UTF-8: save it as UTF-8'],
  'published-after-day.md': [
    'published-after-day.md:3:1 published: 2025-03-18 is after the listing day 2025-03-17 (the folder): a paper cannot be listed before it is published',
  ],
  'raw-html.md': [
    'raw-html.md:5:3 body: raw HTML "<script>" is not allowed: write \\< for a literal <',
    'raw-html.md:5:19 body: raw HTML "</script>" is not allowed: write \\< for a literal <',
  ],
  'slug-override.md': ['slug-override.md:3:1 slug: unknown field "slug": the id is the file name, and cannot be overridden'],
  'string-votes.md': ['string-votes.md:3:1 votes: must be a whole number ≥ 0, but YAML read the string "12"'],
  'tag-case.md': ['tag-case.md:5:5 tags.1: must be a lowercase slug such as "vision-language"'],
  'toml-front-matter.md': ['toml-front-matter.md:1:1 front matter: TOML front matter (+++) is not allowed: write YAML between --- lines'],
  'too-big.md': ['too-big.md:1:1 file: is 100031 bytes; a paper file may be at most 100000'],
  'unclosed-front-matter.md': [
    'unclosed-front-matter.md:4:1 front matter: the front matter opened on line 1 never closes: write a line "---" here, after its last field (line 3) and before the abstract',
  ],
  'unclosed-quote.md': [
    `unclosed-quote.md:2:8 title: the value's opening " is never closed: end the value with " on this line (write \\" for a " inside it)`,
  ],
  'unknown-field.md': ['unknown-field.md:3:1 titel: unknown field "titel": did you mean "title"?'],
  'unknown-link.md': [
    'unknown-link.md:4:3 links.cdoe: unknown link kind "cdoe": did you mean "code"? (use one of pdf, html, code, mirror, project, dataset, demo, video, slides, blog)',
  ],
  'unquoted-arxiv.md': [
    'unquoted-arxiv.md:3:1 arxiv: must be a quoted string such as "2503.01234", but YAML read the number 2401.1: put the value in quotes',
  ],
  'unquoted-date.md': [
    'unquoted-date.md:3:1 published: must be a quoted string such as "2025-03-17", but YAML read a YAML timestamp: put the value in quotes',
  ],
};

describe('checkPaperText, formatted', () => {
  it('has an expectation for every invalid fixture', () => {
    expect(readdirSync(new URL('../fixtures/invalid/', import.meta.url)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, lines] of Object.entries(EXPECTED)) {
    it(`refuses ${name} with the exact message`, () => {
      expect(checkFixture(name)).toEqual(lines);
    });
  }

  it('never evaluates JavaScript front matter', () => {
    // The fixture's front matter throws "evaluated" if run; the message must be the refusal.
    expect(lines(fixture('invalid/js-front-matter.md'), 'x.md').join('\n')).not.toContain('evaluated');
  });

  it('reports every problem of a file at once, in line order', () => {
    const source = '---\ntitel: "x"\narxiv: 2401.10000\nvotes: -1\n---\n\nA <b>bold</b> claim.\n';
    expect(lines(source, 'p.md')).toEqual([
      // A misspelt required field is one mistake, named with what to write.
      'p.md:2:1 titel: unknown field "titel": did you mean "title"?',
      'p.md:3:1 arxiv: must be a quoted string such as "2503.01234", but YAML read the number 2401.1: put the value in quotes',
      'p.md:4:1 votes: must be ≥ 0',
      'p.md:7:3 body: raw HTML "<b>" is not allowed: write \\< for a literal <',
      'p.md:7:10 body: raw HTML "</b>" is not allowed: write \\< for a literal <',
    ]);
  });

  it('accepts valid papers', () => {
    expect(lines(fixture('valid/full.md'), 'full.md')).toEqual([]);
    expect(lines(fixture('valid/minimal.md'), 'minimal.md')).toEqual([]);
  });

  it('refuses prototype keys smuggled through a YAML merge key', () => {
    expect(lines('---\ntitle: "x"\n<<: {__proto__: {polluted: 1}}\n---\n\nA.\n', 'm.md')).toEqual([
      'm.md:2:1 __proto__: unknown field "__proto__"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkDuplicates', () => {
  it('finds the same id, arXiv id (any version) and title across the site, reported on the later file', () => {
    const problems = checkDuplicates([
      { path: 'b/2025-03-18/x.md', id: 'x', title: 'Sparse Attention', arxiv: '2503.01234v2' },
      { path: 'a/2025-03-17/x.md', id: 'x', title: 'Another Paper' },
      { path: 'a/2025-03-17/2503.01234.md', id: '2503.01234', title: 'Sparse attention.', arxiv: '2503.01234' },
    ]).map(formatProblem);
    expect(problems).toEqual([
      'b/2025-03-18/x.md:1:1 file: the id "x" is already on the site: a/2025-03-17/x.md',
      'b/2025-03-18/x.md:1:1 arxiv: arXiv 2503.01234 is already on the site: a/2025-03-17/2503.01234.md',
      'b/2025-03-18/x.md:1:1 title: the same title is already on the site: a/2025-03-17/2503.01234.md',
    ]);
  });
});

describe('checkDuplicates with shared titles', () => {
  it('accepts two papers with one title and different arXiv ids', () => {
    expect(
      checkDuplicates([
        { path: 'p/2025-09-22/2509.18176.md', id: '2509.18176', title: 'Shared Title', arxiv: '2509.18176' },
        { path: 'p/2025-09-30/2509.25393.md', id: '2509.25393', title: 'Shared title.', arxiv: '2509.25393v2' },
      ]),
    ).toEqual([]);
  });
  it('refuses a same-title paper without an arXiv id, naming the other file', () => {
    const problems = checkDuplicates([
      { path: 'p/2025-09-22/2509.18176.md', id: '2509.18176', title: 'Shared Title', arxiv: '2509.18176' },
      { path: 'p/2025-09-30/2509.25393.md', id: '2509.25393', title: 'Shared Title', arxiv: '2509.25393' },
      { path: 'p/2025-10-01/shared-title.md', id: 'shared-title', title: 'Shared Title' },
    ]).map(formatProblem);
    expect(problems).toEqual(['p/2025-10-01/shared-title.md:1:1 title: the same title is already on the site: p/2025-09-22/2509.18176.md']);
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
    expect(checkPaperPath('2025-03-17/week.md').map((p) => p.message)).toEqual([
      'the id "week" is reserved for the site\'s own pages (/papers/week/…): rename the file',
    ]);
    expect(checkPaperPath('2025-03-17/trending.md').map((p) => p.message)).toEqual([
      'the id "trending" is reserved for the site\'s own pages (/papers/trending/…): rename the file',
    ]);
    expect(checkPaperPath('stray.md').map((p) => p.message)).toEqual([
      'a paper must be at <YYYY-MM-DD>/<id>.md, directly inside a listing-day folder',
    ]);
  });
});
