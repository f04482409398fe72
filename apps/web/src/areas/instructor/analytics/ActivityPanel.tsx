import { useTranslation } from 'react-i18next';
import type { ActivityBucket } from '../../../analytics/analytics-api';
import { useAnalyticsFormat } from '../../../analytics/format';
import { summarise } from '../../../analytics/summary';
import { BarChart } from '../../../ui';

/** The hour's figures, then its events minute by minute (newest first: what is happening now is on top). */
export function ActivityPanel({ buckets }: { buckets: ActivityBucket[] }) {
  const { t } = useTranslation('analytics');
  const format = useAnalyticsFormat();
  const summary = summarise(buckets);
  const figures = [
    { id: 'events', label: t('course.figure.events'), value: format.count(summary.events) },
    { id: 'active-users', label: t('course.figure.activeUsers'), value: format.count(summary.peakActiveUsers) },
    { id: 'attempts', label: t('course.figure.attempts'), value: format.count(summary.attempts) },
    { id: 'correct-rate', label: t('course.figure.correctRate'), value: format.share(summary.correctRate) },
    { id: 'time-on-task', label: t('course.figure.timeOnTask'), value: format.duration(summary.timeOnTaskMs) },
  ];
  const chartTitle = t('course.chart');
  return (
    <div className="stack">
      <dl className="analytics-figures">
        {figures.map((figure) => <div key={figure.id} data-testid={`figure-${figure.id}`}><dt>{figure.label}</dt><dd>{figure.value}</dd></div>)}
      </dl>
      {summary.events === 0 ? <p className="muted">{t('course.noActivity')}</p> : null}
      <div className="analytics-chart-scroll" role="region" aria-label={chartTitle} tabIndex={0}>
        <BarChart title={chartTitle} format={format.count}
          bars={[...buckets].reverse().map((bucket) => ({ label: format.clock(bucket.start), value: bucket.events }))} />
      </div>
    </div>
  );
}
