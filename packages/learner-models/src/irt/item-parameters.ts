import { clamp, logit } from '../core/math.js';
import type { ItemParams } from './irt-2pl.js';

/** What is known of an item's difficulty, from the best source to the weakest. */
export interface ItemParameterSources {
  calibratedA: number | null;
  calibratedB: number | null;
  authorA: number | null;
  authorB: number | null;
  /** The author's share of students expected to fail it, 0–1. */
  difficulty: number | null;
}

/** An item's 2PL parameters: calibrated from responses when known, else the author's, else from the author's difficulty. */
export function itemParameters(item: ItemParameterSources): ItemParams {
  if (item.calibratedA !== null && item.calibratedB !== null) return { a: item.calibratedA, b: item.calibratedB };
  if (item.authorB !== null) return { a: item.authorA ?? 1, b: item.authorB };
  // "Share expected to fail" d at average ability: P(correct | θ = 0) = 1 − d, so b = logit(d).
  if (item.difficulty !== null) return { a: 1, b: clamp(logit(item.difficulty), -4, 4) };
  return { a: 1, b: 0 };
}
