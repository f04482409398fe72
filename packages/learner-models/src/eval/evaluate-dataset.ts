import { MODEL_TRAINERS } from './models.js';
import { readDataset, type Dataset } from './read-dataset.js';
import { evaluateModel, type ModelResult } from './run-evaluation.js';

/** The harness's result for one dataset: what `tessera kt-eval` prints with --json and writes to bench/results. */
export interface DatasetEvaluation {
  readonly dataset: string;
  readonly models: readonly ModelResult[];
  readonly details: {
    readonly format: Dataset['format'];
    readonly trainFile: string;
    readonly testFile: string;
    readonly trainResponses: number;
    readonly testResponses: number;
    readonly trainUsers: number;
    readonly testUsers: number;
    readonly items: number;
    readonly skills: number;
  };
}

/** Names `evaluateDataset` accepts. */
export const MODEL_NAMES: readonly string[] = Object.keys(MODEL_TRAINERS);

/**
 * Reads a dataset directory, fits each named model on its train file and scores online predictions of
 * every test answer. `onModel` hears each result as it is ready (a full run takes tens of seconds).
 */
export function evaluateDataset(directory: string, models: readonly string[], onModel?: (result: ModelResult) => void): DatasetEvaluation {
  const unknown = models.filter((name) => !MODEL_TRAINERS[name]);
  if (unknown.length > 0) throw new Error(`Unknown model(s) ${unknown.join(', ')}; known: ${MODEL_NAMES.join(', ')}`);
  const dataset = readDataset(directory);
  const results = models.map((name) => {
    const result = evaluateModel(name, MODEL_TRAINERS[name]!, dataset.train, dataset.test);
    onModel?.(result);
    return result;
  });
  return {
    dataset: dataset.name,
    models: results,
    details: {
      format: dataset.format,
      trainFile: dataset.trainFile,
      testFile: dataset.testFile,
      trainResponses: dataset.train.length,
      testResponses: dataset.test.length,
      trainUsers: dataset.train.numUsers,
      testUsers: dataset.test.numUsers,
      items: dataset.train.numItems,
      skills: dataset.train.numSkills,
    },
  };
}
