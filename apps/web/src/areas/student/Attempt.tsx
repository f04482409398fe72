import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { PageHeader, ResourceView } from '../../ui';
import type { Attempt as AttemptData } from './api-types';
import { clockOffset } from './exam/countdown';
import { SubmissionView } from './exam/SubmissionView';
import { TakeAttempt } from './exam/TakeAttempt';
import './student.css';

async function loadAttempt(attemptId: string): Promise<{ attempt: AttemptData; offsetMs: number }> {
  const attempt = await unwrap(api.GET('/api/v1/attempts/{attemptId}', { params: { path: { attemptId } } }));
  // The countdown trusts the server's clock: how far this computer's clock is off, measured at arrival.
  return { attempt, offsetMs: clockOffset(attempt.serverTime, Date.now()) };
}

/** An attempt: taken while in progress (also after a reload), its submission and result once submitted. */
export default function Attempt() {
  const { t } = useTranslation('student');
  const { attemptId = '' } = useParams();
  const location = useLocation();
  const state = (location.state ?? {}) as { title?: string; courseId?: string | null };
  const page = useResource(() => loadAttempt(attemptId), [attemptId]);
  const number = page.state.data?.attempt.number;
  return (
    <>
      <PageHeader title={state.title ?? t('exam.title')} description={number ? t('exam.attemptNumber', { number }) : undefined} />
      <ResourceView resource={page}>
        {({ attempt, offsetMs }) => attempt.status === 'in_progress'
          ? <TakeAttempt attempt={attempt} offsetMs={offsetMs} courseId={state.courseId ?? null} />
          : <SubmissionView attemptId={attempt.id} received={null} courseId={state.courseId ?? null} />}
      </ResourceView>
    </>
  );
}
