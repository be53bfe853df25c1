/**
 * Records the phases of `astro build` for `npm run bench` (see phases.ts): content sync
 * (from the end of configuration to `astro:build:start`) and page rendering (bundling and static
 * generation, until `astro:build:generated`). Does nothing unless PAPERSHELF_TIMINGS is set.
 */
import type { AstroIntegration } from 'astro';
import { epochNow, recordPhase } from '../lib/node/phases.ts';

/** The Astro integration; put it first, so that its hooks run before the others'. */
export function timingsIntegration(): AstroIntegration {
  let configured = 0;
  let started = 0;
  return {
    name: 'papershelf:timings',
    hooks: {
      'astro:config:done': () => {
        configured = epochNow();
      },
      'astro:build:start': () => {
        recordPhase('content sync', configured);
        started = epochNow();
      },
      'astro:build:generated': () => {
        recordPhase('pages', started);
      },
    },
  };
}
