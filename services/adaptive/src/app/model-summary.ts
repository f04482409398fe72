import type { ModelSummary } from '../contract/schemas.js';
import type { AdaptiveDatabase } from '../db/adaptive.table.js';
import { tenantModelOf } from '../db/model.repository.js';
import type { AdaptiveDeps } from './deps.js';

/** What the last refit learned for the tenant, and how well the predictor did on held-out students. */
export async function modelSummary(deps: AdaptiveDeps, tenantId: string): Promise<ModelSummary> {
  return deps.db.withTenant<AdaptiveDatabase, ModelSummary>(tenantId, async (tx) => {
    const model = await tenantModelOf(tx, tenantId);
    const skills = await tx.selectFrom('adaptive.skill_params').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirst();
    const items = await tx.selectFrom('adaptive.items').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('calibrated_n', '>', 0).executeTakeFirst();
    return {
      fittedAt: model?.fittedAt.toISOString() ?? null,
      responses: model?.responses ?? 0,
      skillsFitted: Number(skills?.n ?? 0),
      itemsCalibrated: Number(items?.n ?? 0),
      predictor: model?.predictor ?? {},
      fsrsOptimised: (model?.fsrsWeights ?? null) !== null,
      evaluation: (model?.evaluation ?? null) as ModelSummary['evaluation'],
    };
  });
}
