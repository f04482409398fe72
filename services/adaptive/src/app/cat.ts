import { randomUUID } from 'node:crypto';
import type { Tx } from '@tessera/platform';
import type { CatAnswerBody, CatSession, CatStartBody } from '../contract/schemas.js';
import type { Selectable } from 'kysely';
import type { AdaptiveDatabase, CatSessionsTable } from '../db/adaptive.table.js';
import { abilityOf } from '../db/learner.repository.js';
import { findItem } from '../db/model.repository.js';
import { ABILITY_PRIOR, estimateAbility } from '../domain/learner-math.js';
import { nextCatItem, stopReason, type CatItem, type CatRules, type StopReason } from '@tessera/learner-models';
import { itemParameters } from '../domain/predictor.js';
import type { AdaptiveDeps } from './deps.js';
import { adaptiveErrors } from './errors.js';
import { courseFor, type Viewer } from './goal.js';
import { isPracticeType, practiceView, round } from './next-item.js';
import { gradePractice } from './practice.js';
import { recordResponse } from './record-response.js';
import type { TenantModels } from './model-cache.js';

interface Administered {
  itemId: string;
  skills: string[];
  a: number;
  b: number;
  correct: boolean;
}

type SessionRow = Omit<Selectable<CatSessionsTable>, 'administered'> & { administered: Administered[] };

const RANDOMESQUE = 3;

/**
 * Starts a computerized adaptive test on a course's item pool: the first item is the most informative at the
 * student's current ability estimate (balanced across the course's skills).
 */
export async function startCat(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, body: CatStartBody): Promise<CatSession> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, CatSession>(tenantId, async (tx) => {
    const course = await courseFor(tx, tenantId, viewer, body.courseId);
    const skills = [...models.graph.closure(course.skills)];
    const pool = poolOf(models, skills);
    if (pool.length === 0) throw adaptiveErrors.emptyPool(course.courseId);
    const ability = (await abilityOf(tx, tenantId, viewer.userId)) ?? { ...ABILITY_PRIOR, responses: 0 };
    // Start from the student's estimate but not over-confident about it: the test is meant to measure.
    const session: SessionRow = {
      tenant_id: tenantId, id: randomUUID(), user_id: viewer.userId, course_id: course.courseId, skills, status: 'in_progress',
      theta: ability.theta, se: Math.max(ability.se, 0.8), max_items: body.maxItems ?? 20, target_se: body.targetSe ?? 0.3, current_item: null,
      administered: [], created_at: new Date(), finished_at: null,
    };
    const first = nextCatItem(pool, { theta: session.theta, se: session.se, administered: [] }, rulesOf(session), deps.random)!;
    session.current_item = first.itemId;
    await tx.insertInto('adaptive.cat_sessions').values({ ...session, administered: JSON.stringify([]) }).execute();
    return viewOf(tx, tenantId, session, null, null);
  });
}

export async function readCat(deps: AdaptiveDeps, tenantId: string, userId: string, sessionId: string): Promise<CatSession> {
  return deps.db.withTenant<AdaptiveDatabase, CatSession>(tenantId, async (tx) => viewOf(tx, tenantId, await sessionOf(tx, tenantId, userId, sessionId, false), null, null));
}

/**
 * Grades the answer to the current item, re-estimates ability (EAP over every answer of the test), feeds the
 * learner models as any graded answer, and either asks the next item or finishes the test.
 */
