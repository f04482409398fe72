import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../../test/support/own-servers.js';
import { eventually, sleep } from '../../../../test/support/polling.js';
import { createScratchDatabase, dropScratchDatabase, removeTestKeys, removeTestStreams, uniqueToken } from '@tessera/platform/testing';

/** Helpers for tests that run the real `tessera` command in child processes. */

export { eventually, freePort, sleep };

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = join(repoRoot, 'apps/server/bin/tessera.js');

const BACKEND_VARIABLES = ['DATABASE_URL', 'NATS_URL', 'REDIS_URL', 'BUS_NAMESPACE', 'CACHE_PREFIX', 'TESSERA_DATA_DIR', 'PORT', 'TESSERA_ROLES', 'TESSERA_SERVICES'];

/** True when this run targets PostgreSQL (and NATS/Redis when their variables are set too). */
export const distributed = Boolean(process.env.DATABASE_URL);
export const modeName = distributed ? `distributed (${process.env.NATS_URL ? 'NATS' : 'local bus on PostgreSQL'})` : 'embedded';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One `tessera` child process with its captured output. */
export interface TesseraProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  readonly exited: Promise<Exit>;
  readonly exit: Exit | undefined;
  stdout(): string;
  stderr(): string;
  /** Output of both streams, for failure messages. */
  output(): string;
}

const running = new Set<TesseraProcess>();

/** A fresh temporary folder, removed by `removeTempDirs()`. */
const tempDirs: string[] = [];
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-proc-'));
  tempDirs.push(dir);
  return dir;
}
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * The environment for a child: this process's environment without any backend settings, plus `env`.
 * Children listen on loopback only and log warnings and errors only.
 */
export function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !BACKEND_VARIABLES.includes(key)) result[key] = value;
  }
  result.HOST = '127.0.0.1';
  result.LOG_LEVEL = 'warn';
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** Spawns `tessera <args>` from the repository root; it is killed by `stopAll()` if still running. */
export function spawnTessera(args: string[], env: Record<string, string>, port = Number(env.PORT ?? 0)): TesseraProcess {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let exit: Exit | undefined;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
    child.once('error', (error) => {
      err += `\nspawn failed: ${error.message}`;
      exit = { code: null, signal: null };
      resolve(exit);
    });
  });
  const processHandle: TesseraProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    exited,
    get exit() {
      return exit;
    },
    stdout: () => out,
    stderr: () => err,
    output: () => `--- stdout ---\n${tail(out)}\n--- stderr ---\n${tail(err)}`,
  };
  running.add(processHandle);
  void exited.then(() => running.delete(processHandle));
  return processHandle;
}

function tail(text: string, max = 4_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** Runs `tessera <args>` to completion (bounded), returning its exit and output. */
export async function runTessera(args: string[], env: Record<string, string>, timeoutMs = 90_000): Promise<Exit & { stdout: string; stderr: string }> {
  const proc = spawnTessera(args, env);
  const exit = await waitForExit(proc, timeoutMs);
  return { ...exit, stdout: proc.stdout(), stderr: proc.stderr() };
}

/**
 * Starts `tessera start <args>` on a free port and waits until `/healthz` answers 200. Should another
 * program take the port between our probe and the child's listen, it tries again on another one.
 */
export async function startTessera(args: string[], env: Record<string, string>): Promise<TesseraProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const proc = spawnTessera(['start', ...args], { ...env, PORT: String(port) }, port);
    try {
      await waitHealthy(proc);
      return proc;
    } catch (error) {
      if (attempt >= 3 || !proc.exit || !/EADDRINUSE/.test(proc.output())) throw error;
    }
  }
}

/** SIGTERMs the processes and expects each to finish its graceful shutdown with exit code 0 (bounded). */
export async function stopGracefully(...procs: TesseraProcess[]): Promise<Exit[]> {
  for (const proc of procs) proc.child.kill('SIGTERM');
  return Promise.all(procs.map(async (proc) => {
    const exit = await waitForExit(proc, 20_000);
    if (exit.code !== 0 || exit.signal !== null) {
      throw new Error(`tessera ${proc.child.spawnargs.slice(2).join(' ')} exited ${JSON.stringify(exit)} on SIGTERM\n${proc.output()}`);
    }
    return exit;
  }));
}

/**
 * Room for a test that starts whole processes: each start may take up to waitHealthy's 180 s on a loaded
 * 2-core CI machine (every service, PGlite, the demo seed), and some tests start two and drain one.
 */
export const PROCESS_TEST_TIMEOUT_MS = 420_000;

