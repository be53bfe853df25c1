/** axe-core run inside a Playwright page, restricted to WCAG 2.2 A and AA rules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** One violation, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page as it is now, every WCAG 2.2 A/AA rule or only `rules` (ids); the page's
 * context must bypass CSP (axe is injected).
 */
export async function runAxe(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  // Listing cards off screen are laid out only when they come near it (content-visibility: auto),
  // and axe reads a card not laid out yet as 0 × 0 px ("target-size"). Lay them all out first, as
  // they are when the reader reaches them.
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('*')) {
      if (getComputedStyle(element).contentVisibility === 'auto') {
        element.style.contentVisibility = 'visible';
      }
    }
  });
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, rules }) => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeResult[] }> } }).axe;
      type AxeResult = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
      const runOnly = rules === undefined ? { type: 'tag', values: tags } : { type: 'rule', values: rules };
      const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    { tags: WCAG_TAGS, rules },
  );
}
