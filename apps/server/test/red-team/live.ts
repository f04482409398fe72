import type { HttpApp } from '@tessera/platform';

/** A Server-Sent Events stream held open, read as text. */
export interface Listener {
  status: number;
  /** Reads until `predicate` holds for everything received so far, and returns it. */
  readUntil(predicate: (text: string) => boolean): Promise<string>;
  /** Hangs up, as a browser leaving would. */
  close(): void;
}

/** Opens `url` as an event stream over `inject` and keeps it open until `close()`. */
export async function listen(app: HttpApp, url: string, headers: Record<string, string>): Promise<Listener> {
  const hangUp = new AbortController();
  const response = await app.inject({ method: 'GET', url, headers: { ...headers, accept: 'text/event-stream' }, payloadAsStream: true, signal: hangUp.signal });
  const chunks = response.stream()[Symbol.asyncIterator]();
  let text = '';
  return {
    status: response.statusCode,
    async readUntil(predicate) {
      while (!predicate(text)) {
        const next = await chunks.next();
        if (next.done === true) throw new Error(`The stream ${url} ended before the expected text; got: ${JSON.stringify(text)}`);
        text += Buffer.from(next.value as Buffer).toString('utf8');
      }
      return text;
    },
    close: () => hangUp.abort(),
  };
}
