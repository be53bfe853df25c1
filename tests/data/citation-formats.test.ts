import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import type { CitablePaper } from '../../src/data/citation-formats.ts';
import {
  bibtexEntry,
  bibtexKey,
  bibtexTitle,
  citationDate,
  citationFile,
  cslItem,
  escapeBibtex,
  highwireTags,
  invertName,
  referencesIn,
  risEntry,
  scholarlyArticleJson,
} from '../../src/data/citation-formats.ts';

const paper: CitablePaper = {
  title: 'TidalDecode: Fast & Accurate LLM Decoding in O(n²)',
  rawTitle: 'TidalDecode: Fast & Accurate LLM Decoding in $O(n^2)$',
  authors: ['Lijie Yang', 'Łukasz Kaiser', 'Zoë Müller', 'H1 Collaboration'],
  arxiv: '2410.05076v2',
  category: 'cs.LG',
  journal: undefined,
  abstract: 'A </script><script>alert(1)</script> abstract & more.',
  day: '2025-03-17',
  published: '2024-10-07',
  pageUrl: 'https://papershelf.example.org/papers/2410.05076/',
  pdfUrl: 'https://arxiv.org/pdf/2410.05076',
};

describe('invertName', () => {
  it('writes "Family, Given" as Zotero and arXiv do, and leaves collaborations alone', () => {
    expect(invertName('Lijie Yang')).toBe('Yang, Lijie');
    expect(invertName('María José García')).toBe('García, María José');
    expect(invertName('H1 Collaboration')).toBe('H1 Collaboration');
    expect(invertName('Plato')).toBe('Plato');
  });
});

describe('citationDate', () => {
  it("is the paper's own date, else the month its arXiv id encodes, never the listing day", () => {
    expect(citationDate(paper)).toBe('2024-10-07');
    expect(citationDate({ published: undefined, arxiv: '2212.08653v3' })).toBe('2022-12');
    expect(citationDate({ published: undefined, arxiv: 'hep-ex/0307015' })).toBe('2003-07');
    expect(citationDate({ published: undefined, arxiv: 'math.GT/9912001' })).toBe('1999-12');
    expect(citationDate({ published: undefined, arxiv: undefined })).toBeUndefined();
  });
});

describe('highwireTags', () => {
  it('lists a preprint as Zotero files one: title, authors, its own date, the listing day online, arXiv id, DOI, PDF, abstract', () => {
    expect(highwireTags(paper)).toEqual([
      { name: 'citation_title', content: 'TidalDecode: Fast & Accurate LLM Decoding in O(n²)' },
      { name: 'citation_author', content: 'Yang, Lijie' },
      { name: 'citation_author', content: 'Kaiser, Łukasz' },
      { name: 'citation_author', content: 'Müller, Zoë' },
      { name: 'citation_author', content: 'H1 Collaboration' },
      { name: 'citation_publication_date', content: '2024/10/07' },
      { name: 'citation_online_date', content: '2025/03/17' },
      { name: 'citation_arxiv_id', content: '2410.05076' },
      { name: 'citation_publisher', content: 'arXiv' },
      { name: 'citation_doi', content: '10.48550/arXiv.2410.05076' },
      { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2410.05076' },
      { name: 'citation_abstract', content: 'A </script><script>alert(1)</script> abstract & more.' },
      { name: 'DC.type', content: 'preprint' },
      { name: 'z:archiveID', content: 'arXiv:2410.05076' },
    ]);
  });
  it('dates a paper with no date of its own by its arXiv id, and one with neither not at all', () => {
    const tags = (p: CitablePaper) => highwireTags(p).filter((t) => t.name.endsWith('_date'));
    expect(tags({ ...paper, published: undefined, arxiv: '2212.08653' })).toEqual([
      { name: 'citation_publication_date', content: '2022/12' },
      { name: 'citation_online_date', content: '2025/03/17' },
    ]);
    expect(tags({ ...paper, published: undefined, arxiv: undefined })).toEqual([{ name: 'citation_online_date', content: '2025/03/17' }]);
  });
  it('gives a paper with a journal reference as a journal article in it, without the preprint’s DOI', () => {
    const names = highwireTags({ ...paper, journal: 'Proc. ICLR 2025' }).map((t) => t.name);
    expect(names).toContain('citation_journal_title');
    expect(names).not.toContain('DC.type');
    expect(names).not.toContain('citation_doi');
  });
});

describe('scholarlyArticleJson', () => {
  it('is a schema.org ScholarlyArticle that cannot close its script element', () => {
    const hostile = { ...paper, title: 'A </script><script>alert(1)</script> title & more' };
    const json = scholarlyArticleJson(hostile);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: hostile.title,
      author: paper.authors.map((name) => ({ '@type': 'Person', name })),
      datePublished: '2024-10-07',
      identifier: 'arXiv:2410.05076',
      sameAs: 'https://arxiv.org/abs/2410.05076',
    });
    expect(JSON.parse(scholarlyArticleJson({ ...paper, published: undefined, arxiv: undefined }))).not.toHaveProperty('datePublished');
    expect(JSON.parse(scholarlyArticleJson({ ...paper, published: undefined, journal: 'Nature 1' }))).toMatchObject({
      datePublished: '2024-10',
      isPartOf: { '@type': 'Periodical', name: 'Nature 1' },
    });
  });
  it('leaves the abstract out: the page shows it, and citation_abstract gives it to reference managers', () => {
    expect(JSON.parse(scholarlyArticleJson(paper))).not.toHaveProperty('abstract');
  });
});

