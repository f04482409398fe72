import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isChildMessage, type ChildMessage, type StopMessage } from './protocol.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

type Waiter = { type: ChildMessage['type']; resolve: (message: ChildMessage) => void; reject: (error: Error) => void };

/**
 * A bench child process seen from the parent: the system under test runs there, on a core of its own, while
 * the parent generates load — in one process the load generator would steal the server's event loop.
 */
/**
 * Node's arguments for a bench child: tsx, the entry and its spec. BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof
 * --cpu-prof-dir=prof") goes first, to profile the children, which NODE_OPTIONS may not.
 */
export function childArguments(entry: URL, spec: object): string[] {
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  return [...nodeArgs, '--import', 'tsx', fileURLToPath(entry), JSON.stringify(spec)];
}

export class BenchChild {
  private readonly inbox: ChildMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly proc: ChildProcess, private readonly label: string) {
    proc.on('message', (message: unknown) => {
      if (!isChildMessage(message)) return;
      const waiter = [...this.waiters].find((w) => w.type === message.type || message.type === 'failed');
      if (!waiter) return void this.inbox.push(message);
      this.waiters.delete(waiter);
      if (message.type === 'failed') waiter.reject(new Error(`${this.label} failed: ${message.message}`));
      else waiter.resolve(message);
    });
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code) => {
        this.exitCode = code;
        for (const waiter of this.waiters) waiter.reject(new Error(`${this.label} exited (code ${code}) before sending "${waiter.type}"`));
        this.waiters.clear();
        resolve();
      });
    });
  }

  /** Starts `entry` (a .ts file next to this one) under tsx with `spec` as its argument and `env` as its environment. */
  static start(entry: string, spec: object, env: Record<string, string | undefined>, label: string): BenchChild {
    const child = spawn(process.execPath, childArguments(new URL(entry, import.meta.url), spec), {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new BenchChild(child, label);
  }

  /** The next message of `type`, failing on a `failed` message, an exit or `timeoutMs`. */
  receive<T extends ChildMessage['type']>(type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> {
    const queued = this.inbox.findIndex((message) => message.type === type || message.type === 'failed');
    if (queued !== -1) {
      const [message] = this.inbox.splice(queued, 1);
      if (message?.type === 'failed') return Promise.reject(new Error(`${this.label} failed: ${message.message}`));
      return Promise.resolve(message as Extract<ChildMessage, { type: T }>);
    }
    if (this.exitCode !== undefined) return Promise.reject(new Error(`${this.label} has exited (code ${this.exitCode})`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.label} sent no "${type}" within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const waiter: Waiter = {
        type,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as Extract<ChildMessage, { type: T }>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Asks the child to clean up and exit; kills it (this child only, by its pid) if it has not within `timeoutMs`. */
  stop(timeoutMs: number): Promise<void> {
    return stopChild({ proc: this.proc, exited: this.exited, exitCode: () => this.exitCode, label: this.label }, timeoutMs);
  }

}

/**
 * Sends a bench child `stop` and waits for it to clean up and exit; kills it (this child only, by its pid)
 * if it has not within `timeoutMs`, and fails then or when it exits with an error.
 */
export async function stopChild(child: { proc: ChildProcess; exited: Promise<void>; exitCode: () => number | null | undefined; label: string }, timeoutMs: number): Promise<void> {
  if (child.exitCode() !== undefined) return;
  if (child.proc.connected) child.proc.send({ type: 'stop' } satisfies StopMessage);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
  const late = await Promise.race([child.exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (late) {
    child.proc.kill('SIGKILL');
    await child.exited;
    throw new Error(`${child.label} did not stop within ${timeoutMs / 1000} s and was killed; its scratch state may remain`);
  }
  const code = child.exitCode();
  if (code !== 0) throw new Error(`${child.label} exited with code ${code} while cleaning up`);
}
