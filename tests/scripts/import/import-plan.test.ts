import { describe, expect, it } from 'vitest';
import type { ExistingPaper, IncomingPaper } from '../../../scripts/import/import-plan.ts';
import { planImport } from '../../../scripts/import/import-plan.ts';
import { writePaperFile } from '../../../src/content/paper-file.ts';

const paper = (title: string, origin = 'l.txt:1', day = '2025-03-17'): IncomingPaper => ({
  fields: { title },
  abstract: `About ${title}.`,
  origin,
  day,
});
const onDisk = (id: string, title: string, day = '2025-03-17', source?: string): ExistingPaper => ({
  id,
  day,
  path: `content/papers/${day}/${id}.md`,
  title,
  source: source ?? writePaperFile({ title }, `About ${title}.`),
});

describe('planImport', () => {
  it('creates a file per paper with ids slugged from titles', () => {
    const actions = planImport([paper('Sparse Attention'), paper('Dense Attention')], [], false);
    expect(actions.map((a) => [a.kind, a.id])).toEqual([
      ['create', 'sparse-attention'],
      ['create', 'dense-attention'],
    ]);
  });

  it('resolves slug collisions in input order, the same way every time', () => {
    // Ids are cut at 80 characters, so long titles that differ only at the end collide.
    const long = 'Scaling Sparse Attention for Long Context Language Models Through Learned Token Routing';
    const incoming = [paper(`${long} in Vision`), paper(`${long} in Speech`, 'l.txt:3')];
    const first = planImport(incoming, [], false);
    const base = 'scaling-sparse-attention-for-long-context-language-models-through-learned-token';
    expect(first.map((a) => a.id)).toEqual([base, `${base}-2`]);
    // Re-running against the files the first run wrote changes nothing.
    const written = first.map((a, i) => onDisk(a.id, incoming[i]?.fields.title ?? ''));
    expect(planImport(incoming, written, false).map((a) => [a.kind, a.id])).toEqual([
      ['unchanged', base],
      ['unchanged', `${base}-2`],
    ]);
    // A different paper already holding the slug pushes the newcomer to the next free suffix.
    const taken = [onDisk(base, 'Something Else Entirely')];
    expect(planImport(incoming.slice(0, 1), taken, false).map((a) => [a.kind, a.id])).toEqual([['create', `${base}-2`]]);
  });

  it('skips a paper that was edited by hand, unless forced', () => {
    const edited = onDisk(
      'sparse-attention',
      'Sparse Attention',
      '2025-03-17',
      '---\ntitle: "Sparse Attention"\nvotes: 5\n---\n\nFixed typo.\n',
    );
    const [skip] = planImport([paper('Sparse Attention')], [edited], false);
    expect(skip).toMatchObject({
      kind: 'skip',
      id: 'sparse-attention',
      reason: 'the file differs from the import (edited by hand?); --force overwrites it',
    });
    const [overwrite] = planImport([paper('Sparse Attention')], [edited], true);
    expect(overwrite).toMatchObject({ kind: 'overwrite', id: 'sparse-attention', path: 'content/papers/2025-03-17/sparse-attention.md' });
  });

  it('never lists a paper twice on the site', () => {
    const [action] = planImport(
      [paper('Sparse Attention', 'l.txt:1', '2025-03-18')],
      [onDisk('sparse-attention', 'Sparse Attention')],
      true,
    );
    expect(action).toMatchObject({ kind: 'skip', reason: 'already on the site, listed on 2025-03-17' });
  });

  it('skips a title repeated within one import', () => {
    const actions = planImport([paper('Same', 'l.txt:1'), paper('same.', 'l.txt:5')], [], false);
    expect(actions[1]).toMatchObject({ kind: 'skip', reason: 'the same paper as l.txt:1 in this import' });
  });

  it('never uses an id reserved for the site’s own pages', () => {
    expect(planImport([paper('Archive')], [], false)[0]).toMatchObject({ kind: 'create', id: 'archive-2' });
  });

  it('skips a title that yields no id', () => {
    expect(planImport([paper('¿?')], [], false)[0]).toMatchObject({
      kind: 'skip',
      reason: 'the title has no letters or digits to make an id from',
    });
  });

  it('uses arXiv ids as file ids and finds a paper by arXiv id whatever its version or title', () => {
    const arxivPaper = (title: string, arxiv: string, day = '2025-03-17'): IncomingPaper => ({
      fields: { title, arxiv },
      abstract: 'A.',
      origin: 'feed.xml entry 1',
      day,
      id: arxiv.replace(/v\d+$/, ''),
    });
    expect(planImport([arxivPaper('Proofs', '2503.01234')], [], false)[0]).toMatchObject({ kind: 'create', id: '2503.01234' });
    const listed = { ...onDisk('proof-search-slug', 'Proof Search (old title)'), arxiv: '2503.01234v1' };
    expect(planImport([arxivPaper('Proof Search, revised', '2503.01234v2', '2025-03-18')], [listed], false)[0]).toMatchObject({
      kind: 'skip',
      id: 'proof-search-slug',
      reason: 'already on the site, listed on 2025-03-17',
    });
  });

  it('imports two papers with one title and different arXiv ids as two papers, in one import and across imports', () => {
    const arxivPaper = (arxiv: string, origin: string): IncomingPaper => ({
      fields: { title: 'Shared Title for Two Papers', arxiv },
      abstract: `About ${arxiv}.`,
      origin,
      day: '2025-09-30',
      id: arxiv,
    });
    const both = planImport([arxivPaper('2509.18176', 'item 0'), arxivPaper('2509.25393', 'item 1')], [], false);
    expect(both.map((a) => [a.kind, a.id])).toEqual([
      ['create', '2509.18176'],
      ['create', '2509.25393'],
    ]);
    const first = { ...onDisk('2509.18176', 'Shared Title for Two Papers', '2025-09-30'), arxiv: '2509.18176' };
    expect(planImport([arxivPaper('2509.25393', 'item 1')], [first], false)[0]).toMatchObject({ kind: 'create', id: '2509.25393' });
  });

  it('still takes a same-title paper without an arXiv id for the one on the site', () => {
    const withId = { ...onDisk('2509.18176', 'Shared Title', '2025-09-30'), arxiv: '2509.18176' };
    expect(planImport([paper('Shared Title', 'l.txt:3', '2025-09-30')], [withId], false)[0]).toMatchObject({
      kind: 'unchanged',
      path: 'content/papers/2025-09-30/2509.18176.md',
    });
    const inOne = planImport(
      [paper('Shared Title', 'l.txt:3'), { ...paper('Shared Title', 'l.txt:5'), fields: { title: 'Shared Title', arxiv: '2509.18176' } }],
      [],
      false,
    );
    expect(inOne[1]).toMatchObject({ kind: 'skip', reason: 'the same paper as l.txt:3 in this import' });
  });

  it('refuses to reuse an id held by a different paper', () => {
    const holder = onDisk('2503.01234', 'Something Else');
    const incoming: IncomingPaper = {
      fields: { title: 'Proofs', arxiv: '2503.01234' },
      abstract: 'A.',
      origin: 'x',
      day: '2025-03-17',
      id: '2503.01234',
    };
    expect(planImport([incoming], [holder], false)[0]).toMatchObject({
      kind: 'skip',
      reason: 'the id 2503.01234 is taken by content/papers/2025-03-17/2503.01234.md',
    });
  });
});
