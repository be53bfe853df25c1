/**
 * Builds the search index of the paper pages through Pagefind's Node API, at the end of
 * `astro build`, in frozen shards by listing period (src/data/search-shards.ts): a shard is
 * re-indexed only when one of its papers changed, was added, moved or deleted, or when the site's
 * code did. Every Pagefind response's `errors` is checked.
 *
 * Pagefind has no incremental mode, so each shard is a whole Pagefind bundle of its own, kept in
 * the build cache (`<cacheDir>/search-index/<shard>/`) with a manifest of the keys it was built
 * from, and linked into `dist/pagefind/` (the live shard at its root, the others under `shards/`).
 * A shard's key is the hash of the site's code and of its papers' files *without their votes*
 * (`withoutVotes`): the index holds no votes, so that a day of new votes thaws nothing. Votes for
 * the "most votes" order are written beside the shards instead (`votes.json`: each result's page
 * hash → the paper's votes, from the built `papers.json`).
 *
 * The index is written in Pagefind's own process, mostly on one core, so this hook starts it and
 * returns: `written()` is the promise of the finished index, which the verification integration
 * (placed after this one) awaits while it scans the pages on the other core. That integration
 * also checks each shard's page count.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { CACHE_DIR } from '../consts.ts';
import { contentDir, listPaperFiles } from '../content/content-files.ts';
import { totalVotes } from '../content/paper.ts';
import { withoutVotes } from '../content/paper-file.ts';
import { outPath, pagefindPath, papersDataPath, searchPath, siteBase } from '../data/routes.ts';
import { type SearchShard, type ShardName, shardPlan, VOTES_FILE } from '../data/search-shards.ts';
import { listFilesUnder } from '../lib/node/files.ts';
import { codeVersion, contentHash } from '../lib/node/hash.ts';
import { epochNow, recordPhase } from '../lib/node/phases.ts';
import { pagefindEntryUrl, SEARCH_PRELOAD } from '../lib/search-index.ts';
import { compareText } from '../lib/text.ts';

/** Paper pages in the built site (src/pages/papers/[id].astro with `build.format: 'directory'`). */
const PAPER_PAGES = 'papers/*/index.html';
/** The manifest's format: a manifest of another format is ignored (every shard is indexed again). */
const FORMAT = 1;
/** Pagefind's compressed files start with this signature, before the gzip stream. */
const SIGNATURE = 'pagefind_dcd';

/** The search-index integration, and the promise of its index for the integrations after it. */
export interface PagefindIntegration extends AstroIntegration {
  /** Resolves once `dist/pagefind/` is written; rejects with every error Pagefind reported. */
  written(): Promise<void>;
}

/** The Astro integration; `astro:build:done` starts indexing `dir` into `dir/pagefind/`. */
export function pagefindIntegration(): PagefindIntegration {
  let indexing: Promise<void> | undefined;
  let root = process.cwd();
  let base = '/';
  return {
    name: 'papershelf:pagefind',
    written: () => indexing ?? Promise.reject(new Error('the search index was never started: is the build done?')),
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = siteBase(config.base);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        indexing = buildIndex({ out, root, base, cacheDir: path.resolve(root, CACHE_DIR), content: contentDir() }, logger);
        // Awaited by the verification integration; marked handled here so that a failure is
        // reported there, once, with the other problems.
        indexing.catch(() => {});
      },
    },
  };
}

/**
 * How many fragment files Pagefind may write (Pagefind 1.6's `maxFragments` bundles the rest):
 * as many as keep the whole site within two files a paper, the budget that fits the hosts
 * (Cloudflare Pages' 20,000 files at 10,000 papers, 100,000 at 50,000; README → Performance).
 * Pagefind writes one fragment a page otherwise, a file per paper on top of the page itself.
 * Bundling costs search bytes (a result loads its whole bundle), so it goes no further than the
 * budget needs: none on a small site. `reserve` is room for Pagefind's other files (index chunks,
 * ~2.5 % of the papers, and its scripts). A shard gets its share, by its pages, when it is built,
 * and keeps it while it stays frozen.
 */
export function fragmentBudget(papers: number, otherFiles: number): number {
  const reserve = Math.ceil(papers * 0.03) + 100;
  return Math.max(1_000, 2 * papers - otherFiles - reserve);
}

/** What the cache remembers between builds (`<cacheDir>/search-index/manifest.json`). */
interface Manifest {
  format: number;
  /** Each paper file's key (`withoutVotes` hashed), by path under the content folder, with the size and time it was read at. */
  files: Record<string, { size: number; mtimeMs: number; key: string }>;
  /** Each built shard: its key, and its pages as Pagefind names them (page hash → paper id). */
  shards: Partial<Record<ShardName, { key: string; pages: Record<string, string> }>>;
}

