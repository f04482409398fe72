import type { Json } from '../lib/bench.js';
import type { EventFigures } from './events.js';

/** What a bench child process tells its parent over the IPC channel. */
export type ChildMessage =
  | { type: 'ready'; url: string; authorization: string | null; backends: string; extra?: Record<string, string> }
  | { type: 'figures'; figures: Record<string, Json> }
  | { type: 'events'; figures: EventFigures }
  | { type: 'failed'; message: string };

/** The only thing a parent says: stop serving, clean up, exit. */
export interface StopMessage {
  type: 'stop';
}

export function isChildMessage(value: unknown): value is ChildMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'events' || type === 'figures' || type === 'failed';
}
