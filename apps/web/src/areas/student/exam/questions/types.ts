import type { ItemResponse } from '../../api-types';
import type { DeliveredItem } from '../items';

export interface AnswerProps<T extends DeliveredItem['type']> {
  item: Extract<DeliveredItem, { type: T }>;
  response: ItemResponse | null;
  onChange(response: ItemResponse | null): void;
  /** Ids of the elements naming the question (its heading and stem). */
  labelledBy: string;
  /** A prefix for the ids of this question's controls. */
  idBase: string;
}

/** The response when it is of the item's type (a stale or foreign one counts as no answer). */
export function responseOf<T extends ItemResponse['type']>(response: ItemResponse | null, type: T): Extract<ItemResponse, { type: T }> | null {
  return response && response.type === type ? (response as Extract<ItemResponse, { type: T }>) : null;
}
