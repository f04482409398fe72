import { LRUCache } from 'lru-cache';
import type { ExamVersion } from '../contract/exams.js';
import type { Tx } from '@tessera/platform';
import type { AssessmentDatabase } from '../db/assessment.table.js';
import { findExamVersion } from '../db/exam.repository.js';
import { findItemVersion } from '../db/item.repository.js';
import type { AssessmentDeps } from './deps.js';

// Published exam versions and item versions never change, so each process keeps the ones in use: the
// start spike and grading read them per request without a round trip. The shared cache spares other
// processes the database.
const local = new LRUCache<string, ExamVersion | Record<string, unknown>>({ max: 20_000 });
const SHARED_TTL_MS = 24 * 60 * 60_000;

function examKey(tenantId: string, examId: string, version: number): string {
  return `assessment:exam:${tenantId}:${examId}:${version}`;
}

function itemKey(tenantId: string, itemId: string, version: number): string {
  return `assessment:item:${tenantId}:${itemId}:${version}`;
}

/**
 * A published exam version (undefined when it does not exist). Inside a transaction, pass it as `within`: a
 * miss is then read in it (an embedded database has one connection, which a second transaction would wait
 * for forever).
 */
export async function examVersion(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, examId: string, version: number, within?: Tx<AssessmentDatabase>): Promise<ExamVersion | undefined> {
  return immutable(deps, examKey(tenantId, examId, version), () =>
    inTenant(deps, tenantId, within, (tx) => findExamVersion(tx, tenantId, examId, version))) as Promise<ExamVersion | undefined>;
}

/** An item version's content, answers included (undefined when assessment has not seen it); `within` as for examVersion. */
export async function itemContent(deps: Pick<AssessmentDeps, 'db' | 'cache'>, tenantId: string, itemId: string, version: number, within?: Tx<AssessmentDatabase>): Promise<Record<string, unknown> | undefined> {
  return immutable(deps, itemKey(tenantId, itemId, version), () =>
    inTenant(deps, tenantId, within, (tx) => findItemVersion(tx, tenantId, itemId, version)));
}

function inTenant<T>(deps: Pick<AssessmentDeps, 'db'>, tenantId: string, within: Tx<AssessmentDatabase> | undefined, read: (tx: Tx<AssessmentDatabase>) => Promise<T>): Promise<T> {
  return within ? read(within) : deps.db.withTenant<AssessmentDatabase, T>(tenantId, read);
}

/** After publishing: the new version is served from memory at once. */
export async function cacheExamVersion(deps: Pick<AssessmentDeps, 'cache'>, tenantId: string, version: ExamVersion): Promise<void> {
  const key = examKey(tenantId, version.examId, version.version);
  local.set(key, version);
  await deps.cache.set(key, version, SHARED_TTL_MS);
}

async function immutable<T extends ExamVersion | Record<string, unknown>>(deps: Pick<AssessmentDeps, 'cache'>, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const held = local.get(key) as T | undefined;
  if (held) return held;
  const shared = await deps.cache.get<T>(key);
  if (shared) {
    local.set(key, shared);
    return shared;
  }
  const loaded = await load();
  // Absent versions are not remembered: they may be published (or their event arrive) a moment later.
  if (loaded === undefined) return undefined;
  local.set(key, loaded);
  await deps.cache.set(key, loaded, SHARED_TTL_MS);
  return loaded;
}
