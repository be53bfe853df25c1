/**
 * Search in `npm run dev`: Astro's dev server does not build a search index, so it serves the last
 * build's (`<out>/pagefind/`, `npm run build`) at the site's Pagefind path, and says at start which
 * index that is, or that there is none yet (the search page then says so too). Papers added since
 * that build are found after the next build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OUT_DIR } from '../consts.ts';
import { siteBase } from '../data/routes.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** What the dev server says of the index at start: where it comes from, or that there is none. */
export function describeIndex(index: string): string {
  const entry = path.join(index, 'pagefind-entry.json');
  if (!existsSync(entry)) {
    return `search: no index yet in ${index}: run npm run build once, and search works here too`;
  }
  // The live shard's entry at the root, the others' under shards/ (src/data/search-shards.ts).
  const shards = path.join(index, 'shards');
  const entries = [entry, ...(existsSync(shards) ? readdirSync(shards).map((name) => path.join(shards, name, 'pagefind-entry.json')) : [])];
  const pages = entries
    .filter((file) => existsSync(file))
    .reduce((sum, file) => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { languages?: Record<string, { page_count?: number }> };
      return sum + Object.values(data.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
    }, 0);
  return `search: serving the last build's index (${pages} papers, ${index}, built ${statSync(entry).mtime.toISOString()}); papers added since then are found after the next npm run build`;
}

/**
 * A middleware that answers `<prefix><file>` from `index` (and nothing outside it); any other URL,
 * or a file the index does not have, goes on to the dev server.
 */
export function indexMiddleware(index: string, prefix: string) {
  const root = path.resolve(index);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
    const file = path.resolve(root, pathname.slice(prefix.length));
    if (!pathname.startsWith(prefix) || !file.startsWith(`${root}${path.sep}`) || !existsSync(file) || !statSync(file).isFile()) {
      next();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  };
}

/** The Astro integration (dev server only). */
export function devSearchIntegration(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'papershelf:dev-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = siteBase(config.base);
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        const index = path.resolve(root, OUT_DIR, 'pagefind');
        logger.info(describeIndex(index));
        server.middlewares.use(indexMiddleware(index, `${base}pagefind/`));
      },
    },
  };
}
