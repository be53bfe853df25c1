/** The hostile corpus under tests/fixtures/hostile/: what each file must produce. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run.ts';

/** The folder of hostile papers. */
export const HOSTILE_DIR = path.join(ROOT, 'tests/fixtures/hostile');

/** Files that must be refused, with every error line `npm run check` prints (listing day 2025-03-20). */
export const REFUSED: Record<string, string[]> = {
  'autolink-js.md': ['autolink-js.md:5:7 body: link "javascript:alert(1)" must be an absolute http(s) URL'],
  'bidi-override.md': [
    'bidi-override.md:2:1 title: contains an invisible character, U+202E RIGHT-TO-LEFT OVERRIDE at character 6: delete it',
  ],
  'bom.md': ['bom.md:1:1 file: starts with a byte-order mark: save as UTF-8 without BOM'],
  'constructor-key.md': [
    'constructor-key.md:4:3 links.constructor: unknown link kind "constructor": use one of pdf, html, code, mirror, project, dataset, demo, video, slides, blog',
  ],
  'duplicate-keys.md': ['duplicate-keys.md:3:1 front matter: duplicated mapping key'],
  'entity-js-link.md': ['entity-js-link.md:5:6 body: link "javascript:alert(1)" must be an absolute http(s) URL'],
  'handler-in-html.md': [
    'handler-in-html.md:5:10 body: raw HTML "<img src=\\"x\\" onerror=\\"alert(1)\\">" is not allowed: write \\< for a literal <',
  ],
  'html-comment.md': ['html-comment.md:5:9 body: raw HTML "<!-- <script>alert(1)</script> -->" is not allowed: write \\< for a literal <'],
  'iframe-block.md': [
    'iframe-block.md:4:1 body: the abstract (the text after the front matter) is empty',
    'iframe-block.md:5:1 body: raw HTML "<iframe src=\\"https://evil.example/\\"></if…" is not allowed: write \\< for a literal <',
  ],
  'js-front-matter.md': ['js-front-matter.md:1:1 front matter: front matter must be YAML: "---js" is not allowed'],
  'long-title.md': ['long-title.md:2:1 title: must be at most 500 characters'],
  'math-bomb.md': ['math-bomb.md:6:1 body: math command \\def is not allowed: abstracts define no macros'],
  'math-kern.md': ['math-kern.md:5:50 body: math command \\kern is not allowed: it can move what follows over other text'],
  'math-lap.md': [
    'math-lap.md:5:29 body: math command \\mathllap is not allowed: it draws outside its box',
    'math-lap.md:5:66 body: math command \\smash is not allowed: it can draw over the lines around it',
    'math-lap.md:6:1 body: math command \\raisebox is not allowed: it can lift text over the lines around it',
    'math-lap.md:8:1 body: math command \\\\[-…] is not allowed: a negative row gap can draw over the lines above',
  ],
  'math-nesting.md': [
    'math-nesting.md:2:1 title: math is nested 40 groups deep; at most 12 are allowed',
    'math-nesting.md:7:1 body: math is nested 30 groups deep; at most 12 are allowed',
  ],
  'math-rule.md': ['math-rule.md:5:9 body: math command \\rule is not allowed: it can draw a bar over the page'],
  'mixed-case-js-link.md': ['mixed-case-js-link.md:5:6 body: link "JaVaScRiPt:alert(1)" must be an absolute http(s) URL'],
  'pagefind-spoof.md': [
    'pagefind-spoof.md:5:6 body: raw HTML "<span data-pagefind-meta=\\"title:Spoofed\\"…" is not allowed: write \\< for a literal <',
    'pagefind-spoof.md:5:85 body: raw HTML "</span>" is not allowed: write \\< for a literal <',
  ],
  'proto-merge.md': ['proto-merge.md:2:1 __proto__: unknown field "__proto__"'],
  'script-tag.md': [
    'script-tag.md:5:7 body: raw HTML "<script>" is not allowed: write \\< for a literal <',
    'script-tag.md:5:37 body: raw HTML "</script>" is not allowed: write \\< for a literal <',
  ],
  'zero-width-author.md': [
    'zero-width-author.md:5:5 authors.1: contains an invisible character, U+200B ZERO WIDTH SPACE at character 4: delete it',
    'zero-width-author.md:6:5 authors.2: contains an invisible character, U+2067 RIGHT-TO-LEFT ISOLATE at character 1: delete it',
  ],
  'vbscript-image.md': ['vbscript-image.md:5:5 body: images are not allowed in abstracts'],
};

/** Files that must build, render as plain text and be found by search. */
export function acceptedHostile(): string[] {
  return readdirSync(HOSTILE_DIR)
    .filter((f) => !(f in REFUSED))
    .sort();
}

/** The bytes of a hostile file. */
export function hostileBytes(name: string): Buffer {
  return readFileSync(path.join(HOSTILE_DIR, name));
}
