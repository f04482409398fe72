import websocketPlugin from '@fastify/websocket';
import { personOf, WEBSOCKET_BEARER_PROTOCOL, type HttpApp } from '@tessera/platform';
import type { WebSocket } from 'ws';
import type { NotifyDeps } from '../app/deps.js';
import { notificationsTopic } from '../app/live.js';
import { countUnread } from '../app/notifications.js';
import { NotifyPermissions } from '../contract/permissions.js';

/** The subprotocol the server speaks; a browser offers it beside `tessera.bearer.<token>`. */
export const NOTIFY_SOCKET_PROTOCOL = 'tessera.notify.v1';

const PING_EVERY_MS = 30_000;
/** A client that leaves this much unread is cut off rather than buffered for without bound (as the SSE stream). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const CLOSE_TOO_SLOW = 1013;

/** The same live notices as the SSE stream, over a WebSocket, for clients that prefer one (mobile apps, proxies that buffer SSE). */
export async function socketRoutes(app: HttpApp, deps: NotifyDeps): Promise<void> {
  await app.register(websocketPlugin, {
    options: {
      maxPayload: 1_024,
      // Answer with our protocol, never with the bearer one: that would echo the token in a response header.
      handleProtocols: (offered) => (offered.has(NOTIFY_SOCKET_PROTOCOL) ? NOTIFY_SOCKET_PROTOCOL : false),
    },
  });

  app.get('/notifications/socket', {
    websocket: true,
    config: { permission: NotifyPermissions.self },
    schema: {
      tags: ['notifications'],
      summary: 'WebSocket: the live notices of the SSE stream as JSON text messages (`ready`, `notification`, `unread`)',
      description: `Authenticate with "Authorization: Bearer <token>", or from a browser by offering the subprotocols `
        + `"${NOTIFY_SOCKET_PROTOCOL}" and "${WEBSOCKET_BEARER_PROTOCOL}<token>". Every open socket, tab and device of yours `
        + 'gets each notice; nothing is replayed: `ready` carries the unread count on (re)connecting. Messages from the client are ignored.',
    },
  }, async (socket, request) => {
    const person = personOf(request);
    const reader = { tenantId: person.tenantId, userId: person.subject };
    const send = (message: unknown) => sendOrCut(socket, message);
    const stop = deps.live.subscribe(notificationsTopic(reader.tenantId, reader.userId), send);
    const alive = keepAlive(socket);
    socket.on('close', () => {
      stop();
      clearInterval(alive);
    });
    send({ type: 'ready', unread: await countUnread(deps, reader) });
  });
}

function sendOrCut(socket: WebSocket, message: unknown): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(CLOSE_TOO_SLOW, 'too slow');
    return;
  }
  socket.send(JSON.stringify(message));
}

/** Pings on a schedule and drops a peer that did not answer the last one (a laptop closed, a network gone). */
function keepAlive(socket: WebSocket): NodeJS.Timeout {
  let answered = true;
  socket.on('pong', () => { answered = true; });
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, PING_EVERY_MS);
  timer.unref();
  return timer;
}
