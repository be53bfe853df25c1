/**
 * Calendar days as plain strings. A `DayKey` ('YYYY-MM-DD') is the only date shape that crosses
 * module boundaries; it names a calendar day, not an instant, so no time zone can shift it.
 */
import { addDays, format, isMatch, parse } from 'date-fns';

/** A calendar day written 'YYYY-MM-DD' that exists on the calendar (checked by `isDayKey`). */
export type DayKey = string;

const DAY_KEY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
// A fixed reference date keeps `parse` independent of the clock; only its unused fields matter.
const REFERENCE = new Date(2000, 0, 1);

/** True when `value` is a 'YYYY-MM-DD' string naming a real calendar day ('2024-02-30' is not). */
export function isDayKey(value: unknown): value is DayKey {
  return typeof value === 'string' && DAY_KEY_SHAPE.test(value) && isMatch(value, 'yyyy-MM-dd');
}

/** Parses a DayKey into a local-midnight Date for date-fns arithmetic; throws on an invalid day. */
export function dayToDate(day: DayKey): Date {
  if (!isDayKey(day)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return parse(day, 'yyyy-MM-dd', REFERENCE);
}

/** The DayKey of a local-calendar Date (the inverse of `dayToDate`). */
export function toDayKey(date: Date): DayKey {
  return format(date, 'yyyy-MM-dd');
}

/** The DayKey of an instant in UTC, whatever the process time zone. */
export function utcDayKey(instant: Date): DayKey {
  return instant.toISOString().slice(0, 10);
}

/** The day `n` days after `day` (negative `n` goes back). */
export function shiftDay(day: DayKey, n: number): DayKey {
  return toDayKey(addDays(dayToDate(day), n));
}

/** A long human form, e.g. 'Monday, 17 March 2025'; depends only on the DayKey. */
export function formatDayLong(day: DayKey): string {
  return format(dayToDate(day), 'EEEE, d MMMM yyyy');
}

/** A short human form, e.g. '17 Mar 2025'. */
export function formatDayShort(day: DayKey): string {
  return format(dayToDate(day), 'd MMM yyyy');
}

/**
 * Resolves a listing's month-and-day line (e.g. 'Mar 17') to a DayKey in `year`.
 * Returns undefined when the line is not a month-and-day or the day does not exist that year.
 */
export function monthDayToDayKey(line: string, year: number): DayKey | undefined {
  const match = /^([A-Z][a-z]{2})[a-z]*\.? (\d{1,2})$/.exec(line.trim());
  if (!match) return undefined;
  const text = `${year} ${match[1]} ${match[2]}`;
  if (!isMatch(text, 'yyyy MMM d')) return undefined;
  return toDayKey(parse(text, 'yyyy MMM d', REFERENCE));
}

/** The newest of `year - 1 … year` in which `monthDay` falls on or before `today`. */
export function latestMonthDayOnOrBefore(line: string, today: DayKey): DayKey | undefined {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const day = monthDayToDayKey(line, y);
    if (day !== undefined && day <= today) return day;
  }
  return undefined;
}
