import { createEmptyCard, default_w, forgetting_curve, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';

/** Review outcomes in order per student and skill (what `adaptive.review_log` holds). */
export type ReviewHistory = ReadonlyArray<{ user_id: string; skill_id: string; rating: number; elapsed_days: number; reviewed_at: Date }>;

/** Fewer predicted recalls than this teach the parameters nothing dependable: the defaults stay. */
const MIN_RECALLS = 200;
const MAX_REVIEWS = 20_000;
/**
 * The parameters fitted: the initial stabilities per rating (w0–w3), the growth of stability after a success
 * (w8) and the stability after a lapse (w11). These carry most of what differs between populations; the rest
 * keep FSRS's published defaults, which were fitted on millions of reviews.
 */
const FITTED = [0, 1, 2, 3, 8, 11];
const STEPS = [0.5, 0.8, 1.25, 2];
const PASSES = 3;

/**
 * Per-tenant FSRS optimisation: coordinate search over the fitted parameters minimising the log-loss of
 * FSRS's own recall predictions (the forgetting curve at each review, from the stability the replay reached)
 * against what happened. Returns null when there is too little history.
 */
export function optimiseFsrs(history: ReviewHistory): number[] | null {
  const sequences = sequencesOf(history.slice(0, MAX_REVIEWS));
  const recalls = sequences.reduce((sum, sequence) => sum + Math.max(0, sequence.length - 1), 0);
  if (recalls < MIN_RECALLS) return null;
  let best = [...default_w];
  let bestLoss = recallLoss(best, sequences);
  for (let pass = 0; pass < PASSES; pass += 1) {
    for (const index of FITTED) {
      for (const step of STEPS) {
        const candidate = [...best];
        candidate[index] = best[index]! * step;
        const loss = recallLoss(candidate, sequences);
        if (loss < bestLoss - 1e-9) {
          best = candidate;
          bestLoss = loss;
        }
      }
    }
  }
  return best;
}

type Review = { rating: Grade; at: Date };

/** Mean log-loss of predicted recall over every review after the first of its sequence. */
export function recallLoss(weights: readonly number[], sequences: readonly Review[][]): number {
  const engine = fsrs(generatorParameters({ w: [...weights], enable_fuzz: false, enable_short_term: false }));
  let loss = 0;
  let count = 0;
  for (const sequence of sequences) {
    let card: Card = createEmptyCard(sequence[0]!.at);
    let last: Date | null = null;
    for (const review of sequence) {
      if (last) {
        const elapsedDays = Math.max(0, (review.at.getTime() - last.getTime()) / 86_400_000);
        const recall = Math.min(1 - 1e-6, Math.max(1e-6, forgetting_curve(weights, elapsedDays, Math.max(card.stability, 0.01))));
        loss -= review.rating > 1 ? Math.log(recall) : Math.log(1 - recall);
        count += 1;
      }
      card = engine.next(card, review.at, review.rating).card;
      last = review.at;
    }
  }
  return count === 0 ? 0 : loss / count;
}

function sequencesOf(history: ReviewHistory): Review[][] {
  const sequences: Review[][] = [];
  let key = '';
  for (const row of history) {
    const next = `${row.user_id}:${row.skill_id}`;
    if (next !== key) {
      sequences.push([]);
      key = next;
    }
    sequences[sequences.length - 1]!.push({ rating: Math.min(4, Math.max(1, row.rating)) as Grade, at: new Date(row.reviewed_at) });
  }
  return sequences;
}
