/** What a benchmark is to the harness: `bench/src/benches/<name>.ts` exports one of these as `bench`. */
export interface Bench {
  /** Equals the file name; it names the result file and the section of docs/benchmarks.md. */
  name: string;
  description: string;
  /** Flags of this bench beyond the common `--quick`; unknown flags are rejected. */
  flags?: Record<string, FlagSpec>;
  run(options: BenchOptions): Promise<BenchOutcome>;
}

export interface FlagSpec {
  type: 'boolean' | 'string';
  description: string;
}

export interface BenchOptions {
  /** A smoke run: short durations and small counts, figures not meant to be published. */
  quick: boolean;
  flags: Record<string, string | boolean | undefined>;
  /** Progress for the person watching; results go in the outcome, not here. */
  log: (line: string) => void;
}

export interface BenchOutcome {
  /** The knobs the figures depend on (durations, connections, counts, backends). */
  parameters: Record<string, Json>;
  /** What is printed and published. */
  tables: Table[];
  /** Every measured number, for machines (the tables show a selection). */
  figures: Record<string, Json>;
  /** Caveats worth reading next to the numbers. */
  notes?: string[];
}

/** A JSON value: results are written to disk as they are. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export type Cell = string | number | null;

export interface Column {
  key: string;
  title: string;
  /** Digits after the point when the cell is a number. */
  decimals?: number;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Array<Record<string, Cell>>;
}
