import { useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { Submission } from '../api-types';
import { watchSubmission } from './result-watch';

/** The attempt's submission, kept up to date live until it is graded. */
export function useSubmission(attemptId: string, enabled: boolean): Submission | null {
  const [submission, setSubmission] = useState<Submission | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const watch = watchSubmission({
      attemptId,
      load: () => unwrap(api.GET('/api/v1/attempts/{attemptId}/submission', { params: { path: { attemptId } } })),
      onSubmission: setSubmission,
    });
    return () => watch.stop();
  }, [attemptId, enabled]);
  return submission;
}
