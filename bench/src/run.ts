/**
 * The one entry point for every benchmark: `npm run bench -- <name> [--quick] [bench flags]`.
 * Runs the bench, prints its tables, writes bench/results/<name>.json and regenerates the bench's section of
 * docs/benchmarks.md from that file. Without a name it lists the benches.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Bench, FlagSpec } from './lib/bench.js';
import { loadAverage, machineFacts } from './lib/machine.js';
import { writeSection } from './lib/markdown.js';
import { benchNames, loadBench } from './lib/registry.js';
import { renderSection } from './lib/render.js';
import { readResult, writeResult, type ResultFile } from './lib/results.js';
import { textTable } from './lib/table.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const commonFlags: Record<string, FlagSpec> = {
  quick: { type: 'boolean', description: 'smoke run: short durations, small counts; writes <name>.quick.json and leaves the docs alone' },
  help: { type: 'boolean', description: 'show the flags of a bench' },
};

async function main(argv: string[]): Promise<number> {
  // The name comes first, so a flag's value can never be mistaken for it.
  const [name, ...rest] = argv;
  if (!name || name.startsWith('-')) {
    await listBenches();
    return 0;
  }
  const bench = await loadBench(name);
  if (!bench) {
    console.error(`No bench named "${name}".`);
    await listBenches();
    return 2;
  }
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [flag, spec] of Object.entries({ ...commonFlags, ...bench.flags })) options[flag] = { type: spec.type };
  const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values;
  // No flag is declared `multiple`, so no value is an array; this only narrows the type.
  const values: Record<string, string | boolean | undefined> = {};
  for (const [flag, value] of Object.entries(parsed)) if (!Array.isArray(value)) values[flag] = value;
  if (values.help) {
    printHelp(bench);
    return 0;
  }
  const quick = values.quick === true;
  const machine = machineFacts();
  const started = Date.now();
  console.log(`${bench.name}: ${bench.description}${quick ? ' (quick smoke run)' : ''}`);
  console.log(`machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, load ${machine.loadAverage.join(' / ')}\n`);
  const outcome = await bench.run({ quick, flags: values, log: (line) => console.log(`  · ${line}`) });

  const result: ResultFile = {
    bench: bench.name,
    description: bench.description,
    command: `npm run bench -- ${argv.join(' ')}`,
    date: new Date().toISOString(),
    machine: { ...machine, loadAverageAfter: loadAverage() },
    parameters: { ...outcome.parameters, quick },
    tables: outcome.tables,
    figures: outcome.figures,
    notes: outcome.notes ?? [],
  };
  console.log('');
  for (const table of result.tables) console.log(`${textTable(table)}\n`);
  for (const note of result.notes) console.log(`note: ${note}`);

  // A smoke run must not replace the published figures, so it gets a file of its own and no docs update.
  const resultPath = `${repoRoot}bench/results/${bench.name}${quick ? '.quick' : ''}.json`;
  writeResult(resultPath, result);
  console.log(`\nwrote ${resultPath.slice(repoRoot.length)} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (!quick) {
    // Rendered from the file just written, so the docs never say more than the JSON holds.
    writeSection(`${repoRoot}docs/benchmarks.md`, bench.name, renderSection(readResult(resultPath)));
    console.log('updated docs/benchmarks.md');
  }
  return 0;
}

async function listBenches(): Promise<void> {
  console.log('Usage: npm run bench -- <name> [--quick] [flags]   (--help after a name shows its flags)\n\nBenches:');
  for (const name of benchNames()) {
    const bench = await loadBench(name);
    console.log(`  ${name.padEnd(12)} ${bench?.description ?? ''}`);
  }
}

function printHelp(bench: Bench): void {
  console.log(`npm run bench -- ${bench.name} [flags]\n\n${bench.description}\n\nFlags:`);
  const flags = { ...commonFlags, ...bench.flags };
  for (const [flag, spec] of Object.entries(flags)) {
    console.log(`  --${flag}${spec.type === 'string' ? ' <value>' : ''}`.padEnd(30) + spec.description);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? `bench: ${error.message}` : error);
    process.exitCode = 1;
  },
);
