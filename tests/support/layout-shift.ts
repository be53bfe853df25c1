/** Cumulative layout shift in Chromium, as Lighthouse counts it (shifts without recent input). */
import type { Page } from 'playwright-core';

/** Starts summing the page's layout shifts from its next navigation on. */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) {
          (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts summed so far, once two more frames have been drawn (so that every shift is reported). */
export async function layoutShifts(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => (window as unknown as { shifts: number }).shifts);
}