describe('escapeBibtex', () => {
  it('escapes specials and writes accents as commands, keeping math', () => {
    expect(escapeBibtex('R&D {braces} 50% #1 a_b')).toBe('R\\&D \\{braces\\} 50\\% \\#1 a\\_b');
    expect(escapeBibtex('Łukasz Müller, Erdős, Čech, façade, Ørsted, Straße')).toBe(
      '{\\L}ukasz M{\\"u}ller, Erd{\\H{o}}s, {\\v{C}}ech, fa{\\c{c}}ade, {\\O}rsted, Stra{\\ss}e',
    );
    expect(escapeBibtex('in $O(n^2)$ & more')).toBe('in $O(n^2)$ \\& more');
  });
  it('keeps accented letters of other scripts as they are', () => {
    expect(escapeBibtex('Αλέξανδρος Ünal, Йорданов')).toBe('Αλέξανδρος {\\"U}nal, Йорданов');
  });
});

describe('bibtexTitle', () => {
  it('braces acronyms and mixed-case words as DBLP does, and leaves capitalised words to the style', () => {
    expect(bibtexTitle('Active-Dormant Attention Heads: Extreme-Token Phenomena in LLMs')).toBe(
      'Active-Dormant Attention Heads: Extreme-Token Phenomena in {LLMs}',
    );
    expect(bibtexTitle('ShowUI: One Vision-Language-Action Model for GUI Agents')).toBe(
      '{ShowUI}: One Vision-Language-Action Model for {GUI} Agents',
    );
    expect(bibtexTitle('GPT-4o and iPhone-scale 3D: (LoRA) "R&D"')).toBe('{GPT-4o} and {iPhone-scale} {3D}: ({LoRA}) "{R\\&D}"');
  });
  it('keeps math as written and escapes inside the braces', () => {
    expect(bibtexTitle('Solving $O(N^2)$ Problems with QA_Bench & More')).toBe('Solving $O(N^2)$ Problems with {QA\\_Bench} \\& More');
    expect(bibtexTitle('Über Ünal: a Title')).toBe('{\\"U}ber {\\"U}nal: a Title');
  });
});

