/**
 * `npm run verify`: checks the built site in dist/ (run at the end of `npm run build`). It fails
 * unless there is exactly one page per paper file and Pagefind indexed exactly those pages, every
 * paper page has an abstract, no page carries a script, handler, inline style or dangerous URL
 * outside the site's own bundles, every internal link and #fragment resolves, and the HTML is valid.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { OUT_DIR, SITE_BASE } from '../src/consts.ts';
import { contentDir, listPaperFiles } from '../src/lib/content-files.ts';
import type { PageProblem, PageScan } from '../src/lib/verify.ts';
import { resolveInternal, scanPage } from '../src/lib/verify.ts';

const HELP = `Usage: npm run verify [-- options]

Checks the built site (PAPERSHELF_OUT, default dist/) against the content folder
(PAPERSHELF_CONTENT, default content/papers), as served under PAPERSHELF_BASE (default /):
  - one page per paper file, and Pagefind's index holds exactly those pages
  - every paper page has a non-empty abstract
  - no inline script or style, event handler, style attribute, javascript:/data: URL, iframe,
    object, embed, base or meta refresh anywhere (the email digests, digest/*.html, may use
    style attributes); scripts only from the site's own bundles; no data-pagefind-* attribute
    inside an abstract
  - every internal link, script, stylesheet and #fragment resolves to a file and an id in dist/
  - every page is valid HTML (html-validate, recommended rules)

Options:
  -h, --help   show this help

Exit status: 0 when everything holds, 1 when anything fails (every failure is listed).`;

const base = SITE_BASE.endsWith('/') ? SITE_BASE : `${SITE_BASE}/`;
const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The site's own scripts: Astro's bundles and Pagefind's UI.
const ALLOWED_SCRIPTS = new RegExp(`^${escapedBase}(?:_astro/[\\w.-]+\\.js|pagefind/pagefind-ui\\.js)$`);

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Paper titles are long; this rule is about search-result snippets, not validity.
    'long-title': 'off',
  },
});
// Email digests (digest/*.html) are documents for mail clients, which need inline styles and the
// old table attributes (cellpadding, cellspacing, width, align) that the web has deprecated.
const emailValidator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off', 'no-inline-style': 'off', 'no-deprecated-attr': 'off', 'prefer-tbody': 'off' },
});
const isEmail = (file: string) => file.startsWith('digest/');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const out = path.resolve(OUT_DIR);
  if (!existsSync(out)) {
    console.error(`verify: ${out} does not exist: run npm run build first`);
    return 1;
  }
  const problems: PageProblem[] = [];
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const fileSet = new Set(files);
  const pages = new Map<string, PageScan>();
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  let validated = 0;
  for (const file of htmlFiles) {
    const html = readFileSync(path.join(out, file), 'utf8');
    const scan = scanPage(file, html, base, ALLOWED_SCRIPTS, { email: isEmail(file) });
    pages.set(file, scan);
    problems.push(...scan.problems);
    const report = await (isEmail(file) ? emailValidator : validator).validateString(html, file);
    for (const result of report.results) {
      for (const m of result.messages)
        problems.push({ file, line: m.line, message: `invalid HTML (${m.ruleId}): ${m.message}${m.selector ? ` at ${m.selector}` : ''}` });
    }
    validated++;
  }

  // Links and fragments.
  let links = 0;
  for (const [file, scan] of pages) {
    for (const { url, line } of scan.links) {
      links++;
      const target = url.startsWith('#') ? { file, fragment: decodeURIComponent(url.slice(1)) } : resolveInternal(url, base);
      if (target === undefined) continue;
      if (!fileSet.has(target.file)) {
        problems.push({ file, line, message: `the link ${url} leads to no file (${target.file})` });
      } else if (target.fragment !== undefined && target.file.endsWith('.html') && !pages.get(target.file)?.ids.has(target.fragment)) {
        problems.push({ file, line, message: `the link ${url} names #${target.fragment}, which ${target.file} does not have` });
      }
    }
  }

  // One page per paper, each with an abstract, and the index holds exactly them.
  const papers = listPaperFiles(contentDir());
  const indexedPages = [...pages].filter(([, scan]) => scan.indexed);
  for (const paper of papers) {
    const file = `papers/${paper.id}/index.html`;
    const scan = pages.get(file);
    if (scan === undefined) problems.push({ file, line: 1, message: `missing: the page of ${path.relative(process.cwd(), paper.path)}` });
    else if (!scan.indexed) problems.push({ file, line: 1, message: 'the paper page is not marked for the search index' });
    else if ((scan.abstractText ?? '') === '') problems.push({ file, line: 1, message: 'the paper page has an empty abstract' });
  }
  if (indexedPages.length !== papers.length) {
    problems.push({
      file: '.',
      line: 1,
      message: `${indexedPages.length} pages are marked for the search index, but there are ${papers.length} paper files`,
    });
  }
  const entryFile = path.join(out, 'pagefind/pagefind-entry.json');
  if (!existsSync(entryFile)) {
    problems.push({ file: 'pagefind/pagefind-entry.json', line: 1, message: 'missing: the search index was not built' });
  } else {
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
    const count = Object.values(entry.languages ?? {}).reduce((sum, l) => sum + (l.page_count ?? 0), 0);
    if (count !== papers.length) {
      problems.push({
        file: 'pagefind/pagefind-entry.json',
        line: 1,
        message: `Pagefind indexed ${count} pages, but there are ${papers.length} paper files`,
      });
    }
  }

  for (const p of problems) console.error(`${path.join(path.relative(process.cwd(), out) || '.', p.file)}:${p.line} ${p.message}`);
  const summary = `verify: ${htmlFiles.length} pages (${validated} validated), ${papers.length} papers, ${links} internal links`;
  if (problems.length > 0) {
    console.error(`${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log(`${summary}: all checks passed`);
  return 0;
}

process.exitCode = await main();
