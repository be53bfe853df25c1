import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main as check } from '../../scripts/check.ts';
import { main as importMain } from '../../scripts/import.ts';
import { runMain } from '../support/run.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'papershelf-feeds-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => runMain(importMain, args, { PAPERSHELF_CONTENT: dir });
const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');
const files = () =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort();

describe('npm run import -- arxiv', () => {
  it('writes one file per entry, named by arXiv id, on its publication day', async () => {
    for (const fixture of ['tidaldecode', 'old-style', 'versioned']) {
      const result = await run('arxiv', `tests/fixtures/arxiv/${fixture}.xml`);
      expect(result.status, result.stderr).toBe(0);
    }
    expect(files()).toEqual(['2003-07-07/hep-ex-0307015.md', '2024-10-07/2410.05076.md', '2025-03-03/2503.01234.md']);
    expect(read('2024-10-07/2410.05076.md')).toBe(
      [
        '---',
        'title: "TidalDecode: Fast and Accurate LLM Decoding with Position Persistent Sparse Attention"',
        'authors:',
        '  - "Lijie Yang"',
        '  - "Zhihao Zhang"',
        '  - "Zhuofu Chen"',
        '  - "Zikun Li"',
        '  - "Zhihao Jia"',
        'arxiv: "2410.05076"',
        'published: "2024-10-07"',
        'category: "cs.LG"',
        'comment: "18 pages, 10 figures"',
        'links:',
        '  pdf: "https://arxiv.org/pdf/2410.05076"',
        '---',
        '',
        'Large language models (LLMs) have driven significant advancements across diverse NLP tasks, with long-context models gaining prominence for handling extended inputs. However, the expanding key-value (KV) cache size required by Transformer architectures intensifies the memory constraints, particularly during the decoding phase. We present TidalDecode, a simple yet effective algorithm and system for fast and accurate LLM decoding through position persistent sparse attention & a cache-correction mechanism. TidalDecode reduces the token decoding latency by up to $2.1\\times$ compared to full attention.',
        '',
      ].join('\n'),
    );
    expect(read('2003-07-07/hep-ex-0307015.md')).toContain('arxiv: "hep-ex/0307015"\npublished: "2003-07-07"\ncategory: "hep-ex"');
    expect(read('2003-07-07/hep-ex-0307015.md')).toContain('journal: "Eur.Phys.J. C31 (2003) 17-29"');
    expect(read('2025-03-03/2503.01234.md')).toContain('title: "Gödel Meets Transformers: Proof Search with Learned Heuristics"');
    expect(read('2025-03-03/2503.01234.md')).toContain('our prover solves 41.2% of problems.');
    expect((await runMain(check, [], { PAPERSHELF_CONTENT: dir })).status).toBe(0);
  });

  it('lists every entry on --date, and is a no-op the second time', async () => {
    expect((await run('arxiv', 'tests/fixtures/arxiv/versioned.xml', '--date', '2025-03-17')).stdout).toContain(
      '1 papers for 2025-03-17: 1 created',
    );
    expect((await run('arxiv', 'tests/fixtures/arxiv/versioned.xml', '--date', '2025-03-17')).stdout).toContain(
      '0 created, 0 overwritten, 1 unchanged, 0 skipped',
    );
  });

  it("reports arXiv's error feed", async () => {
    const result = await run('arxiv', 'tests/fixtures/arxiv/error.xml');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tests/fixtures/arxiv/error.xml: arXiv returned an error: incorrect id format for 2503.0123x');
  });
});

describe('npm run import -- hf', () => {
  it('imports the good items on their listing days and reports the bad one', async () => {
    const result = await run('hf', 'tests/fixtures/hf/daily-papers.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tests/fixtures/hf/daily-papers.json item 3: paper.id "not-an-arxiv-id" is not an arXiv id');
    expect(files()).toEqual(['2025-03-17/2503.10622.md', '2025-03-17/2503.11647.md', '2025-03-19/2503.12000.md']);
    const vggt = read('2025-03-17/2503.11647.md');
    expect(vggt).toContain('authors:\n  - "Jianyuan Wang"\n  - "Minghao Chen"\n  - "Nikita Karaev"');
    expect(vggt).toContain('published: "2025-03-14"');
    expect(vggt).toContain(
      'links:\n  pdf: "https://arxiv.org/pdf/2503.11647"\n  code: "https://github.com/facebookresearch/vggt"\n  project: "https://vgg-t.github.io/"',
    );
    expect(vggt).toContain('tags: ["feed-forward-neural-network", "3d-attributes", "camera-parameters", "point-maps", "3d-point-tracks"]');
    expect(vggt).toContain('hf_upvotes: 142');
    expect(vggt).toContain('It reaches 95.3% of the accuracy');
    // Optional fields missing: no links but the PDF, no tags; the day comes from the item's publishedAt.
    const dyt = read('2025-03-17/2503.10622.md');
    expect(dyt).toContain('authors:\n  - "Łukasz Kaiser"\n  - "Zoë Müller"');
    expect(dyt).not.toMatch(/code:|tags:/);
    // submittedOnDailyAt 2025-03-18T23:59:59-03:00 is 2025-03-19 in UTC.
    expect(read('2025-03-19/2503.12000.md')).toContain('tags: ["time-zones", "utc"]');
    expect((await runMain(check, [], { PAPERSHELF_CONTENT: dir })).status).toBe(0);
  });

  it('keeps hand edits and never lists a paper twice', async () => {
    await run('hf', 'tests/fixtures/hf/daily-papers.json');
    const file = path.join(dir, '2025-03-17/2503.11647.md');
    writeFileSync(file, read('2025-03-17/2503.11647.md').replace('hf_upvotes: 142', 'hf_upvotes: 150'));
    const again = await run('hf', 'tests/fixtures/hf/daily-papers.json');
    expect(again.stdout).toContain('0 created, 0 overwritten, 2 unchanged, 1 skipped');
    expect(read('2025-03-17/2503.11647.md')).toContain('hf_upvotes: 150');
    // The same paper from an arXiv feed is recognised by its arXiv id, not added again.
    const feed = await run('arxiv', 'tests/fixtures/arxiv/versioned.xml');
    expect(feed.stdout).toContain('1 created');
    expect((await run('arxiv', 'tests/fixtures/arxiv/versioned.xml', '--date', '2025-03-20')).stdout).toContain(
      'already on the site, listed on 2025-03-03',
    );
  });

  it('refuses --date, which hf items do not need', async () => {
    expect((await run('hf', 'tests/fixtures/hf/daily-papers.json', '--date', '2025-03-17')).status).toBe(2);
  });
});
