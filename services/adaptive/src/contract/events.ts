/** Events the adaptive service publishes (`tessera.<name>` on the bus). */
export const AdaptiveEvents = {
  /** A graded answer moved a student's mastery of the item's skills. */
  masteryUpdated: 'adaptive.mastery.updated',
  /** A skill's spaced review fell due (emitted once per due time; notify reminds the student). */
  reviewDue: 'adaptive.review.due',
  /** After an exam's answers changed the learner model: the course's next recommendation for the student. */
  recommendationReady: 'adaptive.recommendation.ready',
  /** A refit calibrated items' 2PL parameters from students' answers (assessment's adaptive exams use them). */
  itemsCalibrated: 'adaptive.items.calibrated',
} as const;

/** Payload of `adaptive.items.calibrated` (subject: the tenant id); at most 500 items per event. */
export interface ItemsCalibratedData {
  items: Array<{ itemId: string; a: number; b: number; responses: number }>;
  calibratedAt: string;
}

/** Payload of `adaptive.mastery.updated` (subject: the user id). */
export interface MasteryUpdatedData {
  userId: string;
  responseId: string;
  source: 'practice' | 'exam' | 'cat';
  itemId: string;
  correct: boolean;
  skills: Array<{ skillId: string; before: number; after: number; mastered: boolean }>;
  answeredAt: string;
}

/** Payload of `adaptive.review.due` (subject: the user id). */
export interface ReviewDueData {
  userId: string;
  skillId: string;
  skillName: string;
  dueAt: string;
  scheduler: 'fsrs' | 'sm2';
}

/** Payload of `adaptive.recommendation.ready` (subject: the user id). */
export interface RecommendationReadyData {
  userId: string;
  courseId: string;
  itemId: string | null;
  skillId: string | null;
  reason: string;
  predictedSuccess: number | null;
  basedOnResponses: string[];
}
