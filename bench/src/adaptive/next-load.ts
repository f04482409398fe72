/** `GET /adaptive/next` under load: every seeded student in turn, over keep-alive loopback connections. */
import { cycle, loadMix, type MixRequest } from '../catalog/load-mix.js';
import { Random } from '../catalog/random.js';
import { errorsOf, runLoad } from '../exam-day/http-load.js';
import { checkOnce, type LoadFigures } from '../kernel/load.js';
import type { LatencySummary } from '../lib/percentiles.js';

export interface NextLoadSpec {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** The paced run's rate as a share of the saturated run's throughput. */
  pacedShare: number;
}

export interface NextLoadFigures extends LoadFigures {
  /** Distinct students the requests rotate over. */
  students: number;
  /** The same rotation over one connection, one request at a time: latency without queueing. */
  single: LoadFigures;
  /** An open loop at a steady rate below saturation: what requests see on a busy but not overrun server. */
  paced: PacedFigures;
}

export interface PacedFigures {
  rate: number;
  requests: number;
  latencyMs: LatencySummary | null;
  /** Non-2xx answers by status and failures by cause. */
  errors: Record<string, number>;
  /** How far the pacer fell behind its schedule (the load generator keeping up or not). */
  maxLagMs: number;
}

const PACED_TIMEOUT_MS = 10_000;

/** The path of a student's next item in the course. */
export function nextPath(courseId: string): string {
  return `/api/v1/adaptive/next?courseId=${courseId}`;
}

/**
 * Three runs over the same rotation: saturated by a closed loop of `connections` (throughput), one connection
 * (the request alone), and an open loop at `pacedShare` of the saturated throughput, each request sent on
 * schedule whatever is in flight (autocannon paces in bursts at the start of each second, which would measure
 * the burst's queue instead).
 */
export async function measureNext(url: string, courseId: string, authorizations: readonly string[], spec: NextLoadSpec): Promise<NextLoadFigures> {
  const [first] = authorizations;
  if (first === undefined) throw new Error('no students to load GET /adaptive/next with');
  await checkOnce(`${url}${nextPath(courseId)}`, { authorization: first }, (status, body) => status === 200 && body.includes('"skill"'));
  // Students in a shuffled order, so consecutive requests are not neighbours in the seeding order.
  const requests = new Random(5).shuffled(authorizations).map((authorization): MixRequest => ({ method: 'GET', path: nextPath(courseId), headers: { authorization } }));
  const next = cycle(requests);
  if (spec.warmupSeconds > 0) await loadMix(url, { connections: spec.connections, durationSeconds: spec.warmupSeconds, next });
  const loaded = await loadMix(url, { connections: spec.connections, durationSeconds: spec.durationSeconds, next });
  const single = await loadMix(url, { connections: 1, durationSeconds: spec.durationSeconds, next });
  const rate = Math.max(1, Math.round(loaded.requestsPerSecond * spec.pacedShare));
  const paced = await runLoad({
    urls: [url], count: rate * spec.durationSeconds, rate, connections: spec.connections, timeoutMs: PACED_TIMEOUT_MS,
    request: (index) => requests[index % requests.length] as MixRequest,
  });
  return {
    ...loaded, students: requests.length, single,
    paced: { rate, requests: paced.sent, latencyMs: paced.latencyMs, errors: errorsOf(paced), maxLagMs: paced.maxLagMs },
  };
}
