import { describe, expect, it } from 'vitest';
import { fragmentBudget } from '../../src/integrations/pagefind.ts';

describe('fragmentBudget', () => {
  it('lets Pagefind write a fragment a paper while the site stays within two files a paper', () => {
    // 75 papers, 200 other files: nothing to bundle (at least 1,000 fragments).
    expect(fragmentBudget(75, 200)).toBe(1_000);
    // 10,000 papers and 12,700 files before the index: room for 6,900 fragments beside
    // Pagefind's ~400 other files, 20,000 in all.
    const budget = fragmentBudget(10_000, 12_700);
    expect(budget).toBe(20_000 - 12_700 - 400);
    // 50,000 papers, 56,500 files: most fragments stay single.
    expect(fragmentBudget(50_000, 56_500)).toBe(100_000 - 56_500 - 1_600);
  });
});
