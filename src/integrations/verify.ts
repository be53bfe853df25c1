/**
 * Ends `astro build` by verifying the built site (the checks of `npm run verify`, src/verify/): one
 * page per paper file, the search index holds exactly those pages, no script, handler or dangerous
 * URL anywhere, every internal link resolves, valid HTML. Pages are scanned on workers while the
 * search index is still being written (`indexWritten`); links and the index are checked after it.
 * The build fails listing every problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_DIR } from '../consts.ts';
import { contentDir, listPaperFiles } from '../content/content-files.ts';
import { siteBase } from '../data/routes.ts';
import { epochNow, recordPhase } from '../lib/node/phases.ts';
import { formatVerification, verifySite } from '../verify/site.ts';

/** The Astro integration; place it after the integration whose `written()` it is given. */
export function verifyIntegration(options: { indexWritten: () => Promise<void> }): AstroIntegration {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'papershelf:verify',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = siteBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const start = epochNow();
        const indexReady = options.indexWritten();
        const verifying = verifySite({
          out,
          base,
          papers: listPaperFiles(contentDir()),
          root,
          cacheDir: path.resolve(root, CACHE_DIR),
          indexReady,
        });
        const [index, verification] = await Promise.allSettled([indexReady, verifying]);
        recordPhase('verify (alongside pagefind)', start);
        // An index that failed to build is the build's first problem.
        if (index.status === 'rejected') {
          throw index.reason;
        }
        if (verification.status === 'rejected') {
          throw verification.reason;
        }
        if (verification.value.problems.length > 0) {
          throw new Error(formatVerification(out, verification.value));
        }
        logger.info(`${verification.value.summary}: all checks passed`);
      },
    },
  };
}
