import type { ServiceContext, ServiceJob, Tx } from '@tessera/platform';
import { AdaptiveEvents, type ReviewDueData } from '../contract/events.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import type { AdaptiveDeps } from './deps.js';

export const REVIEW_DUE_EVERY_MS = 30_000;
const MAX_PER_RUN = 500;

export function reviewDueJob(deps: AdaptiveDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return { name: 'adaptive.announce-due-reviews', everyMs: REVIEW_DUE_EVERY_MS, run: async () => { await announceDueReviews(deps); } };
}

/**
 * Emits `adaptive.review.due` once per due time of each review card that has come due (notify turns it into a
 * reminder). Marking the card and emitting share a transaction, and the mark is conditional on the card being
 * unchanged, so two relay processes running the job never announce the same due time twice.
 */
export async function announceDueReviews(deps: AdaptiveDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  const databases = [deps.db, ...await deps.tenantDatabases.openAll()];
  let announced = 0;
  for (const database of databases) {
    const due = await database.withSystem<AdaptiveDatabase, Array<{ tenant_id: string; user_id: string; skill_id: string; due_at: Date }>>((tx) =>
      tx.selectFrom('adaptive.review_cards').select(['tenant_id', 'user_id', 'skill_id', 'due_at'])
        .where('due_at', '<=', now)
        .where((eb) => eb.or([eb('announced_due_at', 'is', null), eb('announced_due_at', '<>', eb.ref('due_at'))]))
        .orderBy('due_at').limit(MAX_PER_RUN).execute());
    for (const card of due) {
      const done = await deps.db.withTenant<AdaptiveDatabase, boolean>(card.tenant_id, (tx) => announce(deps, tx, card));
      if (done) announced += 1;
    }
  }
  return announced;
}

async function announce(deps: AdaptiveDeps, tx: Tx<AdaptiveDatabase>, card: { tenant_id: string; user_id: string; skill_id: string; due_at: Date }): Promise<boolean> {
  const marked = await tx.updateTable('adaptive.review_cards').set({ announced_due_at: card.due_at })
    .where('tenant_id', '=', card.tenant_id).where('user_id', '=', card.user_id).where('skill_id', '=', card.skill_id)
    .where('due_at', '=', card.due_at)
    .where((eb) => eb.or([eb('announced_due_at', 'is', null), eb('announced_due_at', '<>', card.due_at)]))
    .returning('scheduler').executeTakeFirst();
  if (!marked) return false;
  const skill = await tx.selectFrom('adaptive.skills').select('name').where('tenant_id', '=', card.tenant_id).where('skill_id', '=', card.skill_id).executeTakeFirst();
  const data: ReviewDueData = { userId: card.user_id, skillId: card.skill_id, skillName: skill?.name ?? 'a skill', dueAt: card.due_at.toISOString(), scheduler: marked.scheduler };
  await deps.outbox.emit(tx, card.tenant_id, [{ name: AdaptiveEvents.reviewDue, subject: card.user_id, data }]);
  return true;
}
