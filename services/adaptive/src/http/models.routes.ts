import { personOf } from '@tessera/platform';
import { modelSummary } from '../app/model-summary.js';
import { refitTenant } from '../app/refit.js';
import { AdaptivePermissions, ModelSummary } from '../contract/index.js';
import type { AdaptiveRoutes } from './viewer.js';

const tags = ['adaptive'];

/** For tenant admins: the tenant's fitted models and their held-out quality; a refit on demand. */
export const modelRoutes: AdaptiveRoutes = async (app, deps) => {
  app.get('/adaptive/models', {
    config: { permission: AdaptivePermissions.models },
    schema: { tags, summary: 'The tenant\'s fitted learner models: when, on how many answers, and their held-out AUC and calibration', response: { 200: ModelSummary } },
  }, async (request) => modelSummary(deps, personOf(request).tenantId));

  app.post('/adaptive/models/refit', {
    config: { permission: AdaptivePermissions.models },
    schema: {
      tags, summary: 'Refit the tenant\'s models now (BKT by EM, 2PL calibration, FSRS parameters, the predictor\'s weights); also runs every 6 hours',
      response: { 200: ModelSummary },
    },
  }, async (request) => {
    const tenantId = personOf(request).tenantId;
    await refitTenant(deps, tenantId);
    return modelSummary(deps, tenantId);
  });
};
