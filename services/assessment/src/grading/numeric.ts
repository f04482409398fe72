import type { ItemOf } from '@tessera/catalog/contract';
import { shareRight, type Judgement } from './outcome.js';
import type { ResponseOf } from './responses.js';

/** Slack for float noise (0.1 + 0.2 vs 0.3, 9.9 − 9.8 vs 0.1), relative to the numbers compared. */
const FLOAT_EPSILON = 1e-9;

type NumericItem = ItemOf<'numeric'>;

/** Right when the number is within the item's tolerance and the unit, if one is given, is one the item accepts. */
export function judgeNumeric(item: NumericItem, response: ResponseOf<'numeric'>): Judgement {
  const right = numberMatches(item, response.value) && unitMatches(item, response.unit);
  return shareRight(right ? 1 : 0);
}

/**
 * |given − value| within the tolerance: `amount` itself (absolute) or `amount × |value|` (relative); without
 * a tolerance the numbers must be equal. An item without a value yet marks every number wrong.
 */
export function numberMatches(item: Pick<NumericItem, 'value' | 'tolerance'>, given: number): boolean {
  const { value } = item;
  if (value === null || !Number.isFinite(value) || !Number.isFinite(given)) return false;
  const slack = FLOAT_EPSILON * Math.max(Math.abs(value), Math.abs(given));
  return Math.abs(given - value) <= allowedDifference(item) + slack;
}

function allowedDifference({ value, tolerance }: Pick<NumericItem, 'value' | 'tolerance'>): number {
  if (tolerance === undefined || value === null) return 0;
  const amount = Number.isFinite(tolerance.amount) && tolerance.amount > 0 ? tolerance.amount : 0;
  return tolerance.mode === 'absolute' ? amount : amount * Math.abs(value);
}

/**
 * A unit the student gave must be the item's unit or one of its aliases; leaving it out is accepted, and so
 * is any unit when the item has none. Case counts: ms (milliseconds) is not Ms (megaseconds).
 */
export function unitMatches(item: Pick<NumericItem, 'unit' | 'unitAliases'>, given: string | undefined): boolean {
  const unit = given?.trim() ?? '';
  if (item.unit === undefined || unit === '') return true;
  return [item.unit, ...(item.unitAliases ?? [])].some((accepted) => accepted.trim() === unit);
}