/** Polls `/healthz` until 200 (at most `timeoutMs`); fails at once if the process exits. */
export async function waitHealthy(proc: TesseraProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exit) throw new Error(`tessera exited (${JSON.stringify(proc.exit)}) before it was healthy\n${proc.output()}`);
    try {
      const response = await fetch(`${proc.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`tessera was not healthy within ${timeoutMs} ms\n${proc.output()}`);
}

/** Waits for the process to exit (at most `timeoutMs`, else throws with its output). */
export async function waitForExit(proc: TesseraProcess, timeoutMs: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`tessera did not exit within ${timeoutMs} ms\n${proc.output()}`)), timeoutMs);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `pattern` appears on stdout (bounded). */
export async function waitForStdout(proc: TesseraProcess, pattern: RegExp, timeoutMs = 10_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(proc.stdout());
    if (match) return match;
    if (proc.exit || Date.now() > deadline) throw new Error(`stdout never matched ${pattern}\n${proc.output()}`);
    await sleep(50);
  }
}

/** Kills one process: SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stop(proc: TesseraProcess, graceMs = 5_000): Promise<void> {
  if (proc.exit) return;
  proc.child.kill('SIGTERM');
  try {
    await waitForExit(proc, graceMs);
  } catch {
    proc.child.kill('SIGKILL');
    await waitForExit(proc, 5_000).catch(() => undefined);
  }
}

/** Kills every child still running (for afterEach/afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((proc) => stop(proc)));
}

/** Kills without a chance to clean up, like a crash; resolves once it is gone. */
export async function crash(proc: TesseraProcess): Promise<void> {
  proc.child.kill('SIGKILL');
  await waitForExit(proc, 10_000);
}

/** Shared backends of its own for one test file in distributed mode. */
export interface IsolatedBackends {
  /** Variables for children: DATABASE_URL (a scratch database), NATS_URL, REDIS_URL, BUS_NAMESPACE, CACHE_PREFIX. */
  env: Record<string, string>;
  /** Drops the scratch database(s), deletes the namespace's NATS streams and the prefix's Redis keys. */
  cleanup(): Promise<void>;
  /** Another empty scratch database on the same server (dropped by `cleanup`). */
  scratchDatabase(): Promise<string>;
}

/** A scratch PostgreSQL database, a bus namespace and a cache prefix nobody else uses. Needs DATABASE_URL. */
export async function isolatedBackends(): Promise<IsolatedBackends> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('isolatedBackends needs DATABASE_URL');
  const token = uniqueToken();
  const databases: string[] = [];
  const scratchDatabase = async () => {
    const url = await createScratchDatabase(serverUrl);
    databases.push(url);
    return url;
  };
  const env: Record<string, string> = {
    DATABASE_URL: await scratchDatabase(),
    BUS_NAMESPACE: `t${token}`,
    CACHE_PREFIX: `tessera_test_${token}:`,
  };
  if (process.env.NATS_URL) env.NATS_URL = process.env.NATS_URL;
  if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
  return {
    env,
    scratchDatabase,
    cleanup: async () => {
      for (const url of databases.splice(0)) await dropScratchDatabase(url);
      await removeSharedState(env);
    },
  };
}

/** Deletes the NATS streams `<NAMESPACE>_*` and the Redis keys `<CACHE_PREFIX>*` a test created. */
export async function removeSharedState(env: Record<string, string | undefined>): Promise<void> {
  if (env.NATS_URL && env.BUS_NAMESPACE) await removeTestStreams(env.NATS_URL, env.BUS_NAMESPACE);
  if (env.REDIS_URL && env.CACHE_PREFIX) await removeTestKeys(env.REDIS_URL, env.CACHE_PREFIX);
}

/** A small HTTP client for one API process and one bearer token (`Bearer …` or the bare token). */
export function apiClient(baseUrl: string, token: string) {
  const authorization = token.startsWith('Bearer ') ? token : `Bearer ${token}`;
  const headers = (extra: Record<string, string> = {}) => ({ authorization, ...extra });
  return {
    baseUrl,
    async get<T = unknown>(path: string): Promise<{ status: number; body: T }> {
      const response = await fetch(`${baseUrl}${path}`, { headers: headers(), signal: AbortSignal.timeout(30_000) });
      return { status: response.status, body: (await response.json()) as T };
    },
    async post<T = unknown>(path: string, body: unknown, extra: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', ...extra }),
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      return { status: response.status, body: (await response.json()) as T, headers: response.headers };
    },
  };
}

/** Every item of a paginated listing, following `nextCursor`. */
export async function listAll<T>(api: ReturnType<typeof apiClient>, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = null, page = 0; page === 0 || cursor; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const query: string = `${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const { status, body } = await api.get<{ items: T[]; nextCursor: string | null }>(`${path}${query}`);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(body)}`);
    items.push(...body.items);
    cursor = body.nextCursor;
  }
  return items;
}

/** Backend variables for children sharing a test platform's database, bus namespace and cache prefix. */
export function backendEnv(config: { DATABASE_URL?: string | undefined; NATS_URL?: string | undefined; REDIS_URL?: string | undefined; BUS_NAMESPACE: string; CACHE_PREFIX: string }): Record<string, string | undefined> {
  return {
    DATABASE_URL: config.DATABASE_URL,
    NATS_URL: config.NATS_URL,
    REDIS_URL: config.REDIS_URL,
    BUS_NAMESPACE: config.BUS_NAMESPACE,
    CACHE_PREFIX: config.CACHE_PREFIX,
  };
}

export interface PingView {
  id: string;
  message: string;
  receipts: number;
}

/** Reads one counter sample from a Prometheus text exposition (0 when absent). */
export function counterValue(metrics: string, name: string, labels: Record<string, string>): number {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const close = line.indexOf('}');
    const sampleLabels = Object.fromEntries(
      [...line.slice(name.length + 1, close).matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => sampleLabels[key] === value)) return Number(line.slice(close + 1).trim());
  }
  return 0;
}

/** Signs the demo student in once the process has printed its demo accounts; returns the access token. */
export async function demoStudentToken(proc: TesseraProcess): Promise<string> {
  await waitForStdout(proc, /Demo accounts \(password "tessera-demo-2026"/);
  const response = await fetch(`${proc.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo', email: 'student@demo.tessera.localhost', password: 'tessera-demo-2026' }),
  });
  const body = (await response.json()) as { tokens?: { accessToken: string } };
  if (response.status !== 200 || !body.tokens) throw new Error(`demo sign-in failed (${response.status}): ${JSON.stringify(body)}`);
  return body.tokens.accessToken;
}
