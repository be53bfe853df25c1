/**
 * Calendar days as plain strings. A `DayKey` ('YYYY-MM-DD') is the only date shape that crosses
 * module boundaries; it names a calendar day, not an instant, so no time zone can shift it.
 */
// One module per function: date-fns' barrel costs about a second of every CLI start.
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { isMatch } from 'date-fns/isMatch';
import { parse } from 'date-fns/parse';
import { setISOWeek } from 'date-fns/setISOWeek';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { memoizeString } from './memo.ts';

/** A calendar day written 'YYYY-MM-DD' that exists on the calendar (checked by `isDayKey`). */
export type DayKey = string;

const DAY_KEY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
// A fixed reference date keeps `parse` independent of the clock; only its unused fields matter.
const REFERENCE = new Date(2000, 0, 1);

/** True when `value` is a 'YYYY-MM-DD' string naming a real calendar day ('2024-02-30' is not). */
export function isDayKey(value: unknown): value is DayKey {
  return typeof value === 'string' && DAY_KEY_SHAPE.test(value) && isCalendarDay(value);
}

// Pages ask for the same few hundred days tens of thousands of times (see memo.ts).
const isCalendarDay = memoizeString((value) => isMatch(value, 'yyyy-MM-dd'));
const dayTime = memoizeString((day) => parse(day, 'yyyy-MM-dd', REFERENCE).getTime());

/** Parses a DayKey into a local-midnight Date for date-fns arithmetic; throws on an invalid day. */
export function dayToDate(day: DayKey): Date {
  if (!isDayKey(day)) {
    throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  }
  // A new Date each time: callers may change it.
  return new Date(dayTime(day));
}

/** The DayKey of a local-calendar Date (the inverse of `dayToDate`). */
export function toDayKey(date: Date): DayKey {
  return format(date, 'yyyy-MM-dd');
}

/** The DayKey of an instant in UTC, whatever the process time zone. */
export function utcDayKey(instant: Date): DayKey {
  return instant.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier): '2025-03-14' to '2025-03-17' is 3. */
export function daysBetween(from: DayKey, to: DayKey): number {
  return differenceInCalendarDays(dayToDate(to), dayToDate(from));
}

/** The day `n` days after `day` (negative `n` goes back). */
export function shiftDay(day: DayKey, n: number): DayKey {
  return toDayKey(addDays(dayToDate(day), n));
}

/** A long human form, e.g. 'Monday, 17 March 2025'; depends only on the DayKey. */
export const formatDayLong: (day: DayKey) => string = memoizeString((day) => format(dayToDate(day), 'EEEE, d MMMM yyyy'));

/** A short human form, e.g. '17 Mar 2025'. */
export const formatDayShort: (day: DayKey) => string = memoizeString((day) => format(dayToDate(day), 'd MMM yyyy'));

/**
 * Resolves a listing's month-and-day line (e.g. 'Mar 17') to a DayKey in `year`.
 * Returns undefined when the line is not a month-and-day or the day does not exist that year.
 */
export function monthDayToDayKey(line: string, year: number): DayKey | undefined {
  const match = /^([A-Z][a-z]{2})[a-z]*\.? (\d{1,2})$/.exec(line.trim());
  if (!match) {
    return undefined;
  }
  const text = `${year} ${match[1]} ${match[2]}`;
  if (!isMatch(text, 'yyyy MMM d')) {
    return undefined;
  }
  return toDayKey(parse(text, 'yyyy MMM d', REFERENCE));
}

/** The newest of `year - 1 … year` in which `monthDay` falls on or before `today`. */
export function latestMonthDayOnOrBefore(line: string, today: DayKey): DayKey | undefined {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year - 1]) {
    const day = monthDayToDayKey(line, y);
    if (day !== undefined && day <= today) {
      return day;
    }
  }
  return undefined;
}

/** An ISO week written 'YYYY-Www', e.g. '2025-W12' (the year is the ISO week-numbering year). */
export type WeekKey = string;
/** A calendar month written 'YYYY-MM'. */
export type MonthKey = string;

/** The ISO week of a day: '2024-12-30' → '2025-W01' (weeks start on Monday; week 1 holds a Thursday). */
export function weekOf(day: DayKey): WeekKey {
  const date = dayToDate(day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

/** The month of a day: '2025-03-17' → '2025-03'. */
export function monthOf(day: DayKey): MonthKey {
  return day.slice(0, 7);
}

/** The year of a day: '2025-03-17' → '2025'. */
export function yearOf(day: DayKey): string {
  return day.slice(0, 4);
}

/** The Monday of an ISO week. */
export function weekStart(week: WeekKey): DayKey {
  const [year, w] = week.split('-W').map(Number) as [number, number];
  // January 4th is always in ISO week 1 of its ISO year.
  return toDayKey(startOfISOWeek(setISOWeek(new Date(year, 0, 4), w)));
}

/** The seven days of an ISO week, Monday first. */
export function weekDays(week: WeekKey): DayKey[] {
  const monday = dayToDate(weekStart(week));
  return Array.from({ length: 7 }, (_, i) => toDayKey(addDays(monday, i)));
}

/** Every day of a month, in order. */
export function monthDays(month: MonthKey): DayKey[] {
  const first = dayToDate(`${month}-01`);
  return eachDayOfInterval({ start: startOfMonth(first), end: endOfMonth(first) }).map(toDayKey);
}

/** A month as calendar rows of seven (Monday first), padded with null before the 1st and after the last day. */
export function monthCalendar(month: MonthKey): (DayKey | null)[][] {
  const days = monthDays(month);
  const cells: (DayKey | null)[] = [...Array(getISODay(dayToDate(days[0] ?? `${month}-01`)) - 1).fill(null), ...days];
  while (cells.length % 7 !== 0) {
    cells.push(null);
  }
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** 'Week 12, 2025' with its span, e.g. 'Week 12 of 2025 (17–23 Mar)'. */
export function formatWeek(week: WeekKey): string {
  const days = weekDays(week);
  const first = dayToDate(days[0] ?? '');
  const last = dayToDate(days[6] ?? '');
  const span =
    first.getMonth() === last.getMonth()
      ? `${format(first, 'd')}–${format(last, 'd MMM')}`
      : `${format(first, 'd MMM')} – ${format(last, 'd MMM')}`;
  return `Week ${Number(week.slice(6))} of ${week.slice(0, 4)} (${span})`;
}

/** 'March 2025'. */
export function formatMonth(month: MonthKey): string {
  return format(dayToDate(`${month}-01`), 'MMMM yyyy');
}

/** `second` seconds after midnight as 'HH:MM:SS' (feeds give the papers of one day distinct times). */
function timeOfDay(second: number): string {
  if (!Number.isInteger(second) || second < 0 || second >= 86_400) {
    throw new RangeError(`${second} is not a second of a day`);
  }
  return [Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A day as an RFC 822 date for RSS, UTC, `second` seconds after midnight: 'Mon, 17 Mar 2025 00:00:00 +0000'. */
export function rfc822(day: DayKey, second = 0): string {
  return `${format(dayToDate(day), 'EEE, dd MMM yyyy')} ${timeOfDay(second)} +0000`;
}

/** A day as an RFC 3339 timestamp for Atom and JSON Feed, UTC, `second` seconds after midnight. */
export function rfc3339(day: DayKey, second = 0): string {
  return `${day}T${timeOfDay(second)}Z`;
}
