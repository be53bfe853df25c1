/**
 * Lighthouse scores of built pages (performance, accessibility, best practices, SEO), as Lighthouse's
 * CLI measures them on its default mobile profile, in Debian's Chromium: the bench's check that a
 * redesign keeps every score at 95 or more. Lighthouse drives its own Chromium through a debugging
 * port; every page is measured in a fresh tab.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.ts';

/** The categories measured, as Lighthouse names them. */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** A page's scores, 0–100 per category. */
export type LighthouseScores = Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number>;

/** Scores of each of `urls` (absolute), measured one after the other in one Chromium. */
export async function measureLighthouse(urls: readonly string[]): Promise<Record<string, LighthouseScores>> {
  const profile = mkdtempSync(path.join(tmpdir(), 'papershelf-lighthouse-'));
  const port = 9300 + Math.floor(Math.random() * 500);
  const chrome = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
  });
  try {
    await waitForPort(port);
    const scores: Record<string, LighthouseScores> = {};
    for (const url of urls) {
      const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
      const categories = result?.lhr.categories ?? {};
      scores[url] = Object.fromEntries(
        LIGHTHOUSE_CATEGORIES.map((name) => [name, Math.round((categories[name]?.score ?? 0) * 100)]),
      ) as LighthouseScores;
    }
    return scores;
  } finally {
    const exited = once(chrome, 'exit');
    chrome.kill();
    await exited;
    // Chromium's helper processes may still be writing the profile for a moment after it exits:
    // retry, and never let a leftover temp folder hide the scores.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (error) {
      console.warn(`lighthouse: could not remove ${profile}: ${(error as Error).message}`);
    }
  }
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Chromium did not open its debugging port ${port}`);
}
