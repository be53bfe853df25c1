import { describe, expect, it } from 'vitest';
import { atomFeed, dayTimes, escapeXml, newestWholeDays } from '../../src/data/feed-documents.ts';

describe('escapeXml', () => {
  it('escapes markup characters and keeps tab, newline, emoji and text', () => {
    expect(escapeXml(`a & b < c > "d" 'e'\t\n😀 Łukasz`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;\t\n😀 Łukasz');
  });

  it('drops the characters XML 1.0 forbids: controls, lone surrogates, U+FFFE and U+FFFF', () => {
    expect(escapeXml('a\u0000b\u0001c\u001fd\ud800e\udfffg\ufffeh\uffffi\r')).toBe('abcdeghi\r');
  });
});

describe('newestWholeDays', () => {
  const day = (d: string, n: number) => Array.from({ length: n }, (_, i) => ({ day: d, i }));
  it('holds every paper of the newest day, however many, and never cuts a day', () => {
    const papers = [...day('2025-03-17', 75), ...day('2025-03-14', 50), ...day('2025-03-13', 50)];
    expect(newestWholeDays(papers, 50)).toHaveLength(75);
    expect(newestWholeDays(papers, 100)).toHaveLength(125);
    expect(newestWholeDays(papers, 1000)).toHaveLength(175);
    expect(newestWholeDays(day('2025-03-17', 3), 100)).toHaveLength(3);
    expect(newestWholeDays([], 100)).toEqual([]);
  });
});

describe('dayTimes', () => {
  it("gives a day's papers distinct seconds in its own order, the first the latest", () => {
    expect(dayTimes(['2025-03-17', '2025-03-17', '2025-03-17', '2025-03-14', '2025-03-14'])).toEqual([2, 1, 0, 1, 0]);
  });
});

describe('atomFeed', () => {
  const item = (day: string, second: number) => ({
    url: `https://example.org/papers/${day}-${second}/`,
    title: 't',
    authors: [],
    abstract: 'a',
    abstractHtml: '<p>a</p>',
    day,
    second,
    tags: [],
  });
  it('dates each entry by its day and second, and the feed by its newest entry, with the site icon', () => {
    const xml = atomFeed({
      title: 'T',
      description: 'D',
      homeUrl: 'https://example.org/',
      selfUrl: 'https://example.org/atom.xml',
      icon: 'https://example.org/icon-512.png',
      favicon: 'https://example.org/icon-64.png',
      items: [item('2025-03-17', 74), item('2025-03-17', 0), item('2025-03-14', 3661)],
    });
    expect([...xml.matchAll(/<updated>([^<]+)<\/updated>/g)].map((m) => m[1])).toEqual([
      '2025-03-17T00:01:14Z',
      '2025-03-17T00:01:14Z',
      '2025-03-17T00:00:00Z',
      '2025-03-14T01:01:01Z',
    ]);
    expect(xml).toContain('<icon>https://example.org/icon-512.png</icon>');
  });
});
