import type { ExamSettings } from '../contract/exams.js';

/** Extra time granted to one student. */
export interface ExtraTime {
  extraTimePercent: number;
  extraMinutes: number;
}

const MINUTE_MS = 60_000;

/**
 * The deadline of an attempt started at `startedAt`: the time limit, cut at the exam's closing time, then
 * lengthened by the student's extra time, even past closing (an accommodation must not shrink because the
 * student started late in the window). Null when the exam has neither a time limit nor a closing time.
 */
export function deadlineOf(settings: Pick<ExamSettings, 'timeLimitMinutes' | 'closesAt'>, startedAt: Date, extra: ExtraTime): Date | null {
  const closes = settings.closesAt ? Date.parse(settings.closesAt) : null;
  const limitEnd = settings.timeLimitMinutes === null ? null : startedAt.getTime() + settings.timeLimitMinutes * MINUTE_MS;
  const base = limitEnd === null ? closes : closes === null ? limitEnd : Math.min(limitEnd, closes);
  if (base === null) return null;
  const extraMs = (settings.timeLimitMinutes ?? 0) * MINUTE_MS * (extra.extraTimePercent / 100) + extra.extraMinutes * MINUTE_MS;
  return new Date(base + Math.round(extraMs));
}

/** How a submission at `at` stands against the deadline: on time (within grace), late (accepted with a penalty) or refused. */
export type Timeliness = { kind: 'on_time' } | { kind: 'late'; penaltyPercent: number } | { kind: 'too_late'; deadline: Date };

export function timelinessOf(settings: Pick<ExamSettings, 'gracePeriodSeconds' | 'latePolicy'>, deadline: Date | null, at: Date): Timeliness {
  if (deadline === null) return { kind: 'on_time' };
  const overMs = at.getTime() - deadline.getTime();
  if (overMs <= settings.gracePeriodSeconds * 1_000) return { kind: 'on_time' };
  const policy = settings.latePolicy;
  if (policy.mode === 'accept' && overMs <= policy.untilMinutes * MINUTE_MS) return { kind: 'late', penaltyPercent: policy.penaltyPercent };
  return { kind: 'too_late', deadline };
}
