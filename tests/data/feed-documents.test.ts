import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/data/feed-documents.ts';

describe('escapeXml', () => {
  it('escapes markup characters and keeps tab, newline, emoji and text', () => {
    expect(escapeXml(`a & b < c > "d" 'e'\t\n😀 Łukasz`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;\t\n😀 Łukasz');
  });

  it('drops the characters XML 1.0 forbids: controls, lone surrogates, U+FFFE and U+FFFF', () => {
    expect(escapeXml('a\u0000b\u0001c\u001fd\ud800e\udfffg\ufffeh\uffffi\r')).toBe('abcdeghi\r');
  });
});
