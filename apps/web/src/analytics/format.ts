import { useTranslation } from 'react-i18next';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Figures of the analytics screens in the reader's language: shares as whole percentages, times in a sensible unit. */
export function useAnalyticsFormat() {
  const { i18n } = useTranslation('analytics');
  const locale = i18n.language;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const unit = (value: number, name: 'second' | 'minute' | 'hour', digits = 0) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  return {
    count: (value: number) => new Intl.NumberFormat(locale).format(value),
    share: (value: number | null) => (value === null ? '—' : percent.format(value)),
    duration(ms: number): string {
      if (ms < MINUTE_MS) return unit(Math.round(ms / 1000), 'second');
      if (ms < HOUR_MS) return unit(Math.round(ms / MINUTE_MS), 'minute');
      return unit(ms / HOUR_MS, 'hour', 1);
    },
    clock: (iso: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    /** A calendar day (`YYYY-MM-DD`) as the service counts them: UTC days. */
    day: (day: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  };
}
