// Periods as the subdistrict counts them: local (UTC+8) months, quarters and years. The API takes any ISO 8601
// offset, so a period's bounds are written with +08:00 and mean the subdistrict's midnight.

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, unused for a year. */
  part: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localMidnight(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${pad(m)}-01T00:00:00+08:00`;
}

/** The period [from, to) as instants. */
export function bounds(period: Period): { from: string; to: string } {
  const firstMonth = period.kind === 'month' ? period.part : period.kind === 'quarter' ? (period.part - 1) * 3 + 1 : 1;
  const months = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : 12;
  return { from: localMidnight(period.year, firstMonth), to: localMidnight(period.year, firstMonth + months) };
}

/** The indices' name for a period: 2026-11, 2026-Q4 or 2026. */
export function indexPeriod(period: Period): string {
  return period.kind === 'month' ? `${period.year}-${pad(period.part)}` : period.kind === 'quarter' ? `${period.year}-Q${period.part}` : `${period.year}`;
}

/** The period holding today in the subdistrict (UTC+8), whatever the browser's own zone. */
export function current(kind: PeriodKind, now = new Date()): Period {
  const local = new Date(now.getTime() + 8 * 3600_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  return { kind, year, part: kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1 };
}

/** The period and the ones before it, oldest first: a trend's x axis. */
export function lastPeriods(period: Period, count: number): Period[] {
  const step = period.kind === 'month' ? 12 : period.kind === 'quarter' ? 4 : 1;
  const index = period.year * step + (period.kind === 'year' ? 0 : period.part - 1);
  return Array.from({ length: count }, (_, i) => {
    const at = index - (count - 1 - i);
    return period.kind === 'year' ? { kind: 'year', year: at, part: 1 } : { kind: period.kind, year: Math.floor(at / step), part: (at % step) + 1 };
  });
}
