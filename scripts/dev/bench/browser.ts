/** Search and page measurements in Chromium, through a local server that compresses like a CDN. */
import { launchBrowser } from '../chromium.ts';
import { type StaticServer, trustServerCertificate } from '../static-server.ts';
import { log } from './process.ts';

/** Queries for the search measurements; the first (two common words) is the "first query". */
export const QUERIES = ['language models', 'diffusion', 'reinforcement learning reward', 'quantization', 'Turing', 'benchmark agents'];

/** An empty page served beside the site, from which the search measurements import Pagefind. */
export const HARNESS = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

/** What one search costs and finds. */
export interface QueryResult {
  query: string;
  /** Milliseconds from the query (including loading Pagefind, for the first) to the data of its first results. */
  ms: number;
  /** Bytes the server sent for this query (compressed as a CDN would). */
  bytes: number;
  results: number;
  top: string[];
}

/**
 * Runs the queries in one fresh browser page, one after the other (later ones reuse what the first
 * loaded), on the index whose bundles are `bundles` (site paths): the first one's pagefind.js, the
 * others merged into it, as the search page does with the site's shards.
 */
export async function measureSearch(
  server: StaticServer,
  label: string,
  bundles: readonly string[] = ['/pagefind/'],
): Promise<QueryResult[]> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(new URL('__bench__.html', server.url).href);
    const out: QueryResult[] = [];
    for (const [i, query] of QUERIES.entries()) {
      const before = server.requests.length;
      const result = await page.evaluate(
        async ({ query, first, bundle, merged }) => {
          const started = performance.now();
          // biome-ignore lint/suspicious/noExplicitAny: Pagefind's browser module has no types here.
          const pagefind: any = await import(bundle);
          if (first) {
            for (const path of merged) {
              await pagefind.mergeIndex(path);
            }
            await pagefind.init();
          }
          const search = await pagefind.search(query);
          const top = await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<{ url: string }> }) => r.data()));
          // Merged shards' URLs come back absolute (their base is where they were loaded from): compare paths.
          const paths = top.map((d: { url: string }) => new URL(d.url, window.location.href).pathname);
          return { ms: performance.now() - started, results: search.results.length as number, top: paths };
        },
        {
          query,
          first: i === 0,
          bundle: new URL(`${(bundles[0] ?? '/pagefind/').slice(1)}pagefind.js`, server.url).href,
          merged: bundles.slice(1).map((b) => new URL(b.slice(1), server.url).href),
        },
      );
      const bytes = server.requests.slice(before).reduce((sum, r) => sum + r.bytes, 0);
      out.push({ query, ...result, bytes });
      log(`${label} search "${query}": ${result.results} results, ${Math.round(result.ms)} ms, ${(bytes / 1024).toFixed(1)} KB`);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Loads a page with a cold cache: the bytes of its HTML and CSS, and the scripts it downloads (paths, compressed bytes). */
export async function measurePage(
  server: StaticServer,
  pagePath: string,
): Promise<{ path: string; htmlCssBytes: number; scripts: string[]; scriptBytes: number }> {
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const before = server.requests.length;
    const response = await page.goto(new URL(pagePath.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) {
      throw new Error(`${pagePath} answered ${response?.status()}`);
    }
    const requests = server.requests.slice(before);
    return {
      path: pagePath,
      htmlCssBytes: requests.filter((r) => r.path.endsWith('/') || /\.(html|css)$/.test(r.path)).reduce((sum, r) => sum + r.bytes, 0),
      scripts: requests.filter((r) => /\.(m?js|wasm)$/.test(r.path)).map((r) => r.path),
      scriptBytes: requests.filter((r) => /\.(m?js|wasm)$/.test(r.path)).reduce((sum, r) => sum + r.bytes, 0),
    };
  } finally {
    await browser.close();
  }
}

/** The phone profile's queries: two words, and a ten-word sentence that describes a paper. */
export const PHONE_QUERIES = ['language models', 'reuse selected tokens across layers to speed up long context generation'];

/**
 * The phone profile, as issue 30 sets it: slow 4G (1.6 Mbit/s down, 750 kbit/s up, 150 ms round
 * trips) and the CPU slowed four times, through Chromium's DevTools protocol, files gzipped as a
 * CDN serves them. Each query opens the real search page for it in a fresh profile (nothing cached).
 */
export const PHONE = { downloadBytesPerSecond: 1_600_000 / 8, uploadBytesPerSecond: 750_000 / 8, latencyMs: 150, cpuSlowdown: 4 };

/** One query on the phone profile: milliseconds from navigation to the first drawn result, and the bytes sent. */
export interface PhoneResult {
  query: string;
  ms: number;
  bytes: number;
  /** Opened from another page's header box (focused, then 3 s of typing), which prefetches the search page's files. */
  warm?: boolean;
}

/** Opens `/search/?q=…` for each of `queries` on the phone profile and times the first drawn result. */
export async function measurePhoneSearch(server: StaticServer, queries: readonly string[] = PHONE_QUERIES): Promise<PhoneResult[]> {
  const browser = await launchBrowser([trustServerCertificate()]);
  try {
    const out: PhoneResult[] = [];
    // Each query cold, then the first one again as a reader reaches it: from the archive page's
    // header box, focused 3 s before the search (the time to type it).
    for (const [query, warm] of [...queries.map((q) => [q, false] as const), [queries[0] ?? '', true] as const]) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: PHONE.latencyMs,
        downloadThroughput: PHONE.downloadBytesPerSecond,
        uploadThroughput: PHONE.uploadBytesPerSecond,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      if (warm) {
        await page.goto(new URL('papers/', server.url).href);
        await page.focus('#site-search');
        await page.waitForTimeout(3000);
      }
      const before = server.requests.length;
      await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, server.url).href);
      await page.locator('.search-result').first().waitFor({ timeout: 120_000 });
      // The page's clock starts at navigation: the first result is drawn now.
      const ms = await page.evaluate(() => performance.now());
      const bytes = server.requests.slice(before).reduce((sum, r) => sum + r.bytes, 0);
      out.push({ query, ms, bytes, ...(warm ? { warm } : {}) });
      log(
        `phone search "${query}"${warm ? ' from the header box' : ''}: first result drawn at ${Math.round(ms)} ms, ${(bytes / 1024).toFixed(1)} KB`,
      );
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
