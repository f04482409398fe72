import { useTranslation } from 'react-i18next';

/** Probabilities as whole percentages and model figures with two decimals, in the reader's language. */
export function useInsightFormat() {
  const { i18n } = useTranslation('instructor');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return {
    chance: (value: number | null) => (value === null ? '—' : percent.format(value)),
    number: (value: number | null) => (value === null ? '—' : decimal.format(value)),
  };
}
