/**
 * Dates as exports write them, reduced to a calendar day `YYYY-MM-DD`. A date-time keeps the day as written (no
 * time-zone shift), so a note stays in the month the clinician wrote it. Slashed dates are read day-first
 * (`10/03/2023` is 10 March), as UK clinical systems write them. Unix timestamps (10 digits: seconds, 13: ms) are
 * read as UTC.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const YMD_SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T ])/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:$|[T ,])/;
const EPOCH = /^\d{10}(?:\.\d+)?$|^\d{13}$/;

function day(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The calendar day of a record's date value, or null when it cannot be read. */
export function parseRecordDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = ISO.exec(s) ?? YMD_SLASHED.exec(s);
  if (m) return day(+m[1], +m[2], +m[3]);
  m = DMY.exec(s);
  if (m) return day(+m[3], +m[2], +m[1]);
  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/** For --since / --until: strictly `YYYY-MM-DD`, a real day. */
export function parseOptionDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return day(+value.slice(0, 4), +value.slice(5, 7), +value.slice(8, 10));
}