describe('bibtexEntry', () => {
  it('writes an arXiv-style @misc entry', () => {
    expect(bibtexEntry(paper)).toBe(
      [
        '@misc{yang2024tidaldecode,',
        '  title={{TidalDecode}: Fast \\& Accurate {LLM} Decoding in $O(n^2)$},',
        '  author={Lijie Yang and {\\L}ukasz Kaiser and Zo{\\"e} M{\\"u}ller and H1 Collaboration},',
        '  year={2024},',
        '  eprint={2410.05076},',
        '  archivePrefix={arXiv},',
        '  eprinttype={arxiv},',
        '  primaryClass={cs.LG},',
        '  doi={10.48550/arXiv.2410.05076},',
        '  url={https://arxiv.org/abs/2410.05076},',
        '}',
        '',
      ].join('\n'),
    );
  });
  it('gives no year rather than the listing day, and the page URL, without arXiv data', () => {
    const entry = bibtexEntry({ ...paper, arxiv: undefined, category: undefined, published: undefined, authors: [] });
    expect(entry).toContain('@misc{anonymoustidaldecode,');
    expect(entry).toContain('url={https://papershelf.example.org/papers/2410.05076/},');
    expect(entry).not.toMatch(/eprint|archivePrefix|primaryClass|author=|year=|doi=/);
  });
  it('dates a paper by its arXiv id when it has no date, and writes a journal article as @article in its journal', () => {
    expect(bibtexEntry({ ...paper, published: undefined, arxiv: '2212.08653' })).toMatch(
      /^@misc\{yang2022tidaldecode,\n[\s\S]*year=\{2022\}/,
    );
    const article = parseBibtex(bibtexEntry({ ...paper, journal: 'Proc. ICLR 2025' }));
    expect(article.errors).toEqual([]);
    expect(article.entries[0]?.type).toBe('article');
    expect(article.entries[0]?.fields).toMatchObject({ journal: 'Proc. ICLR 2025', eprint: '2410.05076', eprinttype: 'arxiv' });
    expect(article.entries[0]?.fields).not.toHaveProperty('doi');
  });
  it('builds keys from the family name, year and first real title word', () => {
    expect(bibtexKey({ authors: ['Łukasz Kaiser'], title: 'The Transformer', arxiv: undefined, published: '2017-06-12' })).toBe(
      'kaiser2017transformer',
    );
  });
});

describe('risEntry and cslItem, read back by citation-js (the library behind many reference tools)', () => {
  /** The paper's authors as CSL names: family and given, a collaboration as a literal. */
  const CSL_AUTHORS = [
    { family: 'Yang', given: 'Lijie' },
    { family: 'Kaiser', given: 'Łukasz' },
    { family: 'Müller', given: 'Zoë' },
    { literal: 'H1 Collaboration' },
  ];

  it('writes an RIS record that citation-js reads as the same paper', () => {
    const ris = risEntry(paper);
    expect(ris.split('\n')[0]).toBe('TY  - UNPB');
    expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
    const [item] = new Cite(ris).data as Record<string, unknown>[];
    expect(item).toMatchObject({
      title: paper.title,
      author: CSL_AUTHORS,
      issued: { 'date-parts': [[2024, 10, 7]] },
      DOI: '10.48550/arXiv.2410.05076',
      URL: 'https://arxiv.org/abs/2410.05076',
      abstract: paper.abstract,
    });
  });

  it('keeps every line one line, whatever the abstract holds', () => {
    const ris = risEntry({ ...paper, abstract: 'First line.\nER  - a fake end\r\nlast.' });
    expect(ris.split('\n').filter((l) => l.startsWith('ER  -'))).toHaveLength(1);
    expect((new Cite(ris).data as { abstract: string }[])[0]?.abstract).toBe('First line. ER - a fake end last.');
  });

  it('gives a CSL-JSON item that citation-js takes as it is', () => {
    const item = cslItem(paper);
    const [read] = new Cite([item]).data as Record<string, unknown>[];
    expect(read).toMatchObject({
      id: 'yang2024tidaldecode',
      type: 'article',
      title: paper.title,
      author: CSL_AUTHORS,
      issued: { 'date-parts': [[2024, 10, 7]] },
      publisher: 'arXiv',
      number: '2410.05076',
      DOI: '10.48550/arXiv.2410.05076',
    });
    expect(cslItem({ ...paper, arxiv: undefined })).toMatchObject({ URL: paper.pageUrl });
    expect(cslItem({ ...paper, arxiv: undefined })).not.toHaveProperty('DOI');
    expect(cslItem({ ...paper, arxiv: undefined, published: undefined })).not.toHaveProperty('issued');
  });

  it('dates and types the paper as every other format does: the arXiv month, a journal article in its journal', () => {
    const dated = { ...paper, published: undefined, arxiv: '2212.08653' };
    expect((new Cite(risEntry(dated)).data as Record<string, unknown>[])[0]).toMatchObject({ issued: { 'date-parts': [[2022, 12]] } });
    expect(new Cite([cslItem(dated)]).data[0]).toMatchObject({ issued: { 'date-parts': [[2022, 12]] } });
    const journal = { ...paper, journal: 'Proc. ICLR 2025' };
    expect(risEntry(journal).split('\n')[0]).toBe('TY  - JOUR');
    expect((new Cite(risEntry(journal)).data as Record<string, unknown>[])[0]).toMatchObject({
      type: 'article-journal',
      'container-title': 'Proc. ICLR 2025',
    });
    expect(cslItem(journal)).toMatchObject({ type: 'article-journal', 'container-title': 'Proc. ICLR 2025', note: 'arXiv: 2410.05076' });
    expect(cslItem(journal)).not.toHaveProperty('DOI');
  });

  it('writes a BibTeX entry that the parser behind Better BibTeX reads with no error', () => {
    const library = parseBibtex(bibtexEntry(paper));
    expect(library.errors).toEqual([]);
    // Its sentence-casing keeps the protected words (TidalDecode, LLM) and the math.
    expect(library.entries[0]?.fields.title).toBe('TidalDecode: Fast & accurate LLM decoding in <span class="nocase">O(n²)</span>');
    expect(library.entries[0]?.fields.eprint).toBe('2410.05076');
  });
});

describe('citationFile', () => {
  const other: CitablePaper = {
    ...paper,
    title: 'Attentive Mask CLIP',
    rawTitle: 'Attentive Mask CLIP',
    arxiv: undefined,
    authors: ['Yifan Yang'],
  };
  it('writes whole files that the parsers behind Zotero, JabRef and citation-js read as the same papers, in order', () => {
    const bib = citationFile('bibtex', [paper, other]);
    const parsed = parseBibtex(bib);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => e.key)).toEqual(['yang2024tidaldecode', 'yang2024attentive']);
    expect((new Cite(bib).data as { title: string }[]).map((i) => i.title)).toEqual([
      expect.stringMatching(/^TidalDecode/),
      'Attentive Mask CLIP',
    ]);
    const ris = citationFile('ris', [paper, other]);
    expect((new Cite(ris).data as { title: string }[]).map((i) => i.title)).toEqual([paper.title, 'Attentive Mask CLIP']);
    const csl = JSON.parse(citationFile('csl-json', [paper, other])) as unknown[];
    expect((new Cite(csl).data as { URL: string }[]).map((i) => i.URL)).toEqual(['https://arxiv.org/abs/2410.05076', paper.pageUrl]);
    expect(citationFile('bibtex', [])).toBe('\n');
  });
});

