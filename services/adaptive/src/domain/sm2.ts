/** SM-2 (Wozniak 1990), for clients that schedule with it: repetitions, easiness factor, interval in days. */
export interface Sm2Card {
  repetitions: number;
  easiness: number;
  intervalDays: number;
}

export const NEW_SM2_CARD: Sm2Card = { repetitions: 0, easiness: 2.5, intervalDays: 0 };

/** The card after a review graded `quality` 0..5 (3 and above: recalled). */
export function sm2Review(card: Sm2Card, quality: number): Sm2Card {
  const q = Math.min(5, Math.max(0, Math.round(quality)));
  const easiness = Math.max(1.3, card.easiness + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
  if (q < 3) return { repetitions: 0, easiness, intervalDays: 1 };
  const repetitions = card.repetitions + 1;
  const intervalDays = repetitions === 1 ? 1 : repetitions === 2 ? 6 : Math.round(card.intervalDays * card.easiness);
  return { repetitions, easiness, intervalDays };
}
