/** A minimal static file server for built sites, on 127.0.0.1 and a free port. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running server; `close()` stops it. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The header rules of a Netlify-style `_headers` file: a path pattern, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const colon = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/**
 * Serves `root` under `base` ('/' or '/sub/'), like a static host: dir/ → dir/index.html, else
 * 404.html; with `withHeaders`, it sends the headers of `root/_headers` as Netlify would.
 */
export async function serveStatic(root: string, base = '/', withHeaders = false): Promise<StaticServer> {
  const headersFile = path.join(root, '_headers');
  const rules = withHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const local = path.join(root, pathname.slice(base.length));
      if (local.startsWith(root)) {
        const candidate = pathname.endsWith('/') ? path.join(local, 'index.html') : local;
        if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
      }
    }
    const status = file === undefined ? 404 : 200;
    file ??= path.join(root, '404.html');
    const extra = rules.filter((r) => r.pattern.test(pathname.slice(base.length - 1))).flatMap((r) => r.headers);
    res.writeHead(status, { ...Object.fromEntries(extra), 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
