import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import { NEW_SM2_CARD, sm2Review, type Sm2Card } from './sm2.js';

export type Scheduler = 'fsrs' | 'sm2';

/** A review card as stored (JSON): FSRS's card with ISO dates, or SM-2's three numbers. */
export type StoredCard = { kind: 'fsrs'; card: Record<string, unknown> } | { kind: 'sm2'; card: Sm2Card };

export interface ReviewOutcome {
  card: StoredCard;
  dueAt: Date;
  /** FSRS rating given (1 again .. 4 easy), also what SM-2's quality was derived from. */
  rating: number;
  /** Days since the previous review (0 for the first). */
  elapsedDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Schedules the next review of a skill after an answer on it: a right answer is "good", a wrong one "again"
 * (practice gives no self-rating; the answer is the evidence). `weights` are the tenant's optimised FSRS
 * parameters, or FSRS's defaults.
 */
export function scheduleReview(scheduler: Scheduler, previous: StoredCard | null, correct: boolean, now: Date, lastReviewAt: Date | null, weights: readonly number[] | null): ReviewOutcome {
  const rating: Grade = correct ? Rating.Good : Rating.Again;
  const elapsedDays = lastReviewAt ? Math.max(0, (now.getTime() - lastReviewAt.getTime()) / DAY_MS) : 0;
  if (scheduler === 'sm2') {
    const base = previous?.kind === 'sm2' ? previous.card : NEW_SM2_CARD;
    const card = sm2Review(base, correct ? 4 : 1);
    return { card: { kind: 'sm2', card }, dueAt: new Date(now.getTime() + card.intervalDays * DAY_MS), rating, elapsedDays };
  }
  const engine = fsrs(generatorParameters({ enable_fuzz: false, ...(weights ? { w: [...weights] } : {}) }));
  const base = previous?.kind === 'fsrs' ? reviveCard(previous.card) : createEmptyCard(now);
  const { card } = engine.next(base, now, rating);
  return { card: { kind: 'fsrs', card: { ...card } }, dueAt: card.due, rating, elapsedDays };
}

/** Dates come back from JSON as strings. */
function reviveCard(stored: Record<string, unknown>): Card {
  const card = stored as unknown as Card & { due: string | Date; last_review?: string | Date };
  return { ...card, due: new Date(card.due), ...(card.last_review ? { last_review: new Date(card.last_review) } : {}) } as Card;
}
