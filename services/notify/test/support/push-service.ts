import { createECDH, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { importJWK, jwtVerify } from 'jose';

/** A push the service accepted, decrypted, with the headers that steer it. */
export interface ReceivedPush {
  endpoint: string;
  payload: Record<string, unknown>;
  ttl: number;
  topic: string | undefined;
  urgency: string | undefined;
  /** The `k` of the VAPID header: the server's public key. */
  vapidKey: string;
  subject: string;
}

/** What a browser's `PushSubscription.toJSON()` gives. */
export interface BrowserSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

interface Browser {
  ecdh: ECDH;
  auth: Buffer;
  /** What the service answers for this endpoint: 201 (accepted), 410 (expired), 500… */
  status: number;
  posts: number;
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * A push service on 127.0.0.1 that checks each push as a real one would: the VAPID JWT (ES256, signed by the key
 * in `k`, for this origin, expiring within 24 hours, with a contact), aes128gcm encryption for the browser's keys,
 * TTL and Topic. Accepted pushes are decrypted and kept; anything malformed is kept in `problems` and refused.
 */
export class LocalPushService {
  readonly received: ReceivedPush[] = [];
  readonly problems: string[] = [];
  private readonly browsers = new Map<string, Browser>();

  private constructor(private readonly server: Server, readonly origin: string) {}

  static async start(): Promise<LocalPushService> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const service = new LocalPushService(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request: IncomingMessage, response) => {
      void service.handle(request).then((status) => response.writeHead(status).end(), (error: unknown) => {
        service.problems.push(String(error));
        response.writeHead(400).end();
      });
    });
    return service;
  }

  /** A new browser: a P-256 key pair and a 16-byte auth secret, made as `pushManager.subscribe` makes them. */
  subscribe(): BrowserSubscription {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    const endpoint = `${this.origin}/push/${randomUUID()}`;
    this.browsers.set(endpoint, { ecdh, auth, status: 201, posts: 0 });
    return { endpoint, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
  }

  answer(endpoint: string, status: number): void {
    this.browsers.get(endpoint)!.status = status;
  }

  postsTo(endpoint: string): number {
    return this.browsers.get(endpoint)?.posts ?? 0;
  }

  pushesTo(endpoint: string): ReceivedPush[] {
    return this.received.filter((push) => push.endpoint === endpoint);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const endpoint = `${this.origin}${request.url ?? ''}`;
    const browser = this.browsers.get(endpoint);
    if (request.method !== 'POST' || !browser) return 404;
    browser.posts += 1;
    const { key, subject } = await this.checkedVapid(request.headers.authorization);
    if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error(`Content-Encoding ${request.headers['content-encoding']}`);
    const ttl = Number(request.headers.ttl);
    if (!Number.isInteger(ttl) || ttl < 0) throw new Error(`TTL ${request.headers.ttl}`);
    const topic = header(request, 'topic');
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) throw new Error(`Topic ${topic}`);
    const plaintext = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth });
    if (browser.status < 200 || browser.status > 299) return browser.status;
    const payload = JSON.parse(plaintext.toString('utf8')) as Record<string, unknown>;
    this.received.push({ endpoint, payload, ttl, topic, urgency: header(request, 'urgency'), vapidKey: key, subject });
    return browser.status;
  }

  /** RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT signed with that key, for this push service's origin. */
  private async checkedVapid(authorization: string | undefined): Promise<{ key: string; subject: string }> {
    const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), ?k=([\w-]+)$/.exec(authorization ?? '');
    if (!match) throw new Error(`Authorization ${authorization}`);
    const [, token, key] = match as unknown as [string, string, string];
    const point = Buffer.from(key, 'base64url');
    if (point.length !== 65 || point[0] !== 0x04) throw new Error('k is not an uncompressed P-256 key');
    const jwk = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') };
    const { payload } = await jwtVerify(token, await importJWK(jwk, 'ES256'), { audience: this.origin, algorithms: ['ES256'] });
    const now = Math.floor(Date.now() / 1000);
    if (payload.exp === undefined || payload.exp <= now || payload.exp > now + DAY_SECONDS + 60) throw new Error(`exp ${payload.exp}`);
    if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) throw new Error(`sub ${payload.sub}`);
    return { key, subject: payload.sub };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
