import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { type Digest, digestHtml, digestText } from '../../src/data/digest-email.ts';

const DIGEST: Digest = {
  siteTitle: 'Papershelf',
  day: '2025-01-08',
  dayUrl: 'https://example.org/papers/date/2025-01-08/',
  iconPath: '/favicon.svg',
  total: 12,
  papers: [
    {
      title: '</a><script>alert(1)</script> Sparse <Routing>',
      authors: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
      abstract: 'We route tokens. '.repeat(60),
      votes: 7,
      url: 'https://example.org/papers/x/',
      code: 'https://github.com/a/b',
    },
    { title: 'Second', authors: [], abstract: 'Short.', votes: 0, url: 'https://example.org/papers/y/' },
  ],
};

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
const elements = (node: Node, name: string): Node[] => [
  ...(node.nodeName === name ? [node] : []),
  ...(node.childNodes ?? []).flatMap((c) => elements(c, name)),
];
const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));

describe('digestHtml', () => {
  const doc = parse(digestHtml(DIGEST)) as unknown as Node;
  it('links each paper, shows titles as text, and carries no script, stylesheet or image, only the icon of its published page', () => {
    const links = elements(doc, 'a').map((a) => a.attrs?.find((x) => x.name === 'href')?.value);
    expect(links).toEqual(expect.arrayContaining(['https://example.org/papers/x/', 'https://example.org/papers/y/', DIGEST.dayUrl]));
    expect(elements(doc, 'script')).toEqual([]);
    expect(elements(doc, 'link').map((l) => l.attrs?.map((a) => `${a.name}=${a.value}`))).toEqual([
      ['rel=icon', `href=${DIGEST.iconPath}`, 'type=image/svg+xml'],
    ]);
    expect(elements(doc, 'img')).toEqual([]);
    expect(text(doc)).toContain('</a><script>alert(1)</script> Sparse <Routing>');
  });
  it('lays out with tables and inline styles only', () => {
    expect(elements(doc, 'table').length).toBeGreaterThan(0);
    expect(elements(doc, 'style')).toEqual([]);
  });
});

describe('digestText', () => {
  it('numbers the papers, shortens long author lists and excerpts, and names the day', () => {
    const lines = digestText(DIGEST).split('\n');
    expect(lines[0]).toBe('Papershelf: top papers of Wednesday, 8 January 2025');
    expect(lines).toContain('The top 2 of 12 papers. All of them: https://example.org/papers/date/2025-01-08/');
    expect(lines).toContain('1. </a><script>alert(1)</script> Sparse <Routing> (7 votes)');
    expect(lines).toContain('   A, B, C, D, E, F and 3 more');
    expect(lines).toContain('   Code: https://github.com/a/b');
    const excerpt = lines.find((l) => l.startsWith('   We route tokens.')) ?? '';
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThan(DIGEST.papers[0]?.abstract.length ?? 0);
  });
});
