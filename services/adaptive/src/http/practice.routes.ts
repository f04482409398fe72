import { personOf } from '@tessera/platform';
import { nextItem } from '../app/next-item.js';
import { answerPractice } from '../app/practice.js';
import { AdaptivePermissions, GoalQuery, NextItem, PracticeAnswerBody, PracticeResult } from '../contract/index.js';
import { selfOf, type AdaptiveRoutes } from './viewer.js';

const tags = ['adaptive'];

/** Adaptive practice: the next item chosen for the student, and answering it. */
export const practiceRoutes: AdaptiveRoutes = async (app, deps) => {
  app.get('/adaptive/next', {
    config: { permission: AdaptivePermissions.self },
    schema: {
      tags, summary: 'The next practice item for a course or goal skills, with the reason and the predicted chance of success',
      description: 'Prerequisites first, then items predicted in the course\'s target band; due reviews are interleaved; mastered skills are skipped. '
        + 'A course must be one the student is enrolled in (404 otherwise). `item` is null when everything is mastered.',
      querystring: GoalQuery,
      response: { 200: NextItem },
    },
  }, async (request) => nextItem(deps, personOf(request).tenantId, selfOf(request), request.query));

  app.post('/adaptive/practice/answers', {
    config: { permission: AdaptivePermissions.self, idempotent: true },
    schema: {
      tags, summary: 'Answer a practice item: graded at once (the exam grading code), the learner model updated before the reply',
      description: 'The response has the shape of the item type, as in exams. Essays and code are not practice items (422). '
        + 'The item must belong to a course the student learns in (404 otherwise). Send an Idempotency-Key to make retries safe.',
      body: PracticeAnswerBody,
      response: { 200: PracticeResult },
    },
  }, async (request) => answerPractice(deps, personOf(request).tenantId, selfOf(request), request.body));
};
