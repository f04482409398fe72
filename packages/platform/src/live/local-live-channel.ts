import type { Logger } from '../observability/logger.js';
import { assertLiveTopic, encodeLiveData, TopicListeners, type LiveChannel, type LiveListener } from './live-channel.js';

/** The live channel of an embedded (single-process) deployment: listeners in this process are all there is. */
export class LocalLiveChannel implements LiveChannel {
  readonly kind = 'local';
  private readonly topics = new Map<string, TopicListeners>();
  private closed = false;

  constructor(private readonly logger?: Logger) {}

  publish(topic: string, data: unknown): Promise<void> {
    assertLiveTopic(topic);
    if (this.closed) return Promise.reject(new Error('The live channel is closed'));
    // A JSON round trip, as over NATS: listeners get the same plain data on both adapters, never the
    // publisher's own objects.
    const copy: unknown = JSON.parse(encodeLiveData(data));
    const listeners = this.topics.get(topic);
    // Delivered after the publisher's turn, as over NATS, so listeners never run inside its stack.
    if (listeners) queueMicrotask(() => listeners.dispatch(copy));
    return Promise.resolve();
  }

  subscribe(topic: string, listener: LiveListener): () => void {
    assertLiveTopic(topic);
    if (this.closed) throw new Error('The live channel is closed');
    let listeners = this.topics.get(topic);
    if (!listeners) {
      listeners = new TopicListeners(topic, this.logger);
      this.topics.set(topic, listeners);
    }
    const remove = listeners.add(listener);
    const topicListeners = listeners;
    return () => {
      if (remove() && topicListeners.size === 0 && this.topics.get(topic) === topicListeners) this.topics.delete(topic);
    };
  }

  close(): Promise<void> {
    this.closed = true;
    this.topics.clear();
    return Promise.resolve();
  }
}
