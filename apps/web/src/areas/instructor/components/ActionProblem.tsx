import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/problem';
import { Alert, Button, problemText } from '../../../ui';
import { cycleOf, problemLines } from '../lib/problem-lines';

/**
 * A failed change in plain words, with every reason the API listed (each problem of a course that cannot
 * be published, each invalid field, the skills of a cycle). A stale write (412) offers to reload.
 */
export function ActionProblem({ error, onReload }: { error: ApiError | null | undefined; onReload?: () => void }) {
  const { t } = useTranslation(['instructor', 'common']);
  if (!error) return null;
  const cycle = cycleOf(error.problem);
  const lines = cycle ? [] : problemLines(error.problem);
  return (
    <Alert tone="error">
      <p style={{ margin: 0 }}>{cycle ? t('skills.cycle', { path: cycle.join(' → ') }) : problemText(error.problem, (key) => t(key, { ns: 'common' }))}</p>
      {lines.length > 0 ? <ul>{lines.map((line, index) => <li key={index}>{line}</li>)}</ul> : null}
      {error.status === 412 && onReload ? <Button variant="secondary" small onClick={onReload}>{t('shared.reload')}</Button> : null}
    </Alert>
  );
}
