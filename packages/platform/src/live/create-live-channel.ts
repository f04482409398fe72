import type { Bus } from '../bus/bus.js';
import { NatsBus } from '../bus/nats-bus.js';
import type { Logger } from '../observability/logger.js';
import type { LiveChannel } from './live-channel.js';
import { LocalLiveChannel } from './local-live-channel.js';
import { NatsLiveChannel } from './nats-live-channel.js';

/** NATS pub/sub on the bus's connection when the bus is NATS (many processes), else in-process (embedded mode). */
export function createLiveChannel(bus: Bus, namespace: string, logger?: Logger): LiveChannel {
  if (bus instanceof NatsBus) return new NatsLiveChannel(bus.connection(), namespace, logger);
  return new LocalLiveChannel(logger);
}
