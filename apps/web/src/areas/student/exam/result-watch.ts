import type { Submission } from '../api-types';
import { openLiveStream, type StreamEvent } from '../../../api/event-stream';

export interface WatchOptions {
  attemptId: string;
  load(): Promise<Submission>;
  onSubmission(submission: Submission): void;
  /** How often to read the submission while the live stream is down, and (as a safety net) while it is up. */
  pollWhileDownMs?: number;
  pollWhileUpMs?: number;
  openStream?: typeof openLiveStream;
}

/**
 * Follows an attempt's submission until it is graded: live from `GET /me/results/stream` (the result
 * arrives the moment a worker grades it), and by reading the submission when the stream (re)connects —
 * nothing is replayed — and on a timer, faster while the stream is down.
 */
export function watchSubmission(options: WatchOptions): { stop(): void } {
  let stopped = false;
  let streamUp = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const openStream = options.openStream ?? openLiveStream;

  const read = async () => {
    if (stopped) return;
    try {
      const submission = await options.load();
      if (stopped) return;
      options.onSubmission(submission);
      if (submission.status === 'graded') stop();
    } catch {
      // 404 before the worker took the submission, or the network: the next read tells.
    }
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(async () => {
      await read();
      schedule();
    }, streamUp ? options.pollWhileUpMs ?? 20_000 : options.pollWhileDownMs ?? 3_000);
  };
  const onEvent = (event: StreamEvent) => {
    if (event.event === 'ready') {
      void read();
      return;
    }
    if (event.event !== 'submission.graded') return;
    try {
      const notice = JSON.parse(event.data) as { attemptId?: string };
      if (notice.attemptId === options.attemptId) void read();
    } catch {
      // A malformed event is ignored; polling still finds the result.
    }
  };
  const stream = openStream({
    path: '/api/v1/me/results/stream',
    onEvent,
    onOpen: () => {
      streamUp = true;
      schedule();
    },
    onDown: () => {
      streamUp = false;
      schedule();
    },
  });
  function stop() {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    stream.close();
  }

  void read();
  schedule();
  return { stop };
}
