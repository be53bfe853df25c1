/**
 * The library's files and links, as pure functions that run in the browser and in Node alike:
 * saved papers as citations (written by the site's own citation module, as the day pages' `.bib`),
 * and a list of paper ids packed into a share link's fragment (deflated, base64url: the fragment
 * never reaches a server). Loaded only when the reader exports, imports or shares.
 */

import { type CitablePaper, type CitationFormat, citationFile } from '../data/citation-formats.ts';
import { isPaperId } from '../lib/paper-id.ts';
import type { SavedPaper } from './library-store.ts';

/** A saved paper as the citation module cites it; the library keeps no abstract, and its title is plain text. */
export function citableOf(paper: SavedPaper, origin: string): CitablePaper {
  return {
    title: paper.title,
    rawTitle: paper.title,
    authors: paper.authors,
    arxiv: paper.arxiv,
    category: paper.category,
    journal: paper.journal,
    abstract: '',
    day: paper.day as CitablePaper['day'],
    published: paper.published as CitablePaper['published'],
    pageUrl: new URL(paper.path, origin).href,
  };
}

/** A reference file of saved papers, in the order given. */
export function libraryFile(format: CitationFormat, papers: readonly SavedPaper[], origin: string): string {
  return citationFile(
    format,
    papers.map((p) => citableOf(p, origin)),
  );
}

/** The fragment key of a shared list: '/library/#share=…'. */
export const SHARE_KEY = 'share';
/**
 * The most papers one export, import or shared list reads pages for (each is a fetch of its page),
 * and so the most a share link carries (~25 KB of URL).
 */
export const FETCH_LIMIT = 500;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Paper ids packed for a share link's fragment: newline-joined, deflated, base64url. */
export async function encodeShare(ids: readonly string[]): Promise<string> {
  const packed = await through(new TextEncoder().encode(ids.join('\n')), new CompressionStream('deflate-raw'));
  let binary = '';
  for (const byte of packed) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The paper ids a share fragment carries, or undefined when it is not one this site wrote (not
 * base64url, not deflate, more than FETCH_LIMIT ids, or any id not a paper id): a link is read as
 * data, never trusted.
 */
export async function decodeShare(packed: string): Promise<string[] | undefined> {
  if (!/^[A-Za-z0-9_-]{1,200000}$/.test(packed)) {
    return undefined;
  }
  try {
    const binary = atob(packed.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await through(bytes, new DecompressionStream('deflate-raw')));
    const ids = text.split('\n');
    if (ids.length > FETCH_LIMIT || !ids.every((id) => id.length <= 200 && isPaperId(id))) {
      return undefined;
    }
    return [...new Set(ids)];
  } catch {
    return undefined;
  }
}
