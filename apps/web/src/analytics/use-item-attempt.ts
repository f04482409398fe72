import { useCallback, useEffect, useRef } from 'react';
import { clampDuration } from './events';
import { track } from './tracker';

/** Where a question was answered. */
export interface AttemptPlace {
  courseId: string;
  lessonId: string;
  itemId: string;
}

/** What grading said of an answer (the adaptive service's practice result has these). */
export interface GradedAnswer {
  correct: boolean;
  score: number;
  maxScore: number;
}

/**
 * Answers the callback that sends an `item_attempt` once an answer is graded, with the time from the question
 * being shown to the answer. A new `round` (the student tries again) shows the question afresh.
 */
export function useItemAttempt(place: AttemptPlace, round: number): (graded: GradedAnswer) => void {
  const shownAt = useRef(0);
  const { courseId, lessonId, itemId } = place;
  useEffect(() => {
    shownAt.current = Date.now();
  }, [itemId, round]);
  return useCallback((graded: GradedAnswer) => {
    const score = graded.maxScore > 0 ? Math.min(1, Math.max(0, graded.score / graded.maxScore)) : undefined;
    track({
      type: 'item_attempt', courseId, lessonId, itemId, correct: graded.correct, latencyMs: clampDuration(Date.now() - shownAt.current),
      ...(score === undefined ? {} : { score }),
    });
  }, [courseId, lessonId, itemId]);
}
