import { expect, it } from 'vitest';

// Run only by the time-zone projects (vitest.config.ts): their Date must run in the zone they name,
// or the date tests they repeat would prove nothing.
it('runs Date in the time zone its project sets', () => {
  const zone = process.env.TZ ?? '';
  expect(zone).not.toBe('');
  const at = new Date(Date.UTC(2025, 2, 17, 3, 0));
  const local = new Intl.DateTimeFormat('en-US', { timeZone: zone, day: 'numeric', hour: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(local.find((p) => p.type === type)?.value);
  expect([at.getDate(), at.getHours()]).toEqual([part('day'), part('hour')]);
  expect(at.getTimezoneOffset()).not.toBe(0);
});
