import type { LogisticSpec } from './logistic-model.js';

/**
 * Performance Factors Analysis (Pavlik, Cen & Koedinger 2009): per-skill easiness plus per-skill weights
 * on the student's earlier successes and failures on that skill, counts scaled by log(1 + x) as in
 * Gervet et al. 2020.
 */
export const PFA_SPEC: LogisticSpec = { name: 'pfa', features: ['bias', 'skill', 'pfaCounts'] };

/**
 * Best-LR (Gervet, Koedinger, Schneider & Mitchell 2020): item and skill one-hots with log(1 + count)
 * features of earlier attempts and wins on the skill (weighted per skill), on the item and in total;
 * time-decayed counts join when answers carry timestamps.
 */
export const BEST_LR_SPEC: LogisticSpec = {
  name: 'best-lr',
  features: ['bias', 'item', 'skill', 'skillCounts', 'itemCounts', 'totalCounts', 'timeDecayed'],
};

/**
 * Best-LR plus the pattern of the latest answers (on the skill and overall) and online ability
 * estimates: the default logistic model.
 */
export const LR_SPEC: LogisticSpec = {
  name: 'lr',
  features: ['bias', 'item', 'skill', 'skillCounts', 'itemCounts', 'totalCounts', 'timeDecayed', 'pattern', 'ability'],
};
