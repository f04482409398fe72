import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Servers a fault test starts for itself, on free loopback ports and in temporary folders, so that it can stop
 * and restart them in the middle of a run without disturbing the shared servers other tests use: a NATS
 * server with JetStream, and a PostgreSQL cluster. Every wait is bounded; `cleanupOwnServers()` (afterAll)
 * stops whatever is still running and removes the folders.
 *
 * Binaries: `NATS_SERVER_BIN` or `nats-server` on the PATH (or in an sbin folder); `PG_BIN_DIR` or the folder
 * `pg_config --bindir` names. Tests skip when `ownServersAvailable` says a binary is missing.
 */

/** A server this process started: stop it, start it again on the same port with the same data, and clean up. */
export interface OwnServer {
  readonly kind: 'nats' | 'postgres';
  readonly port: number;
  /** The URL clients connect to (for PostgreSQL, the database `tessera` on this cluster). */
  readonly url: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** Graceful stop (NATS: SIGTERM; PostgreSQL: fast shutdown), bounded; a server that does not stop is killed. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server at once if it runs and removes its folder. */
  cleanup(): Promise<void>;
  /** The server's recent log, for failure messages. */
  log(): string;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const live = new Set<OwnServer>();
/** Last-resort synchronous cleanups, run if this process exits without `cleanupOwnServers()` (a crashed test). */
const onExit = new Map<OwnServer, () => void>();
process.once('exit', () => {
  for (const abandon of onExit.values()) {
    try {
      abandon();
    } catch {
      // best effort: the process is going away
    }
  }
});

/** Where the binaries are, if this machine has them. */
export const ownServersAvailable = {
  nats: natsServerBinary() !== undefined,
  postgres: postgresBinDir() !== undefined,
};

/** Stops every server this process started and removes their folders (for afterAll). */
export async function cleanupOwnServers(): Promise<void> {
  const servers = [...live];
  const results = await Promise.allSettled(servers.map((server) => server.cleanup()));
  const failed = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed.length > 0) throw new Error(`cleaning up own servers failed: ${failed.map((f) => String(f.reason)).join('; ')}`);
}

/** A port nobody listens on right now (the OS picks it; there is a small window before the server takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/* ------------------------------------------------------------------------------------------------ NATS --- */

export function natsServerBinary(): string | undefined {
  const explicit = process.env.NATS_SERVER_BIN;
  if (explicit) return isExecutable(explicit) ? explicit : undefined;
  // sbin folders are not on every user's PATH, yet distributions install nats-server there.
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  return folders.filter(Boolean).map((folder) => join(folder, 'nats-server')).find(isExecutable);
}

/** Starts `nats-server -js` on a free loopback port with its JetStream store in a temporary folder. */
export async function startOwnNats(): Promise<OwnServer> {
  const binary = natsServerBinary();
  if (!binary) throw new Error('nats-server not found: set NATS_SERVER_BIN or put it on the PATH');
  const folder = await mkdtemp(join(tmpdir(), 'tessera-nats-'));
  let port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';
  let started = false;

  const launch = async (): Promise<void> => {
    output = '';
    const proc = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(folder, 'jetstream')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    proc.stdout?.on('data', append);
    proc.stderr?.on('data', append);
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    void exited.then(() => {
      if (child === proc) child = undefined;
    });
    await waitFor(() => /Server is ready/.test(output), START_TIMEOUT_MS, () => child !== proc, () => `nats-server on port ${port} did not start\n${output}`);
  };

  const server: OwnServer = {
    kind: 'nats',
    get port() {
      return port;
    },
    get url() {
      return `nats://127.0.0.1:${port}`;
    },
    get running() {
      return child !== undefined;
    },
    async start() {
      if (child) return;
      try {
        await launch();
      } catch (error) {
        // The port was taken between our probe and the server's listen: only possible on the first start.
        if (started || !/address already in use/i.test(output)) throw error;
        port = await freePort();
        await launch();
      }
      started = true;
    },
    async stop() {
      const proc = child;
      if (!proc) return;
      proc.kill('SIGTERM');
      if (!await within(exited, STOP_TIMEOUT_MS)) {
        proc.kill('SIGKILL');
        await within(exited, STOP_TIMEOUT_MS);
      }
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async cleanup() {
      const proc = child;
      if (proc) {
        proc.kill('SIGKILL');
        await within(exited, STOP_TIMEOUT_MS);
      }
      await rm(folder, { recursive: true, force: true });
      live.delete(server);
      onExit.delete(server);
    },
    log() {
      return output;
    },
  };
  live.add(server);
  onExit.set(server, () => {
    child?.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });
  try {
    await server.start();
  } catch (error) {
    await server.cleanup();
    throw error;
  }
  return server;
}

/* ------------------------------------------------------------------------------------------- PostgreSQL --- */

export function postgresBinDir(): string | undefined {
  const explicit = process.env.PG_BIN_DIR;
  const candidates = explicit ? [explicit] : [pgConfigBinDir()].filter((dir): dir is string => dir !== undefined);
  return candidates.find((dir) => isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'pg_ctl')));
}

