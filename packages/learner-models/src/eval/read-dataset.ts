import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { IdIndex, type ResponseLog } from '../core/response-log.js';
import { detectFormat, parseResponses, type DatasetFormat } from './formats.js';

/** A train/test pair read from one directory. */
export interface Dataset {
  /** The directory's name, e.g. "gervet2020". */
  readonly name: string;
  readonly format: DatasetFormat;
  readonly trainFile: string;
  readonly testFile: string;
  readonly train: ResponseLog;
  readonly test: ResponseLog;
}

/**
 * Reads the train and test files of a directory (names containing "train" and "test"; with numbered
 * folds, the unnumbered pair or else the lowest fold). Test items and skills unseen in train get
 * indices past the train vocabulary, which is how the models recognise them.
 */
export function readDataset(directory: string): Dataset {
  const { train, test } = pickSplit(readdirSync(directory));
  const trainText = readFileSync(join(directory, train), 'utf8');
  const testText = readFileSync(join(directory, test), 'utf8');
  const format = detectFormat(trainText);
  const vocabulary = { items: new IdIndex(), skills: new IdIndex() };
  return {
    name: basename(resolve(directory)),
    format,
    trainFile: train,
    testFile: test,
    train: parseResponses(trainText, vocabulary, format),
    test: parseResponses(testText, vocabulary, detectFormat(testText)),
  };
}

/** The train/test file names of a directory listing. */
export function pickSplit(files: readonly string[]): { train: string; test: string } {
  const train = pickFile(files, 'train');
  const fold = /train(\d+)/i.exec(train)?.[1];
  const tests = files.filter((file) => /test/i.test(file));
  const test = (fold !== undefined ? tests.find((file) => new RegExp(`test${fold}\\b|test${fold}\\D`, 'i').test(file)) : undefined) ?? pickFile(files, 'test');
  return { train, test };
}

function pickFile(files: readonly string[], role: 'train' | 'test'): string {
  const candidates = files.filter((file) => file.toLowerCase().includes(role)).sort();
  if (candidates.length === 0) throw new Error(`No ${role} file (a name containing "${role}") in the directory`);
  const unnumbered = candidates.find((file) => !new RegExp(`${role}\\d`, 'i').test(file));
  return unnumbered ?? candidates[0]!;
}
