import { randomUUID } from 'node:crypto';
import type { Principal, Tx } from '@tessera/platform';
import type { Price, PriceInput, ProductKind } from '../contract/schemas.js';
import type { BillingDatabase } from '../db/billing.table.js';
import { findCourse } from '../db/course.repository.js';
import { findLesson } from '../db/lesson.repository.js';
import { findPriceOf, insertPrice, listPrices, updatePrice, type PriceRow } from '../db/price.repository.js';
import type { BillingDeps } from './deps.js';
import { billingErrors } from './errors.js';
import { settingsIn } from './settings.js';

/** Who sets a price: instructors price the courses they published and are paid for them; admins price any. */
export interface Pricer {
  userId: string | null;
  isAdmin: boolean;
}

export function pricerOf(principal: Principal, isAdmin: boolean): Pricer {
  return { userId: principal.kind === 'user' ? principal.subject : null, isAdmin };
}

/** What a price is for: a course, or one of a course's lessons (sold on its own). */
export interface Product {
  kind: ProductKind;
  id: string;
}

/**
 * Sets (or changes) the price of a published course or lesson, in the tenant's currency. A lesson is priced by
 * whoever may price its course. The payee is the course's publisher unless a tenant admin says otherwise (the
 * publisher or nobody: the tenant keeps the share). `expectedVersion` (If-Match) is checked when given.
 */
export async function setPrice(deps: BillingDeps, tenantId: string, pricer: Pricer, product: Product, input: PriceInput, expectedVersion: number | null): Promise<Price> {
  return deps.db.withTenant<BillingDatabase, Price>(tenantId, async (tx) => {
    const courseId = await courseOfProduct(tx, tenantId, product);
    const course = await findCourse(tx, tenantId, courseId);
    if (!course) throw billingErrors.courseNotFound(courseId);
    if (!pricer.isAdmin && (pricer.userId === null || course.published_by !== pricer.userId)) throw billingErrors.notYourCourse(courseId);
    const settings = await settingsIn(deps, tx, tenantId);
    if (input.currency !== settings.currency) throw billingErrors.currencyMismatch('/body/currency', settings.currency, input.currency);
    const payee = payeeOf(pricer, course.published_by, input.payeeId);
    const now = new Date();
    const existing = await findPriceOf(tx, tenantId, product.kind, product.id, true);
    if (existing && expectedVersion !== null && existing.version !== expectedVersion) throw billingErrors.stalePrice(existing.version);
    if (!existing) {
      const row = { id: randomUUID(), product_kind: product.kind, product_id: product.id, amount_minor: input.amountMinor, currency: input.currency, payee_id: payee, version: 1, updated_at: now };
      await insertPrice(tx, tenantId, row);
      return toPrice({ ...row, created_at: now });
    }
    const change = { amount_minor: input.amountMinor, currency: input.currency, payee_id: payee, version: existing.version + 1, updated_at: now };
    await updatePrice(tx, tenantId, existing.id, change);
    return toPrice({ ...existing, ...change });
  });
}

/** The course a product belongs to (a lesson billing has not seen published: 404). */
async function courseOfProduct(tx: Tx<BillingDatabase>, tenantId: string, product: Product): Promise<string> {
  if (product.kind === 'course') return product.id;
  const lesson = await findLesson(tx, tenantId, product.id);
  if (!lesson?.on_sale) throw billingErrors.lessonNotFound(product.id);
  return lesson.course_id;
}

function payeeOf(pricer: Pricer, publisher: string | null, requested: string | null | undefined): string | null {
  if (requested === undefined) return publisher;
  if (!pricer.isAdmin && requested !== pricer.userId) throw billingErrors.payeeNotAllowed();
  if (requested !== null && requested !== publisher) {
    throw billingErrors.badPayee();
  }
  return requested;
}

export async function priceOf(deps: BillingDeps, tenantId: string, kind: ProductKind, productId: string): Promise<Price> {
  const row = await deps.db.withTenant<BillingDatabase, PriceRow | undefined>(tenantId, (tx) => findPriceOf(tx, tenantId, kind, productId));
  if (!row) throw billingErrors.priceNotFound(`${kind} ${productId}`);
  return toPrice(row);
}

export async function pricesOf(deps: BillingDeps, tenantId: string, limit: number): Promise<Price[]> {
  return (await deps.db.withTenant<BillingDatabase, PriceRow[]>(tenantId, (tx) => listPrices(tx, tenantId, limit))).map(toPrice);
}

export function toPrice(row: PriceRow): Price {
  return {
    id: row.id, productKind: row.product_kind, productId: row.product_id, amountMinor: row.amount_minor, currency: row.currency,
    payeeId: row.payee_id, version: row.version, updatedAt: row.updated_at.toISOString(),
  };
}
