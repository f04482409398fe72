// Item analysis: sufficient statistics that the grading worker keeps up to date per graded attempt, and the
// reports computed from them.
export {
  BLANK_CHOICE,
  applyItemDelta,
  emptyItemStats,
  itemContribution,
  itemReport,
  type ChoiceRow,
  type ItemReport,
  type ItemStats,
  type ItemStatsDelta,
} from './item-statistics.js';
export {
  HISTOGRAM_BINS,
  applyExamDelta,
  cronbachAlpha,
  emptyExamStats,
  examContribution,
  examReport,
  histogramBin,
  medianPercentEstimate,
  type ExamReport,
  type ExamStats,
  type ExamStatsDelta,
  type GradedAttemptScores,
  type HistogramRow,
  type SlotStats,
} from './exam-statistics.js';
export { mergeAllExamStats, mergeExamStats, mergeItemStats } from './merge.js';
