/** A minimal static file server for built sites, on 127.0.0.1 and a free port. */
import { createReadStream, existsSync, statSync } from 'node:fs';
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

/** Serves `root` under `base` ('/' or '/sub/'), like a static host: dir/ → dir/index.html, else 404.html. */
export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
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
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
