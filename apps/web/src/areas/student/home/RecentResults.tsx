import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, EmptyState } from '../../../ui';
import type { Home } from '../api-types';
import { useFormat } from '../components/format';
import { attemptPath } from '../components/status';

type RecentResult = Extract<Home['recentResults'], { items: unknown }>['items'][number];

export function RecentResults({ results }: { results: RecentResult[] }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  if (results.length === 0) return <EmptyState>{t('home.noResults')}</EmptyState>;
  return (
    <ul className="plain-list">
      {results.map((result) => (
        <li key={result.submissionId}>
          <Link to={attemptPath(result.attemptId)}>{result.examTitle ?? t('result.untitled')}</Link>
          <div className="row">
            <ResultSummary result={result} />
            {result.late ? <Badge tone="warning">{t('result.late')}</Badge> : null}
          </div>
          {result.submittedAt ? <span className="muted small">{t('result.submittedAt', { when: format.dateTime(result.submittedAt) })}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function ResultSummary({ result }: { result: RecentResult }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  if (result.status !== 'graded') return <Badge tone="warning">{t(`submission.${result.status}`)}</Badge>;
  if (!result.released || result.percent === null) return <Badge>{t('result.notReleased')}</Badge>;
  return (
    <>
      <span>{format.percent(result.percent)}</span>
      {result.passed === null ? null : <Badge tone={result.passed ? 'success' : 'danger'}>{t(result.passed ? 'result.passed' : 'result.failed')}</Badge>}
    </>
  );
}
