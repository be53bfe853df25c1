import { describe, expect, it } from 'vitest';
import { resolveInternal, scanPage, validationSample } from '../../src/verify/checks.ts';

const ALLOWED = /^\/_astro\/[\w.-]+\.js$/;
const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;
const messages = (html: string) => scanPage('p.html', html, '/', ALLOWED).problems.map((p) => p.message);

describe('scanPage', () => {
  it('accepts the site’s own bundles and plain markup', () => {
    expect(
      messages(
        page(
          '<a href="/papers/x/">x</a><a href="https://arxiv.org/abs/1">a</a>',
          '<script type="module" src="/_astro/search.abc.js"></script>',
        ),
      ),
    ).toEqual([]);
  });
  it('refuses inline scripts, foreign scripts, handlers and inline styles', () => {
    expect(messages(page('<script>alert(1)</script><script src="https://evil.example/x.js"></script>'))).toEqual([
      "an inline <script> is not allowed (scripts must be the site's own bundles)",
      'the script "https://evil.example/x.js" is not one of the site\'s own bundles',
    ]);
    expect(messages(page('<img src="/a.png" onerror="alert(1)"><p style="color:red">x</p>'))).toEqual([
      'the event handler attribute onerror="alert(1)" is not allowed',
      'an inline style attribute is not allowed',
    ]);
    expect(messages(page('x', '<style>body{}</style>'))).toEqual([
      "an inline <style> is not allowed (styles must be the site's stylesheet)",
    ]);
  });
  it('refuses MathML whose scripts or fractions have the wrong number of arguments (KaTeX issue #3721)', () => {
    const math = (inner: string) => `<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow>${inner}</mrow></math>`;
    // What KaTeX 0.19.1 writes for R_{\max}, before src/content/math/mathml.ts repairs it.
    expect(messages(page(math('<msub><mi>R</mi><mi>max</mi><mo>\u2061</mo></msub>')))).toEqual([
      'MathML <msub> has 3 arguments where it takes 2',
    ]);
    expect(messages(page(math('<mfrac><mn>1</mn></mfrac><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>')))).toEqual([
      'MathML <mfrac> has 1 arguments where it takes 2',
    ]);
    expect(messages(page(math('<msub><mi>R</mi><mrow><mi>max</mi><mo>\u2061</mo></mrow></msub>')))).toEqual([]);
    // An HTML element of the same name is not MathML.
    expect(messages(page('<msub>a b c</msub>'))).toEqual([]);
  });
  it('refuses dangerous URLs in any case and with smuggled whitespace', () => {
    expect(messages(page('<a href="JaVaScRiPt:alert(1)">a</a><a href="java\tscript:x">b</a><a href="data:text/html,x">c</a>'))).toEqual([
      'href="JaVaScRiPt:alert(1)" uses a scheme that is not allowed',
      'href="java\tscript:x" uses a scheme that is not allowed',
      'href="data:text/html,x" uses a scheme that is not allowed',
    ]);
  });
  it('refuses frames, objects, base and meta refresh', () => {
    expect(
      messages(
        page(
          '<iframe src="/x"></iframe><object data="/x"></object><embed src="/x">',
          '<base href="/"><meta http-equiv="refresh" content="0;url=/x">',
        ),
      ),
    ).toEqual([
      '<base> is not allowed',
      '<meta http-equiv="refresh"> is not allowed',
      '<iframe> is not allowed',
      '<object> is not allowed',
      '<embed> is not allowed',
    ]);
  });
  it('refuses search-index attributes inside an abstract only', () => {
    const html = page('<article data-pagefind-body><div class="abstract__text"><p data-pagefind-meta="title:spoof">x</p></div></article>');
    expect(messages(html)).toEqual(['data-pagefind-meta inside an abstract could spoof the search index']);
    const scan = scanPage('p.html', html, '/', ALLOWED);
    expect(scan.indexed).toBe(true);
    expect(scan.abstractText).toBe('x');
  });
  it('collects internal links with lines, and ids', () => {
    const scan = scanPage(
      'p.html',
      page('<a href="/papers/x/#abstract">x</a>\n<h2 id="abstract">A</h2><a href="#abstract">y</a>'),
      '/',
      ALLOWED,
    );
    expect(scan.links).toEqual([
      { url: '/papers/x/#abstract', line: 1 },
      { url: '#abstract', line: 2 },
    ]);
    expect([...scan.ids]).toEqual(['abstract']);
  });
});

describe('resolveInternal', () => {
  it('maps URLs under the base to built files and fragments', () => {
    expect(resolveInternal('/papershelf/papers/2503.01234/#abstract', '/papershelf/')).toEqual({
      file: 'papers/2503.01234/index.html',
      fragment: 'abstract',
    });
    expect(resolveInternal('/papershelf/', '/papershelf/')).toEqual({ file: 'index.html' });
    expect(resolveInternal('/papershelf/search/?q=x', '/papershelf/')).toEqual({ file: 'search/index.html' });
    expect(resolveInternal('/other/', '/papershelf/')).toBeUndefined();
  });
});

describe('validationSample', () => {
  const files = [
    '404.html',
    'index.html',
    ...Array.from({ length: 3000 }, (_, i) => `papers/p${String(i).padStart(4, '0')}/index.html`),
    ...Array.from({ length: 40 }, (_, i) => `papers/date/2025-01-${String(i).padStart(2, '0')}/index.html`),
    ...Array.from({ length: 900 }, (_, i) => `authors/a${String(i).padStart(3, '0')}/index.html`),
    'digest/2025-01-01.html',
    'tags/llm/index.html',
    'tags/llm/2/index.html',
  ].sort();

  it('takes the first page of every route, then pages spread evenly, up to the count, sorted', () => {
    const sample = validationSample(files, 100);
    expect(sample).toEqual([...sample].sort());
    expect(sample.length).toBeLessThanOrEqual(100);
    expect(sample.length).toBeGreaterThan(90);
    for (const first of [
      '404.html',
      'authors/a000/index.html',
      'digest/2025-01-01.html',
      'papers/date/2025-01-00/index.html',
      'papers/p0000/index.html',
      'tags/llm/2/index.html',
      'tags/llm/index.html',
    ]) {
      expect(sample).toContain(first);
    }
    // Spread: paper pages are about 3,000 of 3,944 files, so about three quarters of the sample.
    const papers = sample.filter((f) => /^papers\/p\d/.test(f)).length;
    expect(papers).toBeGreaterThan(60);
    expect(papers).toBeLessThan(85);
    expect(validationSample(files, 100)).toEqual(sample);
  });

  it('returns every file when the count covers them', () => {
    expect(validationSample(files.slice(0, 10), 50)).toEqual(files.slice(0, 10));
  });
});
