import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Json, Table } from './bench.js';
import type { MachineFacts } from './machine.js';

/** `bench/results/<name>.json`: everything docs/benchmarks.md is generated from. */
export interface ResultFile {
  bench: string;
  description: string;
  /** The command that reproduces the file. */
  command: string;
  /** ISO time the run finished. */
  date: string;
  machine: MachineFacts & { loadAverageAfter: number[] };
  parameters: Record<string, Json>;
  tables: Table[];
  figures: Record<string, Json>;
  notes: string[];
}

export function writeResult(path: string, result: ResultFile): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
}

/** Reads a result file back, checking the parts the docs are rendered from. */
export function readResult(path: string): ResultFile {
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const candidate = value as Partial<ResultFile> | null;
  if (typeof candidate?.bench !== 'string' || !Array.isArray(candidate.tables) || typeof candidate.machine !== 'object') {
    throw new Error(`${path} is not a bench result file`);
  }
  return candidate as ResultFile;
}

/** Plain data as JSON (undefined members dropped), for figures built from typed interfaces. */
export function asJson(value: object): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
