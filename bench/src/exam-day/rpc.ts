/**
 * The exam-day bench's processes talk over their IPC channel: a child says `ready` (or `failed`) as the kernel
 * bench's children do (see kernel/child-runtime.ts), and then answers the parent's calls — set up the exam,
 * run a load, count results — one reply per call.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { childArguments, stopChild } from '../kernel/child.js';

export interface ReadyInfo {
  url: string;
  backends: string;
  extra: Record<string, string>;
}

interface CallMessage {
  type: 'call';
  id: number;
  method: string;
  args: unknown;
}

type ReplyMessage = { type: 'reply'; id: number; ok: true; value: unknown } | { type: 'reply'; id: number; ok: false; message: string };
type FromChild = ReplyMessage | { type: 'ready'; url: string; backends: string; extra?: Record<string, string> } | { type: 'failed'; message: string };

type Handler = (args: never) => Promise<unknown>;

/** In a child: answers each call with its handler's value, or its error's message. */
export function answerCalls(handlers: Record<string, Handler>): void {
  process.on('message', (message: unknown) => {
    const call = message as Partial<CallMessage> | null;
    if (call?.type !== 'call' || typeof call.id !== 'number' || typeof call.method !== 'string') return;
    const id = call.id;
    const handler = handlers[call.method];
    const reply = (answer: ReplyMessage) => process.send?.(answer);
    if (!handler) return void reply({ type: 'reply', id, ok: false, message: `no call named "${call.method}"` });
    handler(call.args as never).then(
      (value) => reply({ type: 'reply', id, ok: true, value: value ?? null }),
      (error: unknown) => reply({ type: 'reply', id, ok: false, message: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  });
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** A child process of the bench seen from the parent: waits for it to be ready, calls it, stops it. */
export class ExamChild {
  private nextId = 1;
  private readonly calls = new Map<number, Waiting>();
  private readonly readiness: Promise<ReadyInfo>;
  private exitCode: number | null | undefined;
  private readonly exited: Promise<void>;

  private constructor(private readonly proc: ChildProcess, readonly label: string) {
    let ready: (info: ReadyInfo) => void = () => undefined;
    let notReady: (error: Error) => void = () => undefined;
    this.readiness = new Promise<ReadyInfo>((resolve, reject) => {
      ready = resolve;
      notReady = reject;
    });
    // Awaited only when asked for; a failure before then must not count as unhandled.
    this.readiness.catch(() => undefined);
    proc.on('message', (raw: unknown) => {
      const message = raw as FromChild;
      if (message.type === 'ready') ready({ url: message.url, backends: message.backends, extra: message.extra ?? {} });
      else if (message.type === 'failed') this.failAll(new Error(`${label} failed: ${message.message}`), notReady);
      else if (message.type === 'reply') this.settle(message);
    });
    this.exited = new Promise((resolve) => {
      proc.once('exit', (code) => {
        this.exitCode = code;
        this.failAll(new Error(`${label} exited (code ${code})`), notReady);
        resolve();
      });
    });
  }

  /** Starts `entry` (a .ts file next to this one) under tsx with `spec` as its argument. */
  static start(entry: string, spec: object, env: Record<string, string | undefined>, label: string): ExamChild {
    const proc = spawn(process.execPath, childArguments(new URL(entry, import.meta.url), spec), {
      cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ExamChild(proc, label);
  }

  /**
   * Lowers the child's CPU priority (a nice value, 0–19): the grading workers yield the shared cores to the
   * accept path while submits come in, and use what is left.
   */
  lowerPriority(nice: number): void {
    if (this.proc.pid !== undefined) os.setPriority(this.proc.pid, nice);
  }

  ready(timeoutMs: number): Promise<ReadyInfo> {
    return withTimeout(this.readiness, timeoutMs, `${this.label} was not ready within ${timeoutMs / 1000} s`);
  }

  call<T>(method: string, args: unknown, timeoutMs: number): Promise<T> {
    if (this.exitCode !== undefined) return Promise.reject(new Error(`${this.label} has exited (code ${this.exitCode})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.calls.delete(id);
        reject(new Error(`${this.label} did not answer "${method}" within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.calls.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.proc.send({ type: 'call', id, method, args } satisfies CallMessage);
    });
  }

  /** Asks the child to clean up and exit; kills it (this child only, by its pid) if it has not within `timeoutMs`. */
  stop(timeoutMs: number): Promise<void> {
    return stopChild({ proc: this.proc, exited: this.exited, exitCode: () => this.exitCode, label: this.label }, timeoutMs);
  }


  private settle(reply: ReplyMessage): void {
    const waiting = this.calls.get(reply.id);
    if (!waiting) return;
    this.calls.delete(reply.id);
    clearTimeout(waiting.timer);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(`${this.label}: ${reply.message}`));
  }

  private failAll(error: Error, notReady: (error: Error) => void): void {
    notReady(error);
    for (const waiting of this.calls.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.calls.clear();
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), timeoutMs)))])
    .finally(() => clearTimeout(timer));
}

/** Stops children in order, collecting failures instead of leaving later children running. */
export async function stopAll(children: readonly ExamChild[], timeoutMs: number): Promise<Error[]> {
  const failures: Error[] = [];
  for (const child of children) await child.stop(timeoutMs).catch((error: Error) => failures.push(error));
  return failures;
}
