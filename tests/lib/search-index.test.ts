import { describe, expect, it } from 'vitest';
import { HAS_CODE, pagefindAttribute, SEARCH_FILTERS, SEARCH_META } from '../../src/lib/search-index.ts';

describe('pagefindAttribute', () => {
  it('writes keys read from attributes and fixed values as Pagefind reads them', () => {
    expect(
      pagefindAttribute([
        [SEARCH_META.day, 'data-day'],
        [SEARCH_META.dayText, 'data-day-text'],
      ]),
    ).toBe('day[data-day], day_text[data-day-text]');
    expect(
      pagefindAttribute([
        [SEARCH_FILTERS.day, 'data-day'],
        [SEARCH_FILTERS.code, HAS_CODE, true],
      ]),
    ).toBe('day[data-day], code:yes');
    expect(pagefindAttribute([])).toBe('');
  });
});
