import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHfDailyPapers, readHfItems } from '../../../scripts/import/hf.ts';

const response = parseHfDailyPapers(readFileSync(new URL('../../fixtures/hf/daily-papers.json', import.meta.url), 'utf8'));

describe(`parseHfDailyPapers (TZ=${process.env.TZ ?? 'unset'})`, () => {
  it('takes the listing day from submittedOnDailyAt, else publishedAt, in UTC', () => {
    expect(response.entries.map((e) => [e.arxiv, e.day])).toEqual([
      ['2503.11647', '2025-03-17'],
      ['2503.10622', '2025-03-17'],
      ['2503.12000', '2025-03-19'],
    ]);
    expect(response.entries[2]?.fields.published).toBe('2025-03-17');
  });
  it('maps upvotes, repository, project page and keywords', () => {
    expect(response.entries[0]?.fields).toMatchObject({
      hf_upvotes: 142,
      links: {
        pdf: 'https://arxiv.org/pdf/2503.11647',
        code: 'https://github.com/facebookresearch/vggt',
        project: 'https://vgg-t.github.io/',
      },
      tags: ['feed-forward-neural-network', '3d-attributes', 'camera-parameters', 'point-maps', '3d-point-tracks'],
    });
  });
  it('reports a bad item by its position and keeps the others', () => {
    expect(response.problems).toEqual([{ index: 2, message: 'paper.id "not-an-arxiv-id" is not an arXiv id' }]);
  });
  it('refuses what is not the API response', () => {
    expect(parseHfDailyPapers('{"papers": []}').problems).toEqual([{ index: 0, message: 'expected a JSON array of daily-paper items' }]);
    expect(parseHfDailyPapers('nope').problems[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe('readHfItems', () => {
  const item = (paper: Record<string, unknown>, outer: Record<string, unknown> = {}) => ({
    paper: {
      id: '2503.11111',
      title: 'A Title',
      summary: 'An abstract.',
      submittedOnDailyAt: '2025-03-17T08:00:00.000Z',
      authors: [{ name: 'Shown Author', hidden: false }, { name: 'Hidden Author', hidden: true }, { name: 'No Flag' }],
      ...paper,
    },
    ...outer,
  });
  it('reads keywords, repository and project page on the item as well as on its paper', () => {
    const onItem = readHfItems([
      item({}, { githubRepo: 'https://github.com/a/b', projectPage: 'https://a.github.io/', ai_keywords: ['Agents', 'Planning'] }),
    ]);
    expect(onItem.entries[0]?.fields).toMatchObject({
      links: { code: 'https://github.com/a/b', project: 'https://a.github.io/' },
      tags: ['agents', 'planning'],
    });
    const onPaper = readHfItems([item({ githubRepo: 'https://github.com/c/d' }, { githubRepo: 'https://github.com/ignored/e' })]);
    expect(onPaper.entries[0]?.fields.links?.code).toBe('https://github.com/c/d');
  });
  it('leaves out the authors Hugging Face hides', () => {
    expect(readHfItems([item({})]).entries[0]?.fields.authors).toEqual(['Shown Author', 'No Flag']);
  });
  it("credits the submitter's Hugging Face account from the item or the paper, never as a GitHub login", () => {
    expect(readHfItems([item({}, { submittedBy: { name: 'julien-c', fullname: 'Julien' } })]).entries[0]?.fields.submitted_by).toBe(
      'hf:julien-c',
    );
    expect(readHfItems([item({ submittedOnDailyBy: { user: 'akhaliq', fullname: 'AK' } })]).entries[0]?.fields.submitted_by).toBe(
      'hf:akhaliq',
    );
    const odd = readHfItems([item({ submittedOnDailyBy: { user: '@root; rm -rf /' } })]).entries[0];
    expect(odd?.fields.submitted_by).toBeUndefined();
    expect(odd?.notes).toEqual(['left out the submitter "@root; rm -rf /": not a Hugging Face account name']);
  });
  it('keeps the AI summary whole as summary:, or leaves it out and says why', () => {
    const kept = readHfItems([item({ ai_summary: '  A short\nsummary.  ' })]).entries[0];
    expect(kept?.fields).toMatchObject({ summary: 'A short summary.', summary_source: 'huggingface' });
    const long = readHfItems([item({ ai_summary: 'x'.repeat(301) })]).entries[0];
    expect(long?.fields.summary).toBeUndefined();
    expect(long?.notes).toEqual(['left out the AI summary: 301 characters, more than 300']);
    const hidden = readHfItems([item({ ai_summary: 'Looks fine\u202e but is not' })]).entries[0];
    expect(hidden?.fields.summary).toBeUndefined();
    expect(hidden?.notes[0]).toMatch(/^left out the AI summary: it contains an invisible character/);
  });
});
