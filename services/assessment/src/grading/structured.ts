import type { ItemOf } from '@tessera/catalog/contract';
import { shareRight, type Judgement } from './outcome.js';
import type { ResponseOf } from './responses.js';

/** The share of positions holding the right choice; unknown or repeated ids just miss their position. */
export function judgeOrdering(item: ItemOf<'ordering'>, response: ResponseOf<'ordering'>): Judgement {
  const key = item.correctOrder;
  if (key.length === 0) return shareRight(response.order.length === 0 ? 1 : 0);
  const inPlace = key.filter((id, position) => response.order[position] === id).length;
  return shareRight(inPlace / key.length);
}

/**
 * Right pairs minus wrong pairs over the pairs in the key, floored at 0. Every distinct pair given counts,
 * so matching a source to two targets costs a wrong pair; giving the same pair twice counts it once.
 */
export function judgeMatching(item: ItemOf<'matching'>, response: ResponseOf<'matching'>): Judgement {
  const key = new Set(item.pairs.map(pairKey));
  const given = new Set(response.pairs.map(pairKey));
  if (key.size === 0) return shareRight(given.size === 0 ? 1 : 0);
  const right = [...given].filter((pair) => key.has(pair)).length;
  const wrong = given.size - right;
  return shareRight(Math.max(0, (right - wrong) / key.size));
}

/** Identifiers never contain a space, so joining with one cannot make two different pairs equal. */
function pairKey(pair: { source: string; target: string }): string {
  return `${pair.source} ${pair.target}`;
}
