import type { Database } from '@tessera/platform';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { modelVersionOf, poolItems, skillGraphRows, skillParamsOf, tenantModelOf, type PoolItem } from '../db/model.repository.js';
import { coursesOfTenant, type CourseRow } from '../db/read-models.repository.js';
import { DEFAULT_BKT, type BktParams } from '../domain/learner-math.js';
import { DEFAULT_WEIGHTS, PREDICTOR_FEATURES, type PredictorWeights } from '../domain/predictor.js';
import { candidatesBySkill, type Candidate } from '../domain/selection.js';
import { SkillGraph } from '../domain/skill-graph.js';
import { candidateOf, isPracticeType } from '../domain/practice-items.js';

/** What selection and prediction read of a tenant, besides the student's own state. */
export interface TenantModels {
  items: ReadonlyMap<string, PoolItem>;
  /** Items per skill (an item with several skills is under each). */
  itemsBySkill: ReadonlyMap<string, PoolItem[]>;
  /** Practice candidates per skill (items machines grade at once), built once per load. */
  candidatesBySkill: ReadonlyMap<string, Candidate[]>;
  graph: SkillGraph;
  /** Published courses with their selection settings. */
  courses: ReadonlyMap<string, CourseRow>;
  paramsOf(skillId: string): BktParams;
  weights: PredictorWeights;
  fsrsWeights: number[] | null;
  /** The tenant's model version this was loaded at. */
  version: number;
  loadedAt: number;
}

interface Entry {
  models: Promise<TenantModels>;
  /** When the tenant's model version was last compared with the loaded one. */
  checkedAt: number;
  refreshing: boolean;
}

/**
 * Each tenant's items, skill graph, courses and fitted parameters, held in the process so choosing the next
 * item costs no more than the student's own rows. Every writer of those raises the tenant's model version in
 * its transaction; a cached entry compares versions (one row) every `checkMs` and reloads only when they
 * differ — or every `reloadMs` anyway, for the items' use counts and learning gains, which change with every
 * answer and only steer exploration. Checks and reloads run in the background while the loaded models keep
 * serving; writers in this process drop the entry, so the next request loads it afresh. The student's own
 * mastery is never cached: it is read fresh.
 */
export class ModelCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Database, private readonly checkMs = 2_000, private readonly reloadMs = 300_000, private readonly now: () => number = Date.now) {}

  async of(tenantId: string): Promise<TenantModels> {
    const entry = this.entries.get(tenantId);
    if (!entry) return this.loadInto(tenantId).models;
    const models = await entry.models;
    if (this.now() - entry.checkedAt >= this.checkMs && !entry.refreshing) this.refreshInBackground(tenantId, entry, models);
    return models;
  }

  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  private loadInto(tenantId: string): Entry {
    const entry: Entry = { models: this.load(tenantId), checkedAt: this.now(), refreshing: false };
    this.entries.set(tenantId, entry);
    entry.models.catch(() => { if (this.entries.get(tenantId) === entry) this.entries.delete(tenantId); });
    return entry;
  }

  private refreshInBackground(tenantId: string, entry: Entry, current: TenantModels): void {
    entry.refreshing = true;
    const refreshed = (async () => {
      const version = await this.db.withTenant<AdaptiveDatabase, number>(tenantId, (tx) => modelVersionOf(tx, tenantId));
      if (version === current.version && this.now() - current.loadedAt < this.reloadMs) return current;
      return this.load(tenantId);
    })();
    refreshed.then((models) => {
      // Unless an invalidation replaced the entry meanwhile (then the newer load wins).
      if (this.entries.get(tenantId) === entry) this.entries.set(tenantId, { models: Promise.resolve(models), checkedAt: this.now(), refreshing: false });
    }, () => { entry.refreshing = false; });
  }

  private async load(tenantId: string): Promise<TenantModels> {
    const loadedAt = this.now();
    const { version, items, graphRows, params, model, courses } = await this.db.withTenant<AdaptiveDatabase, {
      version: number; items: PoolItem[]; graphRows: Awaited<ReturnType<typeof skillGraphRows>>; params: Map<string, BktParams>; model: Awaited<ReturnType<typeof tenantModelOf>>;
      courses: CourseRow[];
    }>(tenantId, async (tx) => ({
      // Read first: a change committed during the load then shows as a newer version at the next check.
      version: await modelVersionOf(tx, tenantId),
      items: await poolItems(tx, tenantId),
      graphRows: await skillGraphRows(tx, tenantId),
      params: await skillParamsOf(tx, tenantId),
      model: await tenantModelOf(tx, tenantId),
      courses: await coursesOfTenant(tx, tenantId),
    }));
    const itemsBySkill = new Map<string, PoolItem[]>();
    for (const item of items) {
      for (const skill of item.skills) {
        const list = itemsBySkill.get(skill);
        if (list) list.push(item);
        else itemsBySkill.set(skill, [item]);
      }
    }
    return {
      items: new Map(items.map((item) => [item.itemId, item])),
      itemsBySkill,
      candidatesBySkill: candidatesBySkill(items.filter((item) => isPracticeType(item.type)).map(candidateOf)),
      graph: new SkillGraph(graphRows.edges, graphRows.names),
      courses: new Map(courses.map((course) => [course.courseId, course])),
      paramsOf: (skillId) => params.get(skillId) ?? DEFAULT_BKT,
      weights: weightsFrom(model?.predictor ?? null),
      fsrsWeights: model?.fsrsWeights ?? null,
      version,
      loadedAt,
    };
  }
}

function weightsFrom(stored: Record<string, number> | null): PredictorWeights {
  if (!stored) return { ...DEFAULT_WEIGHTS };
  return Object.fromEntries(PREDICTOR_FEATURES.map((feature) => [feature, Number.isFinite(stored[feature]) ? stored[feature]! : DEFAULT_WEIGHTS[feature]])) as PredictorWeights;
}
