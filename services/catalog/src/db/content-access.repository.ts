import type { Tx } from '@tessera/platform';
import type { CatalogDatabase } from './catalog.table.js';

type Db = Tx<CatalogDatabase>;

/** What a grant opens, for whom. */
export interface AccessGrant {
  grantId: string;
  userId: string;
  courseId: string;
  /** Null: the whole course. */
  lessonId: string | null;
  at: Date;
}

/** What a revoke knows of the grant it ends (a refund does not name the course). */
export interface AccessRevoke {
  grantId: string;
  userId: string;
  courseId: string | null;
  at: Date;
}

/**
 * Records a grant. A row already there wins: a redelivered grant changes nothing, and a revoke that arrived
 * first keeps the grant closed (grant ids are never reused).
 */
export async function grantAccess(tx: Db, tenantId: string, grant: AccessGrant): Promise<void> {
  await tx.insertInto('catalog.content_access').values({
    tenant_id: tenantId, grant_id: grant.grantId, user_id: grant.userId, course_id: grant.courseId, lesson_id: grant.lessonId, granted_at: grant.at,
  }).onConflict((oc) => oc.columns(['tenant_id', 'grant_id']).doNothing()).execute();
}

/**
 * Ends a grant; when its grant has not arrived yet, leaves a revoked row for it to find. The first revoke's
 * time stays.
 */
export async function revokeAccess(tx: Db, tenantId: string, revoke: AccessRevoke): Promise<void> {
  await tx.insertInto('catalog.content_access').values({
    tenant_id: tenantId, grant_id: revoke.grantId, user_id: revoke.userId, course_id: revoke.courseId, revoked_at: revoke.at,
  }).onConflict((oc) => oc.columns(['tenant_id', 'grant_id']).doUpdateSet((eb) => ({ revoked_at: eb.ref('excluded.revoked_at') }))
    .where('catalog.content_access.revoked_at', 'is', null)).execute();
}

/**
 * True when `userId` holds a live grant on the whole course or, given `lessonId`, on that lesson: one query on
 * the (tenant, user, course) index.
 */
export async function hasLiveGrant(tx: Db, tenantId: string, userId: string, courseId: string, lessonId: string | null): Promise<boolean> {
  const row = await tx.selectFrom('catalog.content_access').select('grant_id')
    .where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('course_id', '=', courseId).where('revoked_at', 'is', null)
    .where((eb) => (lessonId === null ? eb('lesson_id', 'is', null) : eb.or([eb('lesson_id', 'is', null), eb('lesson_id', '=', lessonId)])))
    .limit(1).executeTakeFirst();
  return row !== undefined;
}
