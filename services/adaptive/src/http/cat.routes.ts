import { personOf } from '@tessera/platform';
import { answerCat, readCat, startCat } from '../app/cat.js';
import { AdaptivePermissions, CatAnswerBody, CatParams, CatSession, CatStartBody } from '../contract/index.js';
import { selfOf, type AdaptiveRoutes } from './viewer.js';

const tags = ['adaptive'];

/** Computerized adaptive tests: maximum information at the current ability, content balanced, stopping at a target precision. */
export const catRoutes: AdaptiveRoutes = async (app, deps) => {
  app.post('/adaptive/tests', {
    config: { permission: AdaptivePermissions.self, idempotent: true },
    schema: {
      tags, summary: 'Start an adaptive test on a course\'s items; stops at the target standard error or the item limit',
      body: CatStartBody, response: { 201: CatSession },
    },
  }, async (request, reply) => reply.code(201).send(await startCat(deps, personOf(request).tenantId, selfOf(request), request.body)));

  app.get('/adaptive/tests/:sessionId', {
    config: { permission: AdaptivePermissions.self },
    schema: { tags, summary: 'An adaptive test of the caller: the current item, or the result when finished', params: CatParams, response: { 200: CatSession } },
  }, async (request) => readCat(deps, personOf(request).tenantId, selfOf(request).userId, request.params.sessionId));

  app.post('/adaptive/tests/:sessionId/answers', {
    config: { permission: AdaptivePermissions.self },
    schema: {
      tags, summary: 'Answer the current item of an adaptive test; returns the next item or the final ability estimate',
      description: 'Only the item the test is asking may be answered (409 otherwise); a finished test takes no answers (409).',
      params: CatParams, body: CatAnswerBody, response: { 200: CatSession },
    },
  }, async (request) => answerCat(deps, personOf(request).tenantId, selfOf(request), request.params.sessionId, request.body));
};
