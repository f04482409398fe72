import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateDataset, MODEL_NAMES, type DatasetEvaluation } from '@tessera/learner-models';
import type { Bench, Json, Table } from '../lib/bench.js';
import { stringFlag } from '../lib/flags.js';
import { loadAverage } from '../lib/machine.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/kt/assistments2009/', import.meta.url));
const DEFAULT_DATASETS = ['gervet2020', 'dkt_piech2015'].map((name) => `${SHARED}${name}`);

/**
 * Knowledge tracing on real data: every model of @tessera/learner-models fitted on each dataset's train
 * file and asked to predict every test answer from the student's earlier answers only (what `tessera
 * kt-eval` runs, here over the public ASSISTments 2009 splits).
 */
export const bench: Bench = {
  name: 'kt',
  description: 'Knowledge-tracing models on the public ASSISTments 2009 splits: AUC, RMSE, accuracy, log-loss, calibration gap, fit time and predictions/s per model.',
  flags: {
    data: { type: 'string', description: 'dataset directories, comma-separated (default: the gervet2020 and dkt_piech2015 splits of the shared data)' },
    models: { type: 'string', description: `models, comma-separated (default: all: ${MODEL_NAMES.join(', ')})` },
  },
  async run(options) {
    const directories = (stringFlag(options, 'data')?.split(',') ?? DEFAULT_DATASETS).map((entry) => entry.trim()).filter(Boolean);
    const missing = directories.filter((directory) => !existsSync(directory));
    if (missing.length > 0) throw new Error(`No dataset directory ${missing.join(', ')}`);
    const models = stringFlag(options, 'models')?.split(',').map((name) => name.trim()) ?? [...MODEL_NAMES];
    const evaluations: DatasetEvaluation[] = [];
    for (const directory of options.quick ? directories.slice(0, 1) : directories) {
      options.log(`${basename(directory)}: fitting ${models.join(', ')}`);
      evaluations.push(evaluateDataset(directory, models, (result) => options.log(`  ${result.name}: AUC ${result.auc.toFixed(4)}, fitted in ${result.fitSeconds.toFixed(1)} s`)));
    }
    return {
      parameters: { datasets: evaluations.map((evaluation) => evaluation.dataset).join(', '), models: models.join(', '), loadAverageBefore: loadAverage()[0] ?? null },
      tables: evaluations.map(tableOf),
      figures: { datasets: JSON.parse(JSON.stringify(evaluations)) as Json },
      notes: [
        'Each test answer is predicted before it is recorded in its student\'s state; train and test students are disjoint.',
        'Calibration gap: the worst |predicted − observed| success over deciles of prediction holding at least 1 % of the test answers.',
        '`stacked` is the predictor the adaptive service serves (BKT, IRT and PFA counts combined by five fitted weights).',
        'Published on the gervet2020 split (Gervet et al. 2020, quoted in the dataset\'s README): IRT 0.69, PFA 0.72, DKT 0.75, SAKT 0.75, Best-LR 0.77 AUC. On dkt_piech2015: BKT 0.73, BKT + forgetting 0.83 (Khajah et al. 2016 as quoted by pyBKT-examples).',
      ],
    };
  },
};

function tableOf(evaluation: DatasetEvaluation): Table {
  const totalFit = evaluation.models.reduce((sum, model) => sum + model.fitSeconds, 0);
  const { details } = evaluation;
  return {
    title: `${evaluation.dataset}: train ${details.trainResponses.toLocaleString('en-US')} answers of ${details.trainUsers} students, test ${details.testResponses.toLocaleString('en-US')} of ${details.testUsers}; all fits ${totalFit.toFixed(1)} s`,
    columns: [
      { key: 'model', title: 'model' },
      { key: 'auc', title: 'AUC', decimals: 4 },
      { key: 'rmse', title: 'RMSE', decimals: 4 },
      { key: 'accuracy', title: 'accuracy', decimals: 4 },
      { key: 'logLoss', title: 'log-loss', decimals: 4 },
      { key: 'calibrationGap', title: 'calibration gap', decimals: 4 },
      { key: 'fitSeconds', title: 'fit s', decimals: 1 },
      { key: 'predictionsPerSecond', title: 'predictions/s', decimals: 0 },
    ],
    rows: evaluation.models.map((model) => ({
      model: model.name, auc: model.auc, rmse: model.rmse, accuracy: model.accuracy, logLoss: model.logLoss,
      calibrationGap: model.calibrationGap, fitSeconds: model.fitSeconds, predictionsPerSecond: Math.round(model.predictionsPerSecond),
    })),
  };
}
