import { AppError } from '@tessera/platform';

export const adaptiveErrors = {
  courseNotFound: (courseId: string) => new AppError('not_found', 'ADAPTIVE.COURSE_NOT_FOUND', `No published course ${courseId}`),
  notEnrolled: (courseId: string) => new AppError('not_found', 'ADAPTIVE.COURSE_NOT_FOUND', `No published course ${courseId} you are enrolled in`),
  itemNotFound: (itemId: string) => new AppError('not_found', 'ADAPTIVE.ITEM_NOT_FOUND', `No published item ${itemId}`),
  unknownSkills: (skillIds: string[]) => new AppError('unprocessable', 'ADAPTIVE.UNKNOWN_SKILLS', `Unknown skills: ${skillIds.join(', ')}`, { skillIds }),
  noGoal: () => new AppError('invalid', 'ADAPTIVE.GOAL_REQUIRED', 'Name a course (courseId) or goal skills (skills)'),
  badResponse: (itemId: string, type: string) => new AppError('invalid', 'ADAPTIVE.RESPONSE_INVALID', `The response does not fit item ${itemId} (a ${type} item)`, { itemId, type }),
  notAutoGradable: (itemId: string, type: string) => new AppError('unprocessable', 'ADAPTIVE.NOT_AUTO_GRADABLE', `Item ${itemId} is a ${type} item: practice takes items machines can grade`, { itemId, type }),
  userNotFound: (userId: string) => new AppError('not_found', 'ADAPTIVE.USER_NOT_FOUND', `No learner ${userId}`),
  sessionNotFound: (sessionId: string) => new AppError('not_found', 'ADAPTIVE.SESSION_NOT_FOUND', `No adaptive test ${sessionId}`),
  examNotFound: (examId: string) => new AppError('not_found', 'ADAPTIVE.EXAM_NOT_FOUND', `No published exam ${examId} in this course`),
  sessionFinished: (sessionId: string) => new AppError('conflict', 'ADAPTIVE.SESSION_FINISHED', `Adaptive test ${sessionId} is finished`),
  notCurrentItem: (itemId: string) => new AppError('conflict', 'ADAPTIVE.NOT_CURRENT_ITEM', `Item ${itemId} is not the question this test is asking`, { itemId }),
  emptyPool: (courseId: string) => new AppError('unprocessable', 'ADAPTIVE.EMPTY_POOL', `Course ${courseId} has no auto-gradable items to test with`),
  staleSettings: (current: number) => new AppError('precondition_failed', 'ADAPTIVE.SETTINGS_CHANGED', `The settings changed meanwhile (now version ${current}); reload and retry`, { currentVersion: current }),
  badBand: () => new AppError('invalid', 'ADAPTIVE.TARGET_BAND_INVALID', 'targetLow must be below targetHigh'),
};
