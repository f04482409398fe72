import { afterEach, describe, expect, it } from 'vitest';
import { cleanupOwnServers, ownServersAvailable, startOwnNats, startOwnPostgres, type OwnServer } from '../../../../test/support/own-servers.js';
import { submitAttempt } from '../../src/app/answer-intake.js';
import { forgetGate } from '../../src/app/attempt-gate.js';
import {
  allGradedOnce, bounded, deadLetters, eventually, expectUnavailable, fullyDistributed, platformOn, startExamRun, startFaultKit, submit,
  submitUntilAccepted, type FaultKit,
} from './support/fault-kit.js';

/**
 * The NATS server, and separately PostgreSQL, restarted in the middle of a run. Each runs as a server this test
 * starts itself on a free loopback port (the shared servers are never touched); the other backends are the
 * shared ones, under a namespace and prefix of this test. The API and a grading worker run in this process.
 *
 * What must hold: a submit during the outage is either accepted (202) because it reached the durable queue,
 * or refused with 503 problem+json and Retry-After — never a 202 for something not stored, never a 500; and
 * after recovery every accepted submission (and every refused one, retried) is graded exactly once.
 */

let kit: FaultKit | undefined;
let server: OwnServer | undefined;

afterEach(async () => {
  // Closing the platform needs its servers up (a failed test may have left one stopped).
  if (server && !server.running) await bounded(server.start(), 60_000);
  if (kit) await bounded(kit.close(), 30_000);
  kit = undefined;
  server = undefined;
  await cleanupOwnServers();
});

describe.skipIf(!fullyDistributed || !ownServersAvailable.nats)('the NATS server restarted mid-run', () => {
  it('refuses submits with 503 and Retry-After while it is down, and grades everything accepted once it is back', async () => {
    const nats = (server = await startOwnNats());
    kit = await startFaultKit(await platformOn({ NATS_URL: nats.url }));
    await kit.gradeHere();
    const { takers } = await startExamRun(kit, 30);
    const [before, during, after] = [takers.slice(0, 10), takers.slice(10, 20), takers.slice(20)];

    // Submits are under way (and being graded) when the server goes.
    const accepted = new Set<string>();
    for (const response of await Promise.all(before.map((taker) => submit(kit!, taker)))) {
      expect(response.statusCode, response.body).toBe(202);
      accepted.add(response.json<{ submissionId: string }>().submissionId);
    }
    await nats.stop();

    // The queue cannot store them: 503 problem+json with Retry-After, for submits and autosaves alike.
    const refused = await Promise.all(during.map((taker) => submit(kit!, taker)));
    for (const response of refused) {
      expectUnavailable(response);
      expect(response.json()).toMatchObject({ status: 503, code: 'ASSESSMENT.QUEUE_UNAVAILABLE' });
    }
    const autosave = await kit.request(after[0]!.student, 'POST', `/api/v1/attempts/${after[0]!.attemptId}/answers`, { answers: after[0]!.right });
    expectUnavailable(autosave);

    await nats.start();
    await eventually(async () => kit!.platform.bus.ping().then(() => true), { timeoutMs: 60_000, describe: () => `the bus did not reconnect\n${nats.log()}` });

    // Clients retry what was refused (after Retry-After) and go on submitting; all of it is graded once.
    for (const taker of [...during, ...after]) accepted.add(await submitUntilAccepted(kit, taker));
    expect(accepted.size).toBe(takers.length);
    const ledger = await allGradedOnce(kit, accepted);
    expect([...ledger.scores.values()].every((score) => score === 2)).toBe(true);
    expect(await deadLetters(kit)).toBe(0);
  }, 120_000);
});

describe.skipIf(!fullyDistributed || !ownServersAvailable.postgres)('PostgreSQL restarted mid-run', () => {
  it('keeps accepting submits whose attempt is cached, answers 503 with Retry-After (never 500) when it needs the database, and grades everything accepted after recovery', async () => {
    const postgres = (server = await startOwnPostgres());
    kit = await startFaultKit(await platformOn({ DATABASE_URL: postgres.url }));
    await kit.gradeHere();
    const { takers } = await startExamRun(kit, 30);
    const [before, direct, overHttp, uncached, after] = [takers.slice(0, 10), takers.slice(10, 15), takers.slice(15, 23), takers[23]!, takers.slice(24)];

    const accepted = new Set<string>();
    for (const response of await Promise.all(before.map((taker) => submit(kit!, taker)))) {
      expect(response.statusCode, response.body).toBe(202);
      accepted.add(response.json<{ submissionId: string }>().submissionId);
    }
    // Graded before the stop, so the outage's submits are the only ones in flight.
    await allGradedOnce(kit, accepted);
    await postgres.stop();

    // The submit path itself needs no database once the attempt's gate is cached: it reads the gate from the
    // cache and appends to the queue (NATS is up), so these are accepted, and stored.
    for (const taker of direct) {
      const acceptance = await submitAttempt(kit.platform, { tenantId: kit.staff.tenantId, userId: taker.student.subject }, taker.attemptId, { answers: taker.right });
      accepted.add(acceptance.submissionId!);
    }
    // Past the tenant registry's 5-second cache, so authentication must do without the database.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // Over HTTP too: authentication's reads of the database (the tenant registry, the signing keys) fall back
    // on what they last read while it cannot be reached, so an exam keeps taking submits through the outage.
    const outcomes = await Promise.all(overHttp.map((taker) => submit(kit!, taker)));
    for (const response of outcomes) {
      expect(response.statusCode, response.body).toBe(202);
      accepted.add(response.json<{ submissionId: string }>().submissionId);
    }
    // An attempt whose gate is not cached needs the database: 503 with Retry-After, not 500.
    await forgetGate(kit.platform, kit.staff.tenantId, uncached.attemptId);
    const missed = await submit(kit, uncached);
    expectUnavailable(missed);

    await postgres.start();
    await eventually(async () => kit!.platform.db.ping().then(() => true), { timeoutMs: 60_000, describe: () => `the database did not come back\n${postgres.log()}` });

    for (const taker of [uncached, ...after]) accepted.add(await submitUntilAccepted(kit, taker));
    expect(accepted.size).toBe(takers.length);
    const ledger = await allGradedOnce(kit, accepted);
    expect([...ledger.scores.values()].every((score) => score === 2)).toBe(true);
    expect(await deadLetters(kit)).toBe(0);
  }, 120_000);
});
