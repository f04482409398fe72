/**
 * @tessera/learner-models: the math of knowledge tracing, pure TypeScript with no I/O (the dataset
 * reader of the evaluation harness aside). Items, skills and users are dense integer indices; map your
 * ids with IdIndex. Every model has plain-data parameters (fit once, store, reload) and an online
 * KnowledgeTracer: `predict(state, item)` before an answer, `update(state, item, correct)` after it.
 */

// Shared shapes
/** Answers in columns, grouped by user in time order: what every fit consumes. */
export { ResponseLogBuilder, IdIndex, userBlocks, type ResponseLog } from './core/response-log.js';
/** The online predictor every model provides, and the item reference it is asked about. */
export type { ItemRef, KnowledgeTracer } from './core/tracer.js';
/** Numerics used across models (also handy for callers). */
export { sigmoid, logit, clamp } from './core/math.js';
/** Limited-memory BFGS minimiser used by the fits. */
export { minimizeLbfgs, type Objective, type LbfgsOptions, type LbfgsResult } from './core/lbfgs.js';

// Bayesian Knowledge Tracing
/** Per-skill BKT parameters, the bounds EM stays within, and the defaults before fitting. */
export { BKT_BOUNDS, DEFAULT_BKT_PARAMS, clampBktParams, type BktParams } from './bkt/bkt-params.js';
/** The BKT forward filter: P(correct) now, and P(known) after an answer. */
export { predictCorrect, updateMastery } from './bkt/bkt-filter.js';
/** Baum-Welch for one skill: a single iteration, or a full fit with seeded restarts. */
export { bktEmStep, fitBktSkill, type BktSequences, type BktEmOptions, type BktFit } from './bkt/bkt-em.js';
/** BKT over a whole log: per-skill fits with a pooled fallback, and its online tracer. */
export { fitBktModel, bktTracer, bktParamsFor, sequencesBySkill, type BktModel, type BktFitOptions } from './bkt/bkt-model.js';

// Item Response Theory (2PL)
/** 2PL item parameters, P(correct | θ) and Fisher information (for CAT). */
export { probabilityCorrect, information, type ItemParams } from './irt/irt-2pl.js';
/** EAP ability with standard error, in one call or one answer at a time. */
export { estimateAbility, AbilityPosterior, type AbilityEstimate, type AbilityPrior } from './irt/irt-ability.js';
/** Joint MAP calibration of items, its objective (for gradient checks), and item lookup with fallbacks. */
export {
  calibrateIrt,
  irtObjective,
  irtItemFor,
  DEFAULT_IRT_PRIORS,
  type IrtModel,
  type IrtPriors,
  type IrtCalibrationOptions,
} from './irt/irt-calibrate.js';
/** Online 2PL: the student's ability posterior as state. */
export { irtTracer } from './irt/irt-model.js';
/** An item's 2PL parameters from the best source known: calibration, the author's, the author's difficulty. */
export { itemParameters, type ItemParameterSources } from './irt/item-parameters.js';

// Computerized adaptive testing
/** Maximum information at the current ability, content balancing across skills, randomesque exposure control, stop rules. */
export { nextCatItem, stopReason, type CatItem, type CatState, type CatRules, type StopReason } from './cat/adaptive-test.js';

// Logistic models (PFA, Best-LR and the extended LR)
/** Fit and use a logistic knowledge-tracing model; `explain` names each feature block's contribution. */
export {
  fitLogisticModel,
  logisticTracer,
  type LogisticSpec,
  type LogisticModel,
  type LogisticTracer,
  type Explanation,
  type FeatureContribution,
} from './logistic/logistic-model.js';
/** The model definitions: PFA, Best-LR (Gervet et al. 2020) and the default extended LR. */
export { PFA_SPEC, BEST_LR_SPEC, LR_SPEC } from './logistic/model-specs.js';
/** Feature blocks the specs are made of. */
export { createBlocks, type FeatureName, type FeatureBlock, type FeatureContext, type FeatureSink } from './logistic/feature-blocks.js';
/** The per-student feature state of the logistic models. */
export { StudentHistory, Tally, AbilityTracker } from './logistic/student-history.js';
/** Item and skill base rates the ability features compare answers against. */
export { expectedRate, type BaseRates } from './logistic/base-rates.js';
/** L2-regularised sparse logistic regression (CSR rows, L-BFGS). */
export { fitSparseLogistic, SparseRowsBuilder, type SparseRows, type SparseLogisticOptions } from './logistic/sparse-logistic.js';

// The stacked predictor the adaptive service serves
/** Its features, weights, explained predictions and Newton fit of the weights. */
export {
  STACKED_FEATURES, DEFAULT_STACKED_WEIGHTS, stackedFeatures, predictStacked, scoreStacked, fitStackedWeights,
  type StackedFeature, type StackedWeights, type StackedInput, type StackedPrediction, type SkillState,
} from './stacked/stacked-features.js';
/** The whole stack fitted on a log, with its online tracer (what kt-eval measures as `stacked`). */
export { fitStackedModel, stackedTracer, StackedState, type StackedModel } from './stacked/stacked-model.js';

// Evaluation harness
/** Metrics: exact rank AUC with ties, RMSE, accuracy at 0.5, log-loss. */
export { auc, rmse, accuracy, logLoss, calibrationByDecile, worstCalibrationGap, type CalibrationBin } from './eval/metrics.js';
/** Readers of the Gervet TSV, DKT/DKVMN three-line and AKT four-line formats. */
export { detectFormat, parseResponses, type DatasetFormat, type Vocabulary } from './eval/formats.js';
/** Reads a dataset directory's train/test pair (the one place with file I/O). */
export { readDataset, pickSplit, type Dataset } from './eval/read-dataset.js';
/** Fit-then-replay evaluation of one model, and the online replay itself. */
export { evaluateModel, predictOnline, type ModelResult, type ModelTrainer } from './eval/run-evaluation.js';
/** The models the harness knows by name. */
export { MODEL_TRAINERS } from './eval/models.js';
/** The whole harness on one directory (what `tessera kt-eval` runs). */
export { evaluateDataset, MODEL_NAMES, type DatasetEvaluation } from './eval/evaluate-dataset.js';
