/** Whole percent of `done` over `total`, rounded down so 100 means every lesson; an empty course is 0. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((done * 100) / total));
}

/** Time a student may be credited with for one lesson in total (bounds a client that keeps reporting). */
export const MAX_SECONDS_PER_LESSON = 24 * 60 * 60;

/** Adds reported seconds to what a lesson already has, never beyond the per-lesson bound. */
export function addSeconds(current: number, reported: number): number {
  return Math.min(MAX_SECONDS_PER_LESSON, current + Math.max(0, Math.floor(reported)));
}