export interface IndexPaths {
  /** The built site. */
  out: string;
  /** The project (its code is part of every shard's key). */
  root: string;
  /** Astro's `base`: part of the pages' URLs in the index. */
  base: string;
  cacheDir: string;
  /** The content folder. */
  content: string;
}

/** Indexes the paper pages of `out` into `out/pagefind/`, re-indexing only the shards that changed. */
export async function buildIndex(paths: IndexPaths, logger: { info(message: string): void }): Promise<void> {
  const started = performance.now();
  const phaseStart = epochNow();
  const store = path.join(paths.cacheDir, 'search-index');
  const manifestFile = path.join(store, 'manifest.json');
  try {
    const manifest = readManifest(manifestFile);
    mkdirSync(store, { recursive: true });
    const papers = listPaperFiles(paths.content);
    const files = sourceKeys(paths.content, papers, manifest.files);
    const planned = shardPlan(papers);
    const plan = planned.map((p) => p.shard);
    const code = contentHash(
      String(FORMAT),
      paths.base,
      codeVersion([
        ...listFilesUnder(path.join(paths.root, 'src')),
        ...['astro.config.mjs', 'package-lock.json'].map((f) => path.join(paths.root, f)),
      ]),
    );
    const pagefindDir = outPath(pagefindPath());
    const budget = fragmentBudget(papers.length, countFiles(paths.out, pagefindDir));
    const built: ShardName[] = [];
    const next: Manifest = { format: FORMAT, files, shards: {} };
    for (const { shard, papers: inShard } of planned) {
      const members = [...inShard].sort((a, b) => compareText(a.id, b.id));
      const key = contentHash(code, shard.name, ...members.map((p) => `${p.day}/${p.id} ${files[relative(paths.content, p.path)]?.key}`));
      const bundle = path.join(store, shard.name);
      const cached = manifest.shards[shard.name];
      if (cached !== undefined && cached.key === key && existsSync(path.join(bundle, 'pagefind-entry.json'))) {
        next.shards[shard.name] = cached;
        continue;
      }
      const maxFragments = Math.max(1, Math.ceil((budget * members.length) / Math.max(1, papers.length)));
      await indexShard(paths.out, path.join(store, `stage-${shard.name}`), bundle, members, maxFragments);
      next.shards[shard.name] = { key, pages: pageIds(bundle) };
      built.push(shard.name);
    }
    for (const name of readdirSync(store)) {
      if (name !== 'manifest.json' && !plan.some((s) => s.name === name)) {
        rmSync(path.join(store, name), { recursive: true, force: true });
      }
    }
    const target = path.join(paths.out, pagefindDir);
    linkShards(store, target, plan);
    writeFileSync(path.join(target, VOTES_FILE), votesFile(paths.out, next));
    writeSearchPreloads(paths.out, paths.base, target, plan);
    writeFileSync(manifestFile, JSON.stringify(next));
    const kept = plan.length - built.length;
    logger.info(
      `search index: ${papers.length} paper pages in ${plan.length} shard${plan.length === 1 ? '' : 's'}; ` +
        (built.length > 0 ? `indexed ${built.join(', ')}` : 'nothing to index') +
        (kept > 0 ? `, ${kept} unchanged` : '') +
        ` (${Math.round(performance.now() - started)} ms)`,
    );
  } finally {
    await pagefind.close();
    recordPhase('pagefind', phaseStart);
  }
}

