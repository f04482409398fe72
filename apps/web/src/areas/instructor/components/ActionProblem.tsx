import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/problem';
import { Button, ProblemAlert } from '../../../ui';
import { cycleOf, listedProblems } from '../lib/problem-lines';

/**
 * A failed change in plain words, with every reason the API listed (each problem of a course that cannot
 * be published, each invalid field, the skills of a cycle). A stale write (412) offers to reload.
 */
export function ActionProblem({ error, onReload }: { error: ApiError | null | undefined; onReload?: () => void }) {
  const { t } = useTranslation('instructor');
  if (!error) return null;
  const cycle = cycleOf(error.problem);
  return (
    <ProblemAlert error={error} {...(cycle ? { message: t('skills.cycle', { path: cycle.join(' → ') }) } : { reasons: listedProblems(error.problem) })}>
      {error.status === 412 && onReload ? <Button variant="secondary" small onClick={onReload}>{t('shared.reload')}</Button> : null}
    </ProblemAlert>
  );
}
