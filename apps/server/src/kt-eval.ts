import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { MODEL_NAMES, evaluateDataset, type DatasetEvaluation, type ModelResult } from '@tessera/learner-models';

/** Models evaluated when --models is not given. */
export const DEFAULT_KT_MODELS = 'bkt,irt,pfa,lr';

export interface KtEvalOptions {
  data: string;
  models: string;
  json: boolean;
}

/**
 * `tessera kt-eval`: fits each model on the dataset's train file, predicts every test answer online,
 * prints the table (or the JSON with --json, and nothing else on stdout) and writes
 * bench/results/kt-<dataset>.json either way. Returns the exit code (2 for a bad directory or model name).
 */
export function runKtEval(options: KtEvalOptions): number {
  const models = options.models
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = models.filter((name) => !MODEL_NAMES.includes(name));
  if (unknown.length > 0 || models.length === 0 || !existsSync(options.data)) {
    const problem = existsSync(options.data) ? `unknown model(s) "${unknown.join(', ')}"` : `no directory ${options.data}`;
    console.error(`tessera kt-eval: ${problem}; models: ${MODEL_NAMES.join(', ')}`);
    return 2;
  }
  const loadBefore = loadavg()[0]!;
  const evaluated = evaluateDataset(options.data, models, (result) => {
    if (!options.json) console.error(`  ${result.name}: fitted in ${result.fitSeconds.toFixed(1)} s`);
  });
  // Timings mean little without the machine's load (other work on 2 cores stretches them).
  const loadAverage = [loadBefore, loadavg()[0]!].map((load) => Math.round(load * 100) / 100);
  const evaluation = { ...evaluated, details: { ...evaluated.details, date: new Date().toISOString(), loadAverage } };
  const text = `${JSON.stringify(evaluation, null, 2)}\n`;
  const resultsDirectory = new URL('../../../bench/results/', import.meta.url);
  mkdirSync(resultsDirectory, { recursive: true });
  const file = new URL(`kt-${evaluation.dataset}.json`, resultsDirectory);
  writeFileSync(file, text);
  if (options.json) {
    process.stdout.write(text);
    return 0;
  }
  console.log(renderTable(evaluation));
  console.log(`\nwrote bench/results/kt-${evaluation.dataset}.json`);
  return 0;
}

function renderTable(evaluation: DatasetEvaluation): string {
  const { details } = evaluation;
  const header = ['model', 'AUC', 'RMSE', 'accuracy', 'log-loss', 'calibration gap', 'fit s', 'predictions/s'];
  const rows = evaluation.models.map((model: ModelResult) => [
    model.name,
    model.auc.toFixed(4),
    model.rmse.toFixed(4),
    model.accuracy.toFixed(4),
    model.logLoss.toFixed(4),
    model.calibrationGap.toFixed(4),
    model.fitSeconds.toFixed(1),
    Math.round(model.predictionsPerSecond).toLocaleString('en-US'),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const totalFit = evaluation.models.reduce((sum, model) => sum + model.fitSeconds, 0);
  return [
    `${evaluation.dataset} (${details.format}): train ${details.trainFile} ${details.trainResponses.toLocaleString('en-US')} answers / ${details.trainUsers} students, ` +
      `test ${details.testFile} ${details.testResponses.toLocaleString('en-US')} answers / ${details.testUsers} students`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `fit total ${totalFit.toFixed(1)} s; calibration gap: the worst |predicted − observed| success over deciles of prediction holding ≥ 1 % of the test answers`,
  ].join('\n');
}
