/**
 * The item format other services read in `catalog.item.published` (assessment grades with it, adaptive
 * keeps its parameters): the content types, and how short-text answers are compared, which is part of what
 * an author's accepted answers mean.
 */
export {
  ITEM_TYPES, ItemContent, type ItemType, type ItemOf, type ItemVersion, Normalisation, Identifier,
} from '../items/item-types.js';
export { normaliseAnswer, shortTextAccepts } from '../items/answer-matching.js';
export { deliveryView, type DeliveryView } from '../items/item-delivery.js';
