import { performance } from 'node:perf_hooks';
import { openLiveClient, type LiveClient, type Transport } from './live-client.js';

export interface OpenPlan {
  url: string;
  /** `Bearer <token>` per user; user i connects once, over `transportOf(i)`. */
  authorizations: string[];
  transportOf: (index: number) => Transport;
  /** Opens in flight at once. */
  concurrency: number;
  openTimeoutMs: number;
}

export interface OpenedConnections {
  /** Per user, its connection; null where it could not open. */
  clients: Array<LiveClient | null>;
  opened: number;
  /** Why opens failed, counted by reason. */
  failures: Record<string, number>;
  seconds: number;
}

/** Opens every user's connection, `concurrency` at a time, each bounded by its timeout. */
export async function openConnections(plan: OpenPlan, log: (line: string) => void): Promise<OpenedConnections> {
  const clients: Array<LiveClient | null> = new Array<LiveClient | null>(plan.authorizations.length).fill(null);
  const failures: Record<string, number> = {};
  const started = performance.now();
  let next = 0;
  let opened = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < plan.authorizations.length; index = next++) {
      try {
        clients[index] = await openLiveClient(plan.transportOf(index), { url: plan.url, authorization: plan.authorizations[index] as string, openTimeoutMs: plan.openTimeoutMs });
        opened++;
        if (opened % 2_000 === 0) log(`opening: ${opened} open after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failures[reason] = (failures[reason] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.concurrency) }, worker));
  return { clients, opened, failures, seconds: (performance.now() - started) / 1000 };
}

/** Connections that ended before the bench closed them, counted by reason. */
export function droppedOf(clients: ReadonlyArray<LiveClient | null>): { count: number; reasons: Record<string, number> } {
  const reasons: Record<string, number> = {};
  let count = 0;
  for (const client of clients) {
    if (!client || client.droppedBecause === null) continue;
    count++;
    reasons[client.droppedBecause] = (reasons[client.droppedBecause] ?? 0) + 1;
  }
  return { count, reasons };
}

/**
 * Waits until every open connection has its `count`-th notification, or `quietMs` pass without a new one, or
 * `timeoutMs` in all. Returns how many connections have it.
 */
export async function awaitNotifications(clients: ReadonlyArray<LiveClient | null>, count: number, bounds: { quietMs: number; timeoutMs: number }): Promise<number> {
  const deadline = performance.now() + bounds.timeoutMs;
  const expected = clients.filter((client) => client !== null && client.droppedBecause === null).length;
  let arrived = 0;
  let lastProgressAt = performance.now();
  while (performance.now() < deadline && performance.now() - lastProgressAt < bounds.quietMs) {
    const now = notifiedCount(clients, count);
    if (now > arrived) {
      arrived = now;
      lastProgressAt = performance.now();
    }
    if (arrived >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return notifiedCount(clients, count);
}

function notifiedCount(clients: ReadonlyArray<LiveClient | null>, count: number): number {
  return clients.filter((client) => client !== null && client.arrivals.length >= count).length;
}