describe('referencesIn', () => {
  const other: CitablePaper = { ...paper, arxiv: undefined, pageUrl: 'https://papershelf.example.org/papers/attentive-mask-clip/' };
  const expected = [
    { arxiv: '2410.05076', urls: expect.arrayContaining(['https://arxiv.org/abs/2410.05076']) },
    { urls: expect.arrayContaining([other.pageUrl]) },
  ];
  it('reads back the papers of each file the site writes, one per entry', () => {
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      expect(referencesIn(citationFile(format, [paper, other])), format).toEqual(expected);
    }
  });
  it('reads files that other tools wrote from them (citation-js as BibTeX, RIS and CSL-JSON)', () => {
    const cite = new Cite(JSON.parse(citationFile('csl-json', [paper, other])));
    for (const format of ['bibtex', 'ris'] as const) {
      const text = cite.format(format) as string;
      expect(referencesIn(text), format).toEqual(expected);
    }
    expect(referencesIn(cite.format('data') as string)).toEqual(expected);
  });
  it('reads arXiv ids however an entry gives them, and names entries with none', () => {
    const bib = [
      '@article{a, title={A}, journal={arXiv preprint arXiv:2503.01234}, year={2025}}',
      '@misc{b, eprint={hep-ex/0307015v2}, archivePrefix={arXiv}}',
      '@misc{c, doi={10.48550/arXiv.2502.00001}}',
      '@misc{d, howpublished={\\url{https://arxiv.org/pdf/2501.00002v3.pdf}}}',
      '@book{e, title={No arXiv here}}',
      '@comment{jabref-meta: databaseType:bibtex;}',
    ].join('\n');
    expect(referencesIn(bib)).toEqual([
      { arxiv: '2503.01234', urls: [] },
      { arxiv: 'hep-ex/0307015', urls: [] },
      { arxiv: '2502.00001', urls: [] },
      { arxiv: '2501.00002', urls: ['https://arxiv.org/pdf/2501.00002v3.pdf'] },
      { urls: [] },
    ]);
  });
  it('finds nothing in what is not a reference file, and never evaluates it', () => {
    expect(referencesIn('')).toEqual([]);
    expect(referencesIn('just some text about arXiv:2503.01234')).toEqual([]);
    expect(referencesIn('[{"broken": ')).toEqual([]);
    expect(referencesIn('{"__proto__": {"polluted": 1}, "URL": "https://arxiv.org/abs/2503.01234"}')).toEqual([
      { arxiv: '2503.01234', urls: ['https://arxiv.org/abs/2503.01234'] },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
