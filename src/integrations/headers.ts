/**
 * Writes the Content-Security-Policy line of `dist/_headers` (copied from `public/_headers`) from
 * `headerSecurityPolicy()`, the function the pages' `<meta>` policy comes from: the header and the
 * pages always agree, with giscus's frame allowed exactly when giscus is configured.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headerSecurityPolicy } from '../consts.ts';

/** `text` (a `_headers` file) with every Content-Security-Policy value set to `policy`; undefined when it has none. */
export function withPolicy(text: string, policy: string): string | undefined {
  let found = false;
  const replaced = text.replace(/^([ \t]+Content-Security-Policy:[ \t]*).*$/gm, (_line, name: string) => {
    found = true;
    return `${name}${policy}`;
  });
  return found ? replaced : undefined;
}

/** The Astro integration. */
export function headersIntegration(): AstroIntegration {
  return {
    name: 'papershelf:headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const file = fileURLToPath(new URL('_headers', dir));
        if (!existsSync(file)) return;
        const text = withPolicy(readFileSync(file, 'utf8'), headerSecurityPolicy());
        if (text === undefined) logger.warn('_headers has no Content-Security-Policy line: the pages carry theirs as a <meta> only');
        else writeFileSync(file, text);
      },
    },
  };
}
