/** fast-check generators of mutated paper files, for the fuzz tests. */
import fc from 'fast-check';

const VALID_FRONT = [
  'title: "Sparse Attention at Scale"',
  'authors:',
  '  - "Ada Lovelace"',
  '  - "Łukasz Kaiser"',
  'arxiv: "2503.01234"',
  'published: "2025-03-14"',
  'links:',
  '  code: "https://github.com/example/sparse"',
  'tags: ["attention", "long-context"]',
  'votes: 3',
];
const VALID_BODY = [
  'We study *sparse* attention with \\<SEG> tokens and [code](https://github.com/example/sparse).',
  '',
  'A second paragraph.',
];

// Lines and fragments that attackers and careless editors write.
const NASTY_FRONT = [
  'titel: "typo"',
  'arxiv: 2401.10000',
  'published: 2024-02-30',
  'published: "2025-03-18"',
  'votes: -1',
  'votes: "7"',
  'votes: 1.5',
  '<<: {__proto__: {polluted: true}}',
  'tags: [Bad Tag]',
  'links: {code: "javascript:alert(1)"}',
  'links: {cdoe: "https://x.y"}',
  'slug: "custom"',
  'title:',
  'title: [1, 2]',
  'authors: "Ada, Alan"',
  ': :',
  '- item',
  '"unterminated',
  'title: &a "anchor"',
  'x: *a',
  '\t\tindented: tab',
  'title: !!js/function "function () {}"',
];
const NASTY_BODY = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](data:text/html,<script>)',
  '<javascript:alert(1)>',
  '![i](https://tracker.example/p.gif)',
  '<div data-pagefind-meta="title:x">',
  '<!-- comment -->',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '&#106;avascript:alert(1)',
  '\\<SEG>',
  '`<code>`',
  '```\n<script>\n```',
  '$O(n^2)$ and \\mathcal{O}',
  '# Heading',
  '> quote',
  '* list',
  '1. item',
  '***',
  '\u202e\u0000\ufeff',
  '',
];

/** A random edit of a valid paper file: nasty lines in, lines out, random text, other line endings. */
export const mutatedPaper = fc
  .record({
    frontEdits: fc.array(
      fc.oneof(
        fc.record({
          op: fc.constant('insert' as const),
          at: fc.nat(12),
          line: fc.oneof(fc.constantFrom(...NASTY_FRONT), fc.string({ unit: 'binary', maxLength: 40 })),
        }),
        fc.record({ op: fc.constant('delete' as const), at: fc.nat(12) }),
        fc.record({ op: fc.constant('title' as const), text: fc.string({ unit: 'grapheme', maxLength: 80 }) }),
      ),
      { maxLength: 4 },
    ),
    bodyEdits: fc.array(
      fc.record({ at: fc.nat(3), text: fc.oneof(fc.constantFrom(...NASTY_BODY), fc.string({ unit: 'grapheme', maxLength: 60 })) }),
      {
        maxLength: 4,
      },
    ),
    crlf: fc.boolean(),
    bom: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), // one file in ten
    truncate: fc.option(fc.nat(600), { freq: 9 }),
  })
  .map(({ frontEdits, bodyEdits, crlf, bom, truncate }) => {
    const front = [...VALID_FRONT];
    for (const edit of frontEdits) {
      if (edit.op === 'insert') {
        front.splice(edit.at % (front.length + 1), 0, edit.line);
      } else if (edit.op === 'delete') {
        front.splice(edit.at % Math.max(front.length, 1), 1);
      } else {
        front[0] = `title: ${JSON.stringify(edit.text)}`;
      }
    }
    const body = [...VALID_BODY];
    for (const edit of bodyEdits) {
      body.splice(edit.at % (body.length + 1), 0, edit.text);
    }
    let text = `---\n${front.join('\n')}\n---\n\n${body.join('\n')}\n`;
    if (truncate !== null) {
      text = text.slice(0, truncate);
    }
    if (crlf) {
      text = text.replace(/\n/g, '\r\n');
    }
    return bom ? `\uFEFF${text}` : text;
  });
