import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  dayToDate,
  formatDayLong,
  formatDayShort,
  isDayKey,
  latestMonthDayOnOrBefore,
  monthDayToDayKey,
  shiftDay,
  toDayKey,
  utcDayKey,
} from '../../src/lib/dates.ts';

// `npm test` runs this file again under TZ=America/Los_Angeles and TZ=Asia/Tokyo.
describe(`dates (TZ=${process.env.TZ ?? 'unset'})`, () => {
  describe('isDayKey', () => {
    it('accepts real calendar days, including leap days', () => {
      expect(isDayKey('2025-03-17')).toBe(true);
      expect(isDayKey('2024-02-29')).toBe(true);
    });
    it('refuses days that do not exist and other shapes', () => {
      for (const bad of ['2024-02-30', '2023-02-29', '2025-13-01', '2025-3-17', '2025-03-17T00:00:00Z', ' 2025-03-17', '']) {
        expect(isDayKey(bad), bad).toBe(false);
      }
      expect(isDayKey(new Date('2025-03-17'))).toBe(false);
      expect(isDayKey(20250317)).toBe(false);
    });
  });

  describe('dayToDate / toDayKey', () => {
    it('round-trips a day in any time zone', () => {
      for (const day of ['2025-03-17', '2024-12-31', '2025-01-01', '2024-02-29']) {
        expect(toDayKey(dayToDate(day))).toBe(day);
      }
    });
    it('throws on an invalid day', () => {
      expect(() => dayToDate('2024-02-30')).toThrow(/not a calendar day/);
    });
  });

  describe('utcDayKey', () => {
    it('takes the UTC calendar day of an instant', () => {
      expect(utcDayKey(new Date('2025-03-17T23:30:00Z'))).toBe('2025-03-17');
      expect(utcDayKey(new Date('2025-03-17T00:30:00+02:00'))).toBe('2025-03-16');
    });
  });

  describe('shiftDay', () => {
    it('crosses month, year and DST boundaries by whole days', () => {
      expect(shiftDay('2025-02-28', 1)).toBe('2025-03-01');
      expect(shiftDay('2024-12-31', 1)).toBe('2025-01-01');
      expect(shiftDay('2025-03-09', 1)).toBe('2025-03-10'); // US DST starts
      expect(shiftDay('2025-03-30', -1)).toBe('2025-03-29'); // EU DST starts
    });
  });

  describe('daysBetween', () => {
    it('counts whole calendar days across months, years and DST changes, backwards negative', () => {
      expect(daysBetween('2025-03-14', '2025-03-17')).toBe(3);
      expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
      expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2); // US DST starts on the 9th
      expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2); // EU DST ends on the 26th
      expect(daysBetween('2025-03-17', '2025-03-03')).toBe(-14);
    });
  });

  describe('formatDayLong / formatDayShort', () => {
    it('formats the day named by the key, never a neighbour', () => {
      expect(formatDayLong('2025-03-17')).toBe('Monday, 17 March 2025');
      expect(formatDayShort('2025-01-01')).toBe('1 Jan 2025');
    });
  });

  describe('monthDayToDayKey', () => {
    it('reads listing date lines', () => {
      expect(monthDayToDayKey('Mar 17', 2025)).toBe('2025-03-17');
      expect(monthDayToDayKey('March 7', 2025)).toBe('2025-03-07');
      expect(monthDayToDayKey('Feb 29', 2024)).toBe('2024-02-29');
    });
    it('refuses a day that does not exist that year', () => {
      expect(monthDayToDayKey('Feb 29', 2025)).toBeUndefined();
      expect(monthDayToDayKey('Subscribe', 2025)).toBeUndefined();
    });
  });

  describe('latestMonthDayOnOrBefore', () => {
    it('picks this year when the day has passed, else last year', () => {
      expect(latestMonthDayOnOrBefore('Mar 17', '2026-11-28')).toBe('2026-03-17');
      expect(latestMonthDayOnOrBefore('Dec 24', '2026-11-28')).toBe('2025-12-24');
      expect(latestMonthDayOnOrBefore('Nov 28', '2026-11-28')).toBe('2026-11-28');
    });
  });
});
