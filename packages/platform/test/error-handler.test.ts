import { freePort } from '../../../test/support/own-servers.js';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { installErrorHandling } from '../src/http/error-handler.js';
import type { ProblemBody } from '../src/http/problem.js';

/**
 * The error handler tells a backing service that cannot be reached (the database restarting, failing over,
 * out of connections) from a bug: the first is 503 with Retry-After, which clients retry; the second stays 500.
 */

function databaseError(code: string, message: string): Error {
  return Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

const unreachable: Array<[string, () => Error]> = [
  ['a server shutting down (57P01)', () => databaseError('57P01', 'terminating connection due to administrator command')],
  ['a server starting up (57P03)', () => databaseError('57P03', 'the database system is starting up')],
  ['a server out of connections (53300)', () => databaseError('53300', 'sorry, too many clients already')],
  ['a lost connection (08006)', () => databaseError('08006', 'connection failure')],
  ['a connection node-postgres lost', () => new Error('Connection terminated unexpectedly')],
  ['a client whose connection broke inside a transaction', () => new Error('Client has encountered a connection error and is not queryable')],
  ['a pool that hands out no connection in time', () => new Error('timeout exceeded when trying to connect')],
  ['a reset connection', () => socketError('ECONNRESET')],
  ['a refusal wrapped as the cause of another error', () => new Error('query failed', { cause: socketError('ECONNREFUSED') })],
  ['refusals on every address of a host', () => Object.assign(new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], ''), { code: 'ECONNREFUSED' })],
];

const bugs: Array<[string, () => Error]> = [
  ['a unique violation (23505)', () => databaseError('23505', 'duplicate key value violates unique constraint "x_pkey"')],
  ['an undefined table (42P01)', () => databaseError('42P01', 'relation "nope" does not exist')],
  ['a protocol violation (08P01)', () => databaseError('08P01', 'invalid message format')],
  ['a plain error that talks about connections', () => new Error('the connection list is empty')],
];

let app: FastifyInstance;
let closedPort: number;
const failures = new Map<string, () => Error>([...unreachable, ...bugs]);

beforeAll(async () => {
  closedPort = await freePort();
  app = Fastify();
  installErrorHandling(app);
  app.get('/database-down', async () => {
    // A real refused connection, as the kernel's database reports it when PostgreSQL is not listening.
    const db = await Database.open({ url: `postgres://postgres@127.0.0.1:${closedPort}/nothing`, poolSize: 1 });
    await db.close();
    return { unexpected: true };
  });
  app.get<{ Params: { name: string } }>('/fail/:name', async (request) => {
    throw failures.get(decodeURIComponent(request.params.name))!();
  });
  await app.ready();
});

afterAll(async () => app?.close());

async function problemAt(url: string) {
  const response = await app.inject({ method: 'GET', url });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return { response, body: response.json<ProblemBody>() };
}

describe('mapping unreachable backing services', () => {
  it('answers 503 with Retry-After when the database refuses connections, without leaking where it is', async () => {
    const { response, body } = await problemAt('/database-down');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    expect(body).toMatchObject({ type: '/problems/unavailable', status: 503, code: 'PLATFORM.DEPENDENCY_UNAVAILABLE', retryAfter: 2 });
    expect(response.body).not.toContain(String(closedPort));
    expect(response.body).not.toContain('ECONNREFUSED');
  });

  it.each(unreachable)('answers 503 with Retry-After to %s', async (name) => {
    const { response, body } = await problemAt(`/fail/${encodeURIComponent(name)}`);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    expect(body.code).toBe('PLATFORM.DEPENDENCY_UNAVAILABLE');
  });

  it.each(bugs)('still answers 500, without Retry-After, to %s', async (name) => {
    const { response, body } = await problemAt(`/fail/${encodeURIComponent(name)}`);
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(body.type).toBe('/problems/internal-error');
  });
});
