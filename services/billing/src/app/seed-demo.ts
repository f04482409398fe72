import { randomUUID } from 'node:crypto';
import { DEMO_PAID_COURSE_ID } from '@tessera/catalog';
import { DEMO_TENANT_ID } from '@tessera/identity';
import type { ServiceContext } from '@tessera/platform';
import type { BillingDatabase } from '../db/billing.table.js';
import { upsertCourse } from '../db/course.repository.js';
import { findPriceOf, insertPrice } from '../db/price.repository.js';

/** €29.00: what the demo's paid course costs (the tenant keeps the share after commission: no instructor is its payee). */
export const DEMO_PRICE_MINOR = 2_900;

/**
 * Prices catalog's paid demo course, so `npm start` can show a checkout with the test cards. Catalog's seed runs
 * first; billing also learns of the course from its published event, which finds the same row.
 */
export async function seedDemoBilling(context: ServiceContext): Promise<void> {
  await context.db.withTenant<BillingDatabase, void>(DEMO_TENANT_ID, async (tx) => {
    await upsertCourse(tx, { tenant_id: DEMO_TENANT_ID, course_id: DEMO_PAID_COURSE_ID, title: 'Writing good questions', published_by: null });
    if (await findPriceOf(tx, DEMO_TENANT_ID, 'course', DEMO_PAID_COURSE_ID)) return;
    await insertPrice(tx, DEMO_TENANT_ID, {
      id: randomUUID(), product_kind: 'course', product_id: DEMO_PAID_COURSE_ID, amount_minor: DEMO_PRICE_MINOR,
      currency: context.config.BILLING_DEFAULT_CURRENCY, payee_id: null, version: 1, updated_at: new Date(),
    });
  });
}
