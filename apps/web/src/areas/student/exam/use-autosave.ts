import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../../../api/client';
import type { ItemResponse } from '../api-types';
import { AutosaveQueue, type AnswerInput, type SaveStatus } from './autosave';
import { recordAnswer, type Restored } from './journal';

export interface Autosave {
  status: SaveStatus;
  queue: AutosaveQueue;
  change(slot: string, response: ItemResponse | null): AnswerInput;
}

/** The attempt's autosave queue, its status for the indicator, and this browser's copy of each change. */
export function useAutosave(attemptId: string, restored: Restored): Autosave {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [queue] = useState(() => new AutosaveQueue({
    nextSeq: restored.nextSeq,
    onStatus: setStatus,
    send: async (answers) => {
      await unwrap(api.POST('/api/v1/attempts/{attemptId}/answers', { params: { path: { attemptId } }, body: { answers } }));
    },
  }));

  useEffect(() => {
    // Answers this browser kept that the server does not show yet go again (the highest seq wins there).
    queue.requeue(restored.unconfirmed);
    const online = () => queue.retryNow();
    globalThis.addEventListener('online', online);
    return () => {
      globalThis.removeEventListener('online', online);
      void queue.flush();
    };
  }, [queue, restored]);

  const change = useCallback((slot: string, response: ItemResponse | null) => {
    const answer = queue.change(slot, response);
    recordAnswer(attemptId, answer);
    return answer;
  }, [queue, attemptId]);

  return { status, queue, change };
}
