/**
 * A minimal static file server for built sites, on 127.0.0.1 and a free port: used by the
 * browser tests and by `npm run bench`, which also has it compress responses as a CDN would and
 * count the bytes it sends.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

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
  /** Every request answered so far, in order, with the body bytes sent (after compression). */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** One answered request. */
export interface ServedRequest {
  path: string;
  status: number;
  /** Body bytes on the wire (gzip-compressed when the client asked and `compress` is on). */
  bytes: number;
}

/** Options beyond the defaults (plain files, no caching headers). */
export interface ServeOptions {
  /**
   * Compress text responses with gzip when the client accepts it, and let browsers cache every
   * file for an hour, as a CDN serves a static site. Files Pagefind already compressed
   * (`.pf_*`) and WebAssembly's compressed payloads are sent as they are, like a CDN that skips
   * incompressible types.
   */
  compress?: boolean;
  /** Extra documents served at exact paths (outside `root`), e.g. a benchmark harness page. */
  extra?: Record<string, { type: string; body: string }>;
  /**
   * Serve over HTTP/2 with TLS, as the static hosts do (GitHub Pages, Netlify, Cloudflare): every
   * request of a page on one connection, none waiting for one of HTTP/1.1's six. The certificate is
   * a self-signed one for 127.0.0.1 (scripts/dev/tls/): the browser must ignore certificate errors.
   */
  http2?: boolean;
}

/** The self-signed certificate of 127.0.0.1 and its key, for `http2` (test use only). */
const TLS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tls');

/**
 * The Chromium flag that trusts the `http2` server's certificate. Trusted, not ignored: Chromium
 * keeps nothing in its HTTP cache from a site whose certificate errors it ignores, and a page's
 * preloads reach Pagefind's worker through that cache.
 */
export function trustServerCertificate(): string {
  const cert = new X509Certificate(readFileSync(path.join(TLS_DIR, 'localhost-cert.pem')));
  const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
  return `--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`;
}

// Types a CDN compresses; Pagefind's own files are gzip already.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt', '.wasm']);

/** The header rules of a Netlify-style `_headers` file: a path pattern, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): { pattern: RegExp; headers: [string, string][] }[] {
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      continue;
    }
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
 * 404.html. `withHeaders` sends the headers of `root/_headers`, as Netlify would.
 */
export async function serveStatic(root: string, base = '/', withHeaders = false, options: ServeOptions = {}): Promise<StaticServer> {
  const headersFile = path.join(root, '_headers');
  const rules = withHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const requests: ServedRequest[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const extra = options.extra?.[pathname];
    if (extra !== undefined) {
      res.writeHead(200, { 'content-type': extra.type, 'cache-control': 'no-store' });
      res.end(extra.body);
      requests.push({ path: pathname, status: 200, bytes: Buffer.byteLength(extra.body) });
      return;
    }
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const local = path.join(root, pathname.slice(base.length));
      if (local.startsWith(root)) {
        const candidate = pathname.endsWith('/') ? path.join(local, 'index.html') : local;
        if (existsSync(candidate) && statSync(candidate).isFile()) {
          file = candidate;
        }
      }
    }
    const status = file === undefined ? 404 : 200;
    file ??= path.join(root, '404.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      requests.push({ path: pathname, status: 404, bytes: 9 });
      return;
    }
    const fromRules = rules.filter((r) => r.pattern.test(pathname.slice(base.length - 1))).flatMap((r) => r.headers);
    const headers: Record<string, string> = {
      ...Object.fromEntries(fromRules),
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    };
    if (options.compress) {
      headers['cache-control'] = 'public, max-age=3600';
      let body = readFileSync(file);
      if (COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(status, headers);
      res.end(body);
      requests.push({ path: pathname, status, bytes: body.length });
      return;
    }
    res.writeHead(status, headers);
    createReadStream(file).pipe(res);
    requests.push({ path: pathname, status, bytes: statSync(file).size });
  };
  const server = options.http2
    ? createSecureServer(
        {
          allowHTTP1: true,
          key: readFileSync(path.join(TLS_DIR, 'localhost-key.pem')),
          cert: readFileSync(path.join(TLS_DIR, 'localhost-cert.pem')),
        },
        // Node's HTTP/2 compatibility API: the same request and response methods.
        handle as unknown as (req: Http2ServerRequest, res: Http2ServerResponse) => void,
      )
    : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.http2 ? 'https' : 'http'}://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
