/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * code are unchanged since the last build is restored from Astro's cache instead of rendered.
 *
 * A page that gets a key renders only from its `getStaticPaths` entry (params and props) and the
 * site's settings, so the key is a hash of those: correct by construction. The pages that read site
 * data while they render (home, search, subscribe, trending, math.css, papers.json) get no key and
 * are rendered on every build. Each paper in a key
 * counts by a hash of the whole paper, computed once per build, so that a day page's key costs
 * 50 short hashes rather than 50 papers' worth of JSON.
 */
import { siteGithubSettings } from '../consts.ts';
import type { Paper } from '../content/paper.ts';
import { contentHash } from '../lib/node/hash.ts';

const paperKeys = new WeakMap<object, string>();

function isPaper(value: unknown): value is Paper {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Paper).abstractHtml === 'string' &&
    typeof (value as Paper).id === 'string'
  );
}

/** What a page's entry holds, as text: papers by their hash. Maps and Sets refuse (JSON would drop their contents). */
function serialise(entry: unknown): string {
  return JSON.stringify(entry, (_key, value: unknown) => {
    if (value instanceof Map || value instanceof Set) {
      throw new Error('pageKey: a Map or Set in page props would not be part of the cache key');
    }
    if (!isPaper(value)) {
      return value;
    }
    let key = paperKeys.get(value);
    if (key === undefined) {
      key = contentHash(JSON.stringify(value));
      paperKeys.set(value, key);
    }
    return `paper:${key}`;
  });
}

/**
 * The entries with a `cacheKey` each: a hash of their params and props, of the site's GitHub
 * settings, which pages read as they render (the policy, credit links, giscus): turning giscus on
 * renders every page again; and of the build's tools (astro.config.mjs and package-lock.json,
 * hashed there), which decide the names of the script files a page links to.
 */
export function withCacheKeys<T extends { params: unknown; props?: unknown }>(entries: T[]): (T & { cacheKey: string })[] {
  const settings = JSON.stringify({ github: siteGithubSettings(), tools: process.env.PAPERSHELF_BUILD_TOOLS ?? '' });
  return entries.map((entry) => ({ ...entry, cacheKey: contentHash(settings, serialise({ params: entry.params, props: entry.props })) }));
}
