import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IdIndex, MODEL_NAMES, MODEL_TRAINERS, evaluateModel, parseResponses } from '../src/index.js';

// The shared data sits next to the repository (../shared/data from its root).
const directory = fileURLToPath(new URL('../../../../shared/data/kt/assistments2009/gervet2020/', import.meta.url));
const available = existsSync(directory);
if (!available) console.warn(`harness test skipped: no dataset at ${directory}`);

/** The header and the rows of the first `users` users of a Gervet TSV file. */
function firstUsers(file: string, users: number): string {
  const lines = readFileSync(`${directory}${file}`, 'utf8').split('\n');
  const seen = new Set<string>();
  const kept = [lines[0]!];
  for (const line of lines.slice(1)) {
    const user = line.split('\t')[0]!;
    if (!seen.has(user) && seen.size === users) break;
    if (line.trim() !== '') {
      seen.add(user);
      kept.push(line);
    }
  }
  return kept.join('\n');
}

describe.skipIf(!available)('evaluation harness on a slice of ASSISTments 2009 (gervet2020)', () => {
  const vocabulary = { items: new IdIndex(), skills: new IdIndex() };
  const train = available ? parseResponses(firstUsers('preprocessed_data_train.csv', 200), vocabulary) : undefined;
  const test = available ? parseResponses(firstUsers('preprocessed_data_test.csv', 50), vocabulary) : undefined;

  it.each(MODEL_NAMES)('%s predicts held-out students well above chance', (name) => {
    const result = evaluateModel(name, MODEL_TRAINERS[name]!, train!, test!);
    expect(result.auc).toBeGreaterThan(0.65);
    expect(result.logLoss).toBeLessThan(0.69);
    expect(result.accuracy).toBeGreaterThan(0.6);
  });
});
