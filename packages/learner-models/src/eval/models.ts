import { bktTracer, fitBktModel } from '../bkt/bkt-model.js';
import { calibrateIrt } from '../irt/irt-calibrate.js';
import { irtTracer } from '../irt/irt-model.js';
import { fitLogisticModel, logisticTracer } from '../logistic/logistic-model.js';
import { BEST_LR_SPEC, LR_SPEC, PFA_SPEC } from '../logistic/model-specs.js';
import { fitStackedModel, stackedTracer } from '../stacked/stacked-model.js';
import type { ModelTrainer } from './run-evaluation.js';

/** The models the harness can evaluate, by name, each with its default hyper-parameters. */
export const MODEL_TRAINERS: Readonly<Record<string, ModelTrainer>> = {
  bkt: (train) => bktTracer(fitBktModel(train)),
  'bkt-forget': (train) => ({ ...bktTracer(fitBktModel(train, { fitForget: true })), name: 'bkt-forget' }),
  irt: (train) => irtTracer(calibrateIrt(train)),
  pfa: (train) => logisticTracer(fitLogisticModel(train, PFA_SPEC)),
  'best-lr': (train) => logisticTracer(fitLogisticModel(train, BEST_LR_SPEC)),
  lr: (train) => logisticTracer(fitLogisticModel(train, LR_SPEC)),
  /** The adaptive service's served predictor (BKT + IRT + PFA counts, stacked). */
  stacked: (train) => stackedTracer(fitStackedModel(train)),
};