export async function answerCat(deps: AdaptiveDeps, tenantId: string, viewer: Viewer, sessionId: string, body: CatAnswerBody): Promise<CatSession> {
  const models = await deps.models.of(tenantId);
  return deps.db.withTenant<AdaptiveDatabase, CatSession>(tenantId, async (tx) => {
    const session = await sessionOf(tx, tenantId, viewer.userId, sessionId, true);
    if (session.status !== 'in_progress') throw adaptiveErrors.sessionFinished(sessionId);
    if (session.current_item !== body.itemId) throw adaptiveErrors.notCurrentItem(body.itemId);
    const item = await findItem(tx, tenantId, body.itemId);
    if (!item) throw adaptiveErrors.itemNotFound(body.itemId);
    const { correct } = gradePractice(item, body.response);
    const params = itemParameters(models.items.get(item.item_id) ?? { calibratedA: null, calibratedB: null, authorA: item.author_a, authorB: item.author_b, difficulty: item.difficulty });
    const administered = [...session.administered, { itemId: item.item_id, skills: item.skills, a: params.a, b: params.b, correct }];
    const estimate = estimateAbility(administered.map(({ a, b }) => ({ a, b })), administered.map((entry) => entry.correct));
    await recordResponse(deps, tenantId, {
      userId: viewer.userId, itemId: item.item_id, courseId: session.course_id, correct, source: 'cat', sourceRef: `cat:${session.id}:${item.item_id}`, answeredAt: new Date(),
    }, tx);
    const next: SessionRow = { ...session, administered, theta: estimate.theta, se: estimate.se };
    const pool = poolOf(models, session.skills);
    const left = pool.filter((entry) => !administered.some((given) => given.itemId === entry.itemId)).length;
    const stop = stopReason({ theta: next.theta, se: next.se, administered }, rulesOf(next), left);
    next.current_item = stop ? null : nextCatItem(pool, { theta: next.theta, se: next.se, administered }, rulesOf(next), deps.random)?.itemId ?? null;
    next.status = next.current_item ? 'in_progress' : 'finished';
    next.finished_at = next.status === 'finished' ? new Date() : null;
    await tx.updateTable('adaptive.cat_sessions').set({
      administered: JSON.stringify(administered), theta: next.theta, se: next.se, current_item: next.current_item, status: next.status, finished_at: next.finished_at,
    }).where('tenant_id', '=', tenantId).where('id', '=', session.id).execute();
    return viewOf(tx, tenantId, next, stop ?? (next.current_item ? null : 'pool_exhausted'), correct);
  });
}

function poolOf(models: TenantModels, skills: readonly string[]): CatItem[] {
  const seen = new Set<string>();
  const pool: CatItem[] = [];
  for (const skill of skills) {
    for (const item of models.itemsBySkill.get(skill) ?? []) {
      if (seen.has(item.itemId) || !isPracticeType(item.type)) continue;
      seen.add(item.itemId);
      pool.push({ itemId: item.itemId, skills: item.skills, uses: item.uses, ...itemParameters(item) });
    }
  }
  return pool;
}

function rulesOf(session: Pick<SessionRow, 'max_items' | 'target_se' | 'skills'>): CatRules {
  return { maxItems: session.max_items, targetSe: session.target_se, skills: session.skills, randomesque: RANDOMESQUE };
}

async function sessionOf(tx: Tx<AdaptiveDatabase>, tenantId: string, userId: string, sessionId: string, lock: boolean): Promise<SessionRow> {
  let query = tx.selectFrom('adaptive.cat_sessions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', sessionId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || row.user_id !== userId) throw adaptiveErrors.sessionNotFound(sessionId);
  return { ...row, administered: row.administered as Administered[] };
}

async function viewOf(tx: Tx<AdaptiveDatabase>, tenantId: string, session: SessionRow, stop: StopReason | null, lastCorrect: boolean | null): Promise<CatSession> {
  const item = session.current_item ? await findItem(tx, tenantId, session.current_item) : undefined;
  const { hints: _hints, ...shown } = item ? practiceView(item.item_id, item.version, item.content as Record<string, unknown>) : { hints: undefined };
  return {
    id: session.id, courseId: session.course_id, status: session.status, item: item ? shown : null, answered: session.administered.length,
    maxItems: session.max_items, theta: round(session.theta), se: round(session.se), targetSe: session.target_se,
    stopReason: session.status === 'finished' ? stop ?? finishedReason(session) : null, lastCorrect,
  };
}

/** Why a finished test stopped, read back from its numbers. */
function finishedReason(session: SessionRow): StopReason {
  if (session.se <= session.target_se) return 'target_se';
  return session.administered.length >= session.max_items ? 'max_items' : 'pool_exhausted';
}
