// The subdistrict's wall clock (UTC+8), whatever the browser's own zone: pickers hand over the days and times as
// written (value-format) and these turn them into the API's instants; the API's instants are shown in it too.

/** The pickers' value-format for a day, and for a day and time, as the person picked them. */
export const dayFormat = 'YYYY-MM-DD';
export const wallClockFormat = 'YYYY-MM-DDTHH:mm:ss';

const pad = (n: number) => String(n).padStart(2, '0');

/** A day and time picked ('YYYY-MM-DDTHH:mm:ss') as the instant it names in the subdistrict. */
export function localInstant(wallClock: string): string {
  return `${wallClock}+08:00`;
}

/**
 * Days picked on a calendar ('YYYY-MM-DD', first and last both included) as the instants [from, to): the subdistrict's
 * midnight starting the first day and the one ending the last.
 */
export function localDays(first: string, last: string): { from: string; to: string } {
  const [y, m, d] = last.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const day = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
  return { from: localInstant(`${first}T00:00:00`), to: localInstant(`${day}T00:00:00`) };
}

/** An instant from the API as the subdistrict's date and time (UTC+8), in the reader's language or the one given. */
export function localDateTime(instant: string, locale?: string): string {
  return new Date(instant).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hourCycle: 'h23' });
}

/** An instant from the API as the subdistrict's date (UTC+8), in the reader's language. */
export function localDate(instant: string): string {
  return new Date(instant).toLocaleDateString(undefined, { timeZone: 'Asia/Shanghai' });
}