function pgConfigBinDir(): string | undefined {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Initialises a PostgreSQL cluster in a temporary folder (trust authentication, loopback only, its socket in
 * that folder) and starts it on a free port, with a database `tessera`. PostgreSQL refuses to run as root, so
 * as root the cluster belongs to the `postgres` user and its commands run through `runuser`.
 */
export async function startOwnPostgres(): Promise<OwnServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found: set PG_BIN_DIR or put pg_config on the PATH');
  const folder = await mkdtemp(join(tmpdir(), 'tessera-pg-'));
  const data = join(folder, 'data');
  const logFile = join(folder, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const owner = postgresUser();
    await chown(folder, owner.uid, owner.gid);
  }
  const run = (tool: string, args: string[], timeoutMs: number) => runTool(asRoot, join(bin, tool), args, timeoutMs);
  let port = await freePort();
  let running = false;
  let started = false;

  const pgCtl = (args: string[]) => run('pg_ctl', ['-D', data, '-w', '-t', String(START_TIMEOUT_MS / 1000), ...args], START_TIMEOUT_MS + 5_000);
  const launch = () => pgCtl([
    '-l', logFile,
    '-o', `-p ${port} -k "${folder}" -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60`,
    'start',
  ]);

  const server: OwnServer = {
    kind: 'postgres',
    get port() {
      return port;
    },
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/tessera`;
    },
    get running() {
      return running;
    },
    async start() {
      if (running) return;
      try {
        await launch();
      } catch (error) {
        if (started || !/could not bind|address already in use/i.test(server.log())) throw error;
        port = await freePort();
        await launch();
      }
      running = true;
      started = true;
    },
    async stop() {
      if (!running) return;
      try {
        await pgCtl(['-m', 'fast', 'stop']);
      } catch {
        await pgCtl(['-m', 'immediate', 'stop']);
      }
      running = false;
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    async cleanup() {
      if (existsSync(join(data, 'postmaster.pid'))) await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined);
      running = false;
      await rm(folder, { recursive: true, force: true });
      live.delete(server);
      onExit.delete(server);
    },
    log() {
      try {
        return readFileSync(logFile, 'utf8').slice(-20_000);
      } catch {
        return '';
      }
    },
  };
  live.add(server);
  onExit.set(server, () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      const [command, argv] = toolCommand(asRoot, join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      execFileSync(command, argv, { timeout: 30_000, stdio: 'ignore' });
    }
    rmSync(folder, { recursive: true, force: true });
  });
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], 120_000);
    await server.start();
    await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', 'create database tessera'], 30_000);
  } catch (error) {
    await server.cleanup();
    throw error;
  }
  return server;
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', timeout: 10_000 }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The command line of a PostgreSQL tool: as the `postgres` user when we are root. */
function toolCommand(asRoot: boolean, tool: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
}

/** Runs a PostgreSQL tool to completion (bounded). */
function runTool(asRoot: boolean, tool: string, args: string[], timeoutMs: number): Promise<string> {
  const [command, argv] = toolCommand(asRoot, tool, args);
  return new Promise((resolve, reject) => {
    execFile(command, argv, { timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8', cwd: tmpdir() }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${tool} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/* -------------------------------------------------------------------------------------------------- util --- */

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true when `promise` settles within `ms`, false otherwise. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `done` until true (at most `timeoutMs`); gives up early when `failed` says it never will be. */
async function waitFor(done: () => boolean, timeoutMs: number, failed: () => boolean, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (failed() || Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
