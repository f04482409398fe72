import type { ChildMessage, StopMessage } from './protocol.js';

/** Sends `message` to the parent and resolves once it has left this process. */
export function tellParent(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

/**
 * Runs the body of a bench child process. `start` does the work and returns its cleanup (close servers, drop
 * the scratch database, delete streams and keys). Cleanup runs exactly once, after `start` has settled, when the
 * parent says stop, goes away, or a signal arrives — so an interrupted bench still leaves no state behind.
 */
export function runChild(start: () => Promise<() => Promise<void>>): void {
  const started = start();
  let finishing: Promise<void> | undefined;
  const finish = (code: number): void => {
    finishing ??= (async () => {
      let exitCode = code;
      try {
        const cleanup = await started.catch(() => undefined);
        await cleanup?.();
      } catch (error) {
        console.error('bench child cleanup failed:', error);
        exitCode = 1;
      }
      process.exit(exitCode);
    })();
  };
  process.on('message', (message: StopMessage) => {
    if (message.type === 'stop') finish(0);
  });
  process.once('disconnect', () => finish(0));
  process.once('SIGINT', () => finish(130));
  process.once('SIGTERM', () => finish(143));
  started.catch(async (error: unknown) => {
    await tellParent({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
    finish(1);
  });
}
