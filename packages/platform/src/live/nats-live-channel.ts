import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from '../observability/logger.js';
import { assertLiveTopic, encodeLiveData, TopicListeners, type LiveChannel, type LiveListener } from './live-channel.js';

interface TopicSubscription {
  listeners: TopicListeners;
  subscription: Subscription;
}

/**
 * The live channel over NATS core pub/sub (no JetStream: nothing is stored) on the bus's connection, on the
 * subjects `<namespace>.live.<topic>`. This process subscribes to a topic only while it has listeners for it,
 * one NATS subscription per topic however many listeners, so the server routes each message only to the
 * processes that want it.
 */
export class NatsLiveChannel implements LiveChannel {
  readonly kind = 'nats';
  private readonly topics = new Map<string, TopicSubscription>();
  private closed = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
    private readonly logger?: Logger,
  ) {}

  publish(topic: string, data: unknown): Promise<void> {
    assertLiveTopic(topic);
    if (this.closed) return Promise.reject(new Error('The live channel is closed'));
    try {
      // Buffered by the client and flushed at once; no round trip is awaited, as nobody acknowledges.
      this.nc.publish(this.subjectOf(topic), encodeLiveData(data));
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  subscribe(topic: string, listener: LiveListener): () => void {
    assertLiveTopic(topic);
    if (this.closed) throw new Error('The live channel is closed');
    const entry = this.topics.get(topic) ?? this.subscribeTopic(topic);
    const remove = entry.listeners.add(listener);
    return () => {
      if (remove() && entry.listeners.size === 0 && this.topics.get(topic) === entry) {
        this.topics.delete(topic);
        this.unsubscribe(entry);
      }
    };
  }

  close(): Promise<void> {
    this.closed = true;
    // The connection belongs to the bus, which drains and closes it; only this channel's subscriptions end here.
    for (const entry of this.topics.values()) this.unsubscribe(entry);
    this.topics.clear();
    return Promise.resolve();
  }

  private subscribeTopic(topic: string): TopicSubscription {
    const listeners = new TopicListeners(topic, this.logger);
    const subscription = this.nc.subscribe(this.subjectOf(topic), {
      callback: (error, message) => {
        if (error) {
          this.logger?.warn({ err: error, topic }, 'live subscription failed');
          return;
        }
        let data: unknown;
        try {
          data = message.json();
        } catch (parseError) {
          this.logger?.warn({ err: parseError, topic }, 'live message is not JSON');
          return;
        }
        listeners.dispatch(data);
      },
    });
    const entry = { listeners, subscription };
    this.topics.set(topic, entry);
    return entry;
  }

  private unsubscribe(entry: TopicSubscription): void {
    if (!entry.subscription.isClosed() && !this.nc.isClosed()) entry.subscription.unsubscribe();
  }

  private subjectOf(topic: string): string {
    return `${this.namespace}.live.${topic}`;
  }
}
