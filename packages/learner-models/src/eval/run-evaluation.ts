import type { ResponseLog } from '../core/response-log.js';
import type { ItemRef, KnowledgeTracer } from '../core/tracer.js';
import { accuracy, auc, calibrationByDecile, logLoss, rmse, worstCalibrationGap, type CalibrationBin } from './metrics.js';

/** Fits a model on a training log. */
export type ModelTrainer = (train: ResponseLog) => KnowledgeTracer;

/** One model's figures on a test log. */
export interface ModelResult {
  readonly name: string;
  readonly auc: number;
  readonly rmse: number;
  readonly accuracy: number;
  readonly logLoss: number;
  /** The worst gap between predicted and observed success over deciles holding at least 1 % of the test answers. */
  readonly calibrationGap: number;
  readonly calibration: readonly CalibrationBin[];
  readonly fitSeconds: number;
  /** Test answers predicted and then recorded per second (predict + update, as in serving). */
  readonly predictionsPerSecond: number;
}

/** Fits on `train` (timed), then predicts every test answer from that student's earlier answers only. */
export function evaluateModel(name: string, trainer: ModelTrainer, train: ResponseLog, test: ResponseLog): ModelResult {
  const fitStart = performance.now();
  const tracer = trainer(train);
  const fitSeconds = (performance.now() - fitStart) / 1000;
  const predictStart = performance.now();
  const predictions = predictOnline(tracer, test);
  const predictSeconds = (performance.now() - predictStart) / 1000;
  const invalid = predictions.findIndex((p) => !(p >= 0 && p <= 1));
  if (invalid >= 0) throw new Error(`Model ${name} predicted ${predictions[invalid]} for test answer ${invalid}`);
  return {
    name,
    auc: auc(test.correct, predictions),
    rmse: rmse(test.correct, predictions),
    accuracy: accuracy(test.correct, predictions),
    logLoss: logLoss(test.correct, predictions),
    ...calibrationOf(test.correct, predictions),
    fitSeconds,
    predictionsPerSecond: test.length / Math.max(predictSeconds, 1e-9),
  };
}

/** Replays the log in order: each answer is predicted before it is recorded in its student's state. */
export function predictOnline(tracer: KnowledgeTracer, log: ResponseLog): Float64Array {
  const predictions = new Float64Array(log.length);
  let state: unknown = null;
  for (let row = 0; row < log.length; row++) {
    if (row === 0 || log.user[row] !== log.user[row - 1]) state = tracer.newState();
    const item: ItemRef = { item: log.item[row]!, skill: log.skill[row]!, time: log.time?.[row] };
    predictions[row] = tracer.predict(state, item);
    tracer.update(state, item, log.correct[row] === 1);
  }
  return predictions;
}

function calibrationOf(labels: Uint8Array, predictions: Float64Array): { calibrationGap: number; calibration: CalibrationBin[] } {
  const calibration = calibrationByDecile(labels, predictions);
  return { calibrationGap: worstCalibrationGap(calibration, Math.max(1, Math.ceil(labels.length / 100))), calibration };
}
