import { readFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface RssReading {
  /** Resident set size of the process, in KiB (VmRSS of /proc/self/status). */
  rssKiB: number;
  heapUsedKiB: number;
  /** Whether a full garbage collection ran just before the reading. */
  collected: boolean;
}

const SETTLE_MS = 1_000;

/**
 * The process's own memory after a full collection, so garbage does not count as held per connection. The
 * process was not started with --expose-gc; the flag set now exposes `gc` to a fresh context.
 */
export async function readRss(): Promise<RssReading> {
  const collected = collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  const rssKiB = match ? Number(match[1]) : Math.round(process.memoryUsage.rss() / 1024);
  return { rssKiB, heapUsedKiB: Math.round(process.memoryUsage().heapUsed / 1024), collected };
}

function collectGarbage(): boolean {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc !== 'function') return false;
    (gc as () => void)();
    return true;
  } catch {
    return false;
  }
}