/** Indexes the pages of `members` (in `out`) into the bundle folder `bundle`, replacing it. */
async function indexShard(
  out: string,
  stage: string,
  bundle: string,
  members: readonly { id: string }[],
  maxFragments: number,
): Promise<void> {
  // Pagefind reads a folder: the shard's pages are linked into one of their own (addHTMLFile,
  // which takes the pages one by one, is slower: docs/performance.md, "Behind the code").
  rmSync(stage, { recursive: true, force: true });
  for (const { id } of members) {
    const page = path.join('papers', id, 'index.html');
    mkdirSync(path.join(stage, 'papers', id), { recursive: true });
    linkOrCopy(path.join(out, page), path.join(stage, page));
  }
  try {
    const index = ok('createIndex', await pagefind.createIndex({ forceLanguage: 'en', maxFragments })).index;
    if (index === undefined) {
      throw new Error('Pagefind returned no index');
    }
    const added = ok('addDirectory', await index.addDirectory({ path: stage, glob: PAPER_PAGES }));
    if (added.page_count !== members.length) {
      throw new Error(`Pagefind indexed ${added.page_count} of the ${members.length} paper pages of a shard (${bundle})`);
    }
    const fresh = `${bundle}.new`;
    rmSync(fresh, { recursive: true, force: true });
    ok('writeFiles', await index.writeFiles({ outputPath: fresh }));
    await index.deleteIndex();
    rmSync(bundle, { recursive: true, force: true });
    renameSync(fresh, bundle);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * The pages of a written bundle, page hash → paper id: the hash is the id a search result has
 * before its data is loaded, which the votes order needs. Read from the fragments, each one page's
 * (`<hash>.pf_fragment`) or a bundle of them (`<lang>_group_<hash>.pf_fragment`, keyed by hash).
 */
export function pageIds(bundle: string): Record<string, string> {
  const pages: Record<string, string> = {};
  const folder = path.join(bundle, 'fragment');
  if (!existsSync(folder)) {
    return pages;
  }
  const add = (hash: string, fragment: { url?: string }) => {
    const id = /^\/papers\/([^/]+)\/$/.exec(fragment.url ?? '')?.[1];
    if (id === undefined) {
      throw new Error(`search index: a fragment of ${bundle} has no paper URL (${hash})`);
    }
    pages[hash] = decodeURIComponent(id);
  };
  for (const name of readdirSync(folder).sort()) {
    const data = gunzipSync(readFileSync(path.join(folder, name))).toString('utf8');
    if (!data.startsWith(SIGNATURE)) {
      throw new Error(`search index: ${name} is not a Pagefind fragment`);
    }
    const json = JSON.parse(data.slice(SIGNATURE.length)) as Record<string, unknown>;
    const hash = name.replace(/\.pf_fragment$/, '');
    if (/_group_/.test(hash)) {
      for (const [page, fragment] of Object.entries(json)) {
        add(page, fragment as { url?: string });
      }
    } else {
      add(hash, json as { url?: string });
    }
  }
  return pages;
}

/**
 * Makes `target` (dist/pagefind/) hold exactly the shards of `plan`: the live one at its root, the
 * others under `shards/<name>/`. A shard already there (same entry file, same files) is left alone.
 */
function linkShards(store: string, target: string, plan: readonly SearchShard[]): void {
  mkdirSync(target, { recursive: true });
  const keep = new Set(['shards', VOTES_FILE]);
  for (const shard of plan) {
    const bundle = path.join(store, shard.name);
    const place = path.join(target, shard.dir);
    const atRoot = shard.dir === '';
    if (sameBundle(bundle, place, atRoot ? keep : new Set())) {
      continue;
    }
    if (atRoot) {
      for (const name of readdirSync(place)) {
        if (!keep.has(name)) {
          rmSync(path.join(place, name), { recursive: true, force: true });
        }
      }
    } else {
      rmSync(place, { recursive: true, force: true });
    }
    for (const file of treeFiles(bundle)) {
      mkdirSync(path.dirname(path.join(place, file)), { recursive: true });
      linkOrCopy(path.join(bundle, file), path.join(place, file));
    }
  }
  // Shards the plan no longer has, and whatever else is in shards/.
  const shardsDir = path.join(target, 'shards');
  if (existsSync(shardsDir)) {
    const wanted = new Set(plan.filter((s) => s.dir !== '').map((s) => s.name as string));
    for (const name of readdirSync(shardsDir)) {
      if (!wanted.has(name)) {
        rmSync(path.join(shardsDir, name), { recursive: true, force: true });
      }
    }
    if (readdirSync(shardsDir).length === 0) {
      rmSync(shardsDir, { recursive: true });
    }
  }
}

/**
 * Writes the search page's preloads into its built HTML (see SEARCH_PRELOAD): the runtime's worker
 * and WebAssembly, and each shard's entry (tagged with its metadata hash), metadata and filters, at
 * the end of its head. Links already there (a second run over the same output) are replaced.
 */
function writeSearchPreloads(out: string, base: string, target: string, plan: readonly SearchShard[]): void {
  const page = path.join(out, outPath(searchPath()), 'index.html');
  if (!existsSync(page)) {
    return;
  }
  // URLs under the site's base as configured (routes.ts's base is Vite's, which an integration lacks).
  const pagefindUrl = `${base}${outPath(pagefindPath())}/`;
  const link = (href: string, extra = '') => `<link rel="preload" as="fetch" crossorigin href="${href}" ${SEARCH_PRELOAD}${extra}>`;
  const links = [link(`${pagefindUrl}pagefind-worker.js`)];
  for (const shard of plan) {
    const place = path.join(target, shard.dir);
    const entryFile = path.join(place, 'pagefind-entry.json');
    if (!existsSync(entryFile)) {
      continue;
    }
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm?: string }> };
    const languages = Object.values(entry.languages);
    const bundle = `${pagefindUrl}${shard.dir}`;
    const tag = languages.map((l) => l.hash).join('.');
    // The runtime's WebAssembly is the live shard's (the merged shards use its module).
    if (shard.dir === '') {
      for (const { wasm } of languages) {
        if (wasm !== undefined) {
          links.push(link(`${bundle}wasm.${wasm}.pagefind`));
        }
      }
    }
    links.push(link(pagefindEntryUrl(bundle, tag), ` data-shard="${bundle}" data-tag="${tag}"`));
    for (const { hash } of languages) {
      links.push(link(`${bundle}pagefind.${hash}.pf_meta`));
    }
    for (const file of treeFiles(path.join(place, 'filter'))) {
      links.push(link(`${bundle}filter/${file}`));
    }
  }
  const html = readFileSync(page, 'utf8').replace(new RegExp(`<link [^>]*${SEARCH_PRELOAD}[^>]*>`, 'g'), '');
  // The page's scripts (at the end of its body) and the modules they import (Vite's shared chunks),
  // which the browser would otherwise ask for only once it has read the script that imports them:
  // first, since nothing starts before they run.
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const modules = [...new Set([...scripts, ...staticImports(out, base, scripts)])];
  const modulePreloads = modules.map((url) => `<link rel="modulepreload" href="${url}" ${SEARCH_PRELOAD}>`);
  writeFileSync(page, html.replace('</head>', `${[...modulePreloads, ...links].join('')}</head>`));
}

