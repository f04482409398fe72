import { sigmoid } from '../core/math.js';
import { userBlocks, type ResponseLog } from '../core/response-log.js';
import type { ItemRef, KnowledgeTracer } from '../core/tracer.js';
import { baseRates, countAnswers, expectedRate, leaveOneOutRate, type BaseRates } from './base-rates.js';
import { createBlocks, type FeatureBlock, type FeatureName } from './feature-blocks.js';
import { SparseRowsBuilder, fitSparseLogistic } from './sparse-logistic.js';
import { StudentHistory } from './student-history.js';

/** Which features a logistic model uses and how strongly its weights are shrunk. */
export interface LogisticSpec {
  readonly name: string;
  readonly features: readonly FeatureName[];
  /** L2 strength on every weight but the bias (in units of one answer's log-loss). */
  readonly l2?: number;
  readonly maxIterations?: number;
}

/** A fitted logistic model: plain data (weights in block order), so it can be stored and reloaded. */
export interface LogisticModel {
  readonly name: string;
  readonly features: readonly FeatureName[];
  readonly numItems: number;
  readonly numSkills: number;
  readonly weights: Float64Array;
  readonly baseRates: BaseRates;
}

/** One feature block's share of a prediction's log-odds. */
export interface FeatureContribution {
  readonly feature: string;
  readonly contribution: number;
}

/** A prediction with the contributions of its feature blocks, largest first. */
export interface Explanation {
  readonly probability: number;
  readonly contributions: readonly FeatureContribution[];
}

/** The online predictor of a logistic model; the state is the student's history. */
export interface LogisticTracer extends KnowledgeTracer<StudentHistory> {
  explain(state: StudentHistory, item: ItemRef): Explanation;
}

/** Replays the log (features from earlier answers only), then fits the weights by L2-regularised L-BFGS. */
export function fitLogisticModel(log: ResponseLog, spec: LogisticSpec): LogisticModel {
  const blocks = createBlocks(spec.features, log);
  const offsets = blockOffsets(blocks);
  const counts = countAnswers(log);
  const builder = new SparseRowsBuilder();
  const starts = userBlocks(log);
  const sink = { offset: 0, add: (column: number, value: number) => builder.add(sink.offset + column, value) };
  for (let u = 0; u + 1 < starts.length; u++) {
    const history = new StudentHistory();
    for (let row = starts[u]!; row < starts[u + 1]!; row++) {
      const item: ItemRef = { item: log.item[row]!, skill: log.skill[row]!, time: log.time?.[row] };
      for (let b = 0; b < blocks.length; b++) {
        sink.offset = offsets[b]!;
        blocks[b]!.emit(history, item, sink);
      }
      const y = log.correct[row]!;
      builder.endRow(y === 1);
      history.record(item, y === 1, leaveOneOutRate(counts, item.item, item.skill, y));
    }
  }
  const numColumns = offsets[blocks.length]!;
  const penalty = new Float64Array(numColumns).fill(spec.l2 ?? 1);
  spec.features.forEach((name, b) => {
    if (name === 'bias') penalty.fill(0, offsets[b]!, offsets[b + 1]!);
  });
  const weights = fitSparseLogistic(builder.build(numColumns), { penalty, maxIterations: spec.maxIterations });
  return { name: spec.name, features: spec.features, numItems: log.numItems, numSkills: log.numSkills, weights, baseRates: baseRates(log, counts) };
}

/** Online predictions, updates and explanations from a fitted logistic model. */
export function logisticTracer(model: LogisticModel): LogisticTracer {
  const blocks = createBlocks(model.features, model);
  const offsets = blockOffsets(blocks);
  const { weights } = model;
  // One reusable sink: the margin accumulates as blocks emit, without allocating per prediction.
  const sink = {
    offset: 0,
    margin: 0,
    add(column: number, value: number) {
      this.margin += weights[this.offset + column]! * value;
    },
  };
  const margin = (history: StudentHistory, item: ItemRef, perBlock?: Float64Array): number => {
    sink.margin = 0;
    for (let b = 0; b < blocks.length; b++) {
      const before = sink.margin;
      sink.offset = offsets[b]!;
      blocks[b]!.emit(history, item, sink);
      if (perBlock) perBlock[b] = sink.margin - before;
    }
    return sink.margin;
  };
  return {
    name: model.name,
    newState: () => new StudentHistory(),
    predict: (history, item) => sigmoid(margin(history, item)),
    update: (history, item, correct) => history.record(item, correct, expectedRate(model.baseRates, item.item, item.skill)),
    explain(history, item) {
      const perBlock = new Float64Array(blocks.length);
      const probability = sigmoid(margin(history, item, perBlock));
      const byLabel = new Map<string, number>();
      blocks.forEach((block, b) => byLabel.set(block.label, (byLabel.get(block.label) ?? 0) + perBlock[b]!));
      const contributions = [...byLabel]
        .map(([feature, contribution]) => ({ feature, contribution }))
        .filter((entry) => entry.contribution !== 0)
        .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
      return { probability, contributions };
    },
  };
}

function blockOffsets(blocks: readonly FeatureBlock[]): Int32Array {
  const offsets = new Int32Array(blocks.length + 1);
  blocks.forEach((block, b) => (offsets[b + 1] = offsets[b]! + block.size));
  return offsets;
}
