import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerMessage } from './grading-worker.js';

const entry = fileURLToPath(new URL('./grading-worker.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));

/** One grading worker child process, seen from the test. */
export interface WorkerProcess {
  readonly label: string;
  readonly child: ChildProcess;
  /** Every submission it reported handled, with the delivery attempt, in order. */
  readonly handled: Array<{ submissionId: string; attempt: number }>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ready(timeoutMs: number): Promise<void>;
  /** SIGKILL, like a crash: no drain, no acks; resolves once it is gone. */
  kill(): Promise<void>;
  /** Asks it to drain and exit; kills it if it has not within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  output(): string;
}

const running = new Set<WorkerProcess>();

/**
 * Starts `grading-worker.ts` under tsx with `env` (the backends it shares with the test's platform). Its
 * logs are kept for failure messages, not printed.
 */
export function startGradingWorker(label: string, env: Record<string, string>, options: { holdAcks?: boolean } = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env: { ...env, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '4', FAULT_HOLD_ACKS: options.holdAcks ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const handled: WorkerProcess['handled'] = [];
  let readiness: 'waiting' | 'ready' | string = 'waiting';
  child.on('message', (message: WorkerMessage) => {
    if (message.type === 'handled') handled.push({ submissionId: message.submissionId, attempt: message.attempt });
    else if (message.type === 'ready') readiness = 'ready';
    else if (message.type === 'failed') readiness = message.message;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let gone = false;
  void exited.then(() => {
    gone = true;
    running.delete(worker);
  });
  const waitExit = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
    clearTimeout(timer);
    return done;
  };
  const worker: WorkerProcess = {
    label, child, handled, exited,
    async ready(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (readiness === 'waiting') {
        if (gone || Date.now() > deadline) throw new Error(`${label} was not ready within ${timeoutMs / 1000} s\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (readiness !== 'ready') throw new Error(`${label} failed to start: ${readiness}\n${log}`);
    },
    async kill() {
      if (gone) return;
      child.kill('SIGKILL');
      if (!await waitExit(20_000)) throw new Error(`${label} survived SIGKILL for 20 s`);
    },
    async stop(timeoutMs = 20_000) {
      if (gone) return;
      if (child.connected) child.send({ type: 'stop' });
      if (!await waitExit(timeoutMs)) await worker.kill();
    },
    output: () => `--- ${label} ---\n${log}`,
  };
  running.add(worker);
  return worker;
}

/** Stops every worker still running (afterAll); each is killed if it does not stop in time. */
export async function stopWorkers(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.stop().catch(() => worker.kill())));
}
