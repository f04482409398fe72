import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Metrics } from '../observability/metrics.js';
import type { Cache } from './cache.js';
import { SingleFlight } from './single-flight.js';
import { deserialize, serialize, ttlOf } from './values.js';

export interface RedisCacheOptions {
  url: string;
  /** Prepended to every key, so that deployments and test files sharing one Redis never see each other's keys. */
  prefix: string;
  metrics: Metrics;
  /** How long `connect` waits for the server; also bounds each reconnect attempt. */
  connectTimeoutMs?: number;
  /** Connection errors after startup; commands fail on their own, so this is for logging. */
  onError?: (error: Error) => void;
}

// One script so that each counter and its expiry are set atomically; PEXPIRE only on the first increment,
// so that later increments do not push the expiry back. Several keys in one call: one round trip per request
// for the rate limits (a Redis Cluster would need them in one hash slot).
const INCREMENT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  counts[i] = n
end
return counts`;
const INCREMENT_SHA = createHash('sha1').update(INCREMENT).digest('hex');

/** The distributed-mode cache, shared by every process on the same Redis and prefix. */
export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private readonly flights: SingleFlight;

  private constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    metrics: Metrics,
  ) {
    this.flights = new SingleFlight(metrics, 'redis');
  }

  /** Connects and waits until Redis is ready; rejects promptly, rather than retrying forever, when it is not reachable. */
  static async connect(options: RedisCacheOptions): Promise<RedisCache> {
    const connectTimeout = options.connectTimeoutMs ?? 5_000;
    const client = new Redis(options.url, {
      lazyConnect: false,
      connectTimeout,
      // While Redis is down, a command fails after one reconnect attempt instead of queueing indefinitely.
      maxRetriesPerRequest: 1,
      commandTimeout: connectTimeout,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      // Commands issued in the same tick by concurrent requests (rate-limit counters, revocation checks,
      // attempt gates) go out in one write: under load the socket writes, not Redis, were the cost.
      enableAutoPipelining: true,
    });
    try {
      await untilReady(client, connectTimeout);
    } catch (error) {
      client.on('error', () => {});
      client.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Redis is unreachable at ${redactedUrl(options.url)}: ${reason}`, { cause: error });
    }
    // Without a listener ioredis prints every reconnect error to the console.
    client.on('error', options.onError ?? (() => {}));
    return new RedisCache(client, options.prefix, options.metrics);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const text = await this.client.get(this.prefix + key);
    this.flights.count(text === null ? 'miss' : 'hit');
    return deserialize<T>(text);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    const ttl = ttlOf(ttlMs);
    const text = serialize(value);
    if (text === undefined) await this.client.del(this.prefix + key);
    else await this.client.set(this.prefix + key, text, 'PX', ttl);
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    const [count] = await this.incrementAll([key], ttlMs);
    return count as number;
  }

  async incrementAll(keys: readonly string[], ttlMs: number): Promise<number[]> {
    if (keys.length === 0) return [];
    const fullKeys = keys.map((key) => this.prefix + key);
    // evalsha sends the script's hash, not its text, on the hot path (every authenticated request calls this);
    // the text goes over only when Redis does not know the script yet (first call, or after a restart).
    const reply: unknown = await this.client.evalsha(INCREMENT_SHA, fullKeys.length, ...fullKeys, ttlOf(ttlMs)).catch((error: Error) => {
      if (!error.message.includes('NOSCRIPT')) throw error;
      return this.client.eval(INCREMENT, fullKeys.length, ...fullKeys, ttlOf(ttlMs));
    });
    if (!Array.isArray(reply) || reply.length !== keys.length || !reply.every((n) => typeof n === 'number')) {
      throw new TypeError(`Unexpected reply to increment: ${String(reply)}`);
    }
    return reply as number[];
  }

  async getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const ttl = ttlOf(ttlMs);
    const fullKey = this.prefix + key;
    const text = await this.flights.run(fullKey, {
      read: async () => (await this.client.get(fullKey)) ?? undefined,
      load,
      store: async (value) => void (await this.client.set(fullKey, value, 'PX', ttl)),
    });
    return deserialize<T>(text) as T;
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    await this.client.quit();
  }
}

function untilReady(client: Redis, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // connectTimeout covers the socket only; this also bounds the ready check (INFO) and DNS.
    const timer = setTimeout(() => settle(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
    const onReady = () => settle();
    const onError = (error: Error) => settle(error);
    const onEnd = () => settle(new Error('connection closed'));
    function settle(error?: Error) {
      clearTimeout(timer);
      client.off('ready', onReady).off('error', onError).off('end', onEnd);
      if (error) reject(error);
      else resolve();
    }
    client.once('ready', onReady).once('error', onError).once('end', onEnd);
  });
}

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
