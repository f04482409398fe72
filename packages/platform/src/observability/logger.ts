import { pino, type Logger } from 'pino';
import { currentTraceId } from './tracing.js';

export type { Logger };

/**
 * JSON logs on stdout. Every line carries the active trace id; request-scoped child loggers add the
 * request and tenant ids (see the HTTP kit).
 */
export function createLogger(options: { level: string; name?: string }): Logger {
  return pino({
    level: options.level,
    name: options.name ?? 'tessera',
    base: { pid: process.pid },
    mixin() {
      const traceId = currentTraceId();
      return traceId ? { traceId } : {};
    },
  });
}

/** A logger that writes nothing, for tests and benches. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
