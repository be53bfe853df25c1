import { describe, expect, it } from 'vitest';
import { checkAbstract, excerpt, parseAbstract, renderAbstract, toPlainText } from '../../src/content/markdown.ts';
import { all, dom } from '../support/html.ts';

const render = (md: string) => renderAbstract(parseAbstract(md));

describe('renderAbstract', () => {
  it('renders escaped text as text', () => {
    expect(render('Rely on \\<SEG> tokens & more.')).toBe('<p>Rely on &lt;SEG&gt; tokens &amp; more.</p>');
  });
  it('renders the allowed inline and block markup', () => {
    expect(render('*a* **b** `c<d>`\n\n- one\n- two')).toBe(
      '<p><em>a</em> <strong>b</strong> <code>c&lt;d&gt;</code></p>\n<ul><li><p>one</p>\n</li><li><p>two</p>\n</li></ul>',
    );
  });
  it('renders http(s) links with safe rel and escaped URLs', () => {
    expect(render('[code](https://github.com/a/b?x=1&y="2")')).toBe(
      '<p><a href="https://github.com/a/b?x=1&amp;y=&quot;2&quot;" rel="nofollow noopener noreferrer">code</a></p>',
    );
  });
  it('never emits raw HTML, scripts or dangerous URLs, whatever the markdown says', () => {
    const hostile = [
      '<script>alert(1)</script>',
      'x <img src=x onerror=alert(1)> y',
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=)',
      '<iframe src="https://evil.example"></iframe>',
      '<div data-pagefind-meta="title:spoof">x</div>',
      '[ref]\n\n[ref]: javascript:alert(1)',
      '![x](https://tracker.example/p.gif)',
    ].join('\n\n');
    const html = render(hostile);
    // Parsed as a browser parses it: no such element, no handler, no dangerous URL, no index markup.
    const doc = dom(`<body>${html}</body>`);
    expect(all(doc, (n) => ['script', 'img', 'iframe', 'div', 'meta', 'base', 'form'].includes(n.nodeName))).toEqual([]);
    const attributes = all(doc, () => true).flatMap((n) => n.attrs ?? []);
    expect(attributes.filter((a) => /^on|^data-pagefind/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value))).toEqual([]);
  });
  it('links a bare URL in the text, leaving its sentence punctuation outside the link', () => {
    expect(render('Code is at https://github.com/a/b_c (see https://x.org/p).')).toBe(
      '<p>Code is at <a href="https://github.com/a/b_c" rel="nofollow noopener noreferrer">https://github.com/a/b_c</a> (see ' +
        '<a href="https://x.org/p" rel="nofollow noopener noreferrer">https://x.org/p</a>).</p>',
    );
  });
  it('does not link a URL again inside a link, in code, or after a non-http scheme', () => {
    expect(render('[https://a.org/x](https://a.org/x) `https://b.org` javascript:https://c.org"><b>')).toBe(
      '<p><a href="https://a.org/x" rel="nofollow noopener noreferrer">https://a.org/x</a> <code>https://b.org</code> javascript:' +
        '<a href="https://c.org" rel="nofollow noopener noreferrer">https://c.org</a>&quot;&gt;</p>',
    );
  });
  it('renders headings inside an abstract as paragraphs', () => {
    expect(render('# Title')).toBe('<p>Title</p>');
  });
});

describe('checkAbstract', () => {
  it('finds raw HTML, images and bad links with their positions', () => {
    const problems = checkAbstract(parseAbstract('ok <b>x</b>\n\n![i](https://x.y/i.png) [l](ftp://x.y)'));
    expect(problems).toEqual([
      { line: 1, column: 4, message: 'raw HTML "<b>" is not allowed: write \\< for a literal <' },
      { line: 1, column: 8, message: 'raw HTML "</b>" is not allowed: write \\< for a literal <' },
      { line: 3, column: 1, message: 'images are not allowed in abstracts' },
      { line: 3, column: 25, message: 'link "ftp://x.y" must be an absolute http(s) URL' },
    ]);
  });
  it('accepts the escaped form the importer writes', () => {
    expect(checkAbstract(parseAbstract('Rely on \\<SEG> tokens.'))).toEqual([]);
  });
});

describe('toPlainText', () => {
  it('drops markup and keeps paragraphs apart', () => {
    expect(toPlainText(parseAbstract('A *b* [c](https://x.y).\n\nSecond \\<SEG>.'))).toBe('A b c.\n\nSecond <SEG>.');
  });
});

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('Short  text.', 50)).toBe('Short text.');
  });
  it('cuts at a word boundary and adds an ellipsis', () => {
    expect(excerpt('one two three four five six', 15)).toBe('one two three…');
  });
});
