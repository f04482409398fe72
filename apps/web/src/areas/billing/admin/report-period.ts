import type { ReportPeriod } from '../billing-api';

/** The days a person picks: both included, as `<input type="date">` writes them (YYYY-MM-DD). */
export interface PickedDays { from: string; to: string }

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayText(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** This month so far in the reader's calendar: the 1st to `today`. */
export function thisMonth(today: Date): PickedDays {
  return { from: dayText(new Date(today.getFullYear(), today.getMonth(), 1)), to: dayText(today) };
}

/**
 * The API's period for the picked days, or null when they cannot make one (unreadable, or `to` before `from`).
 * The API excludes `to`, so the last picked day runs to the next local midnight.
 */
export function periodOf(days: PickedDays): ReportPeriod | null {
  if (!DAY.test(days.from) || !DAY.test(days.to)) return null;
  const start = new Date(`${days.from}T00:00:00`);
  const end = new Date(`${days.to}T00:00:00`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The CSV's file name, after the picked days so several downloads do not overwrite each other. */
export function reportFileName(days: PickedDays): string {
  return `billing-report-${days.from}-to-${days.to}.csv`;
}
