import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHfDailyPapers } from '../../../scripts/import/hf.ts';

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
