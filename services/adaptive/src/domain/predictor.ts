import {
  DEFAULT_STACKED_WEIGHTS, fitStackedWeights, predictStacked, STACKED_FEATURES, stackedFeatures,
  type StackedFeature, type StackedInput, type StackedPrediction, type StackedWeights,
} from '@tessera/learner-models';

/**
 * P(correct) for a student and an item: the stacked predictor of @tessera/learner-models (BKT for the item's
 * weakest skill, the IRT term a·(θ − b), PFA counts), whose quality on real data `tessera kt-eval --models
 * stacked` measures. The refit job fits its weights per tenant; until then the defaults apply.
 */
export const PREDICTOR_FEATURES = STACKED_FEATURES;
export type PredictorFeature = StackedFeature;
export type PredictorWeights = StackedWeights;
export type PredictionInput = StackedInput;
export type Prediction = StackedPrediction;
export const DEFAULT_WEIGHTS = DEFAULT_STACKED_WEIGHTS;
export const predict = predictStacked;
export const featuresOf = stackedFeatures;
export const fitWeights = fitStackedWeights;

/** An item's 2PL parameters (the package's, from the best source known). */
export { itemParameters, type ItemParams as ItemParameters } from '@tessera/learner-models';