/** Every module the scripts at `urls` (site paths under `base`) import statically, at any depth, as site paths. */
function staticImports(out: string, base: string, urls: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (url: string) => {
    const file = path.join(out, url.startsWith(base) ? url.slice(base.length) : url);
    if (!url.endsWith('.js') || !existsSync(file)) {
      return;
    }
    // Vite's output: `import{…}from"./chunk.js"`, `import"./chunk.js"`.
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      const target = new URL(m[1] ?? '', `http://site${url}`).pathname;
      if (seen.has(target)) {
        continue;
      }
      seen.add(target);
      visit(target);
    }
  };
  for (const url of urls) {
    visit(url);
  }
  return [...seen];
}

/** True when `place` holds the bundle's files (names, and the entry file byte for byte; the rest are named by their hashes). */
function sameBundle(bundle: string, place: string, ignore: ReadonlySet<string>): boolean {
  const entry = 'pagefind-entry.json';
  if (!existsSync(path.join(place, entry))) {
    return false;
  }
  if (!readFileSync(path.join(place, entry)).equals(readFileSync(path.join(bundle, entry)))) {
    return false;
  }
  const have = treeFiles(place).filter((f) => !ignore.has(f.split('/')[0] ?? ''));
  const want = treeFiles(bundle);
  return have.length === want.length && have.every((f, i) => f === want[i]);
}

/** Every file under `dir`, '/'-separated relative paths, sorted. */
function treeFiles(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort(compareText);
}

/** The votes file: every indexed page with votes, page hash → votes (the site's own plus Hugging Face's), from `papers.json`. */
function votesFile(out: string, manifest: Manifest): string {
  const data = JSON.parse(readFileSync(path.join(out, outPath(papersDataPath())), 'utf8')) as {
    papers: { id: string; votes?: number; hf_upvotes?: number }[];
  };
  const votes = new Map(data.papers.map((p) => [p.id, totalVotes(p)]));
  const entries: [string, number][] = [];
  for (const shard of Object.values(manifest.shards)) {
    for (const [hash, id] of Object.entries(shard?.pages ?? {})) {
      const n = votes.get(id) ?? 0;
      if (n > 0) {
        entries.push([hash, n]);
      }
    }
  }
  return `${JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => compareText(a, b))))}\n`;
}

/** Each paper file's key, by path under `content`: read again only when its size or time changed. */
function sourceKeys(content: string, papers: readonly { path: string }[], known: Manifest['files']): Manifest['files'] {
  const files: Manifest['files'] = {};
  for (const paper of papers) {
    const name = relative(content, paper.path);
    const { size, mtimeMs } = statSync(paper.path);
    const was = known[name];
    files[name] =
      was !== undefined && was.size === size && was.mtimeMs === mtimeMs
        ? was
        : { size, mtimeMs, key: contentHash(withoutVotes(readFileSync(paper.path, 'utf8'))) };
  }
  return files;
}

function readManifest(file: string): Manifest {
  const empty: Manifest = { format: FORMAT, files: {}, shards: {} };
  if (!existsSync(file)) {
    return empty;
  }
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return manifest.format === FORMAT ? manifest : empty;
  } catch {
    return empty;
  }
}

/** A hard link (the same bytes, no copy), or a copy where links cannot be made (another file system). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function relative(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** How many files the site has outside `skip` (its search index, whose budget this counts for). */
function countFiles(dir: string, skip: string): number {
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const folder = path.relative(dir, entry.parentPath).split(path.sep)[0];
    if (entry.isFile() && folder !== skip) {
      files++;
    }
  }
  return files;
}

/** Throws with every error Pagefind reported for `step`; otherwise returns the response. */
function ok<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind ${step} failed:\n${response.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  return response;
}
