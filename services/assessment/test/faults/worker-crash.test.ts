import { createTestPlatform, testEnv } from '@tessera/platform/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { assessmentService } from '../../src/index.js';
import {
  allGradedOnce, bounded, deadLetters, eventually, fullyDistributed, inBatches, startExamRun, startFaultKit, submit, type FaultKit,
} from './support/fault-kit.js';
import { startGradingWorker, stopWorkers } from './support/worker-process.js';

/**
 * A grading worker killed with SIGKILL in the middle of a run: every accepted submission is still graded, and
 * exactly once. Two worker processes share the exam queue; the API runs in this process. The worker that is
 * killed grades and commits what it takes but never acknowledges it (the worst moment to die), so JetStream
 * must hand all of it — graded, and taken but not yet graded — to the survivor after ack_wait, which grades
 * what was left and changes nothing for what was already graded.
 */

const STUDENTS = 150;

let kit: FaultKit | undefined;

afterAll(async () => {
  await stopWorkers();
  if (kit) await bounded(kit.close(), 30_000);
});

describe.skipIf(!fullyDistributed)('a grading worker killed mid-run (PostgreSQL, NATS, Redis)', () => {
  it('grades every accepted submission exactly once', async () => {
    const platform = await createTestPlatform([assessmentService]);
    kit = await startFaultKit(platform);
    const env = testEnv(platform.config);
    // Started first: their start-up (tsx, the platform) overlaps the setup below.
    const victim = startGradingWorker('worker A (killed)', env, { holdAcks: true });
    const survivor = startGradingWorker('worker B', env);
    const { takers } = await startExamRun(kit, STUDENTS);
    await Promise.all([victim.ready(90_000), survivor.ready(90_000)]);
    const logs = () => `${victim.output()}\n${survivor.output()}`;

    // Submits, 10 at a time; half the students answer right. The victim dies once it has graded a few.
    const accepted = new Set<string>();
    const expectedScore = new Map<string, number>();
    let killed: Promise<void> | undefined;
    await inBatches(takers, 10, async (taker, i) => {
      const response = await submit(kit!, taker, i % 2 === 0 ? taker.right : taker.wrong);
      expect(response.statusCode, response.body).toBe(202);
      const { submissionId } = response.json<{ submissionId: string }>();
      accepted.add(submissionId);
      expectedScore.set(submissionId, i % 2 === 0 ? 2 : 0);
      if (!killed && victim.handled.length >= 5) killed = victim.kill();
    });
    if (!killed) {
      await eventually(async () => (victim.handled.length >= 5 ? true : undefined), { timeoutMs: 60_000, describe: () => `worker A graded ${victim.handled.length}\n${logs()}` });
      killed = victim.kill();
    }
    await killed;
    expect((await victim.exited).signal).toBe('SIGKILL');
    expect(accepted.size).toBe(STUDENTS);

    // Every accepted submission has one result and one graded event, with the score its answers deserve.
    const ledger = await allGradedOnce(kit, accepted);
    for (const [id, score] of expectedScore) expect(ledger.scores.get(id), id).toBe(score);

    // What the victim graded but never acknowledged came back to the survivor, which changed nothing.
    const heldByVictim = new Set(victim.handled.map((h) => h.submissionId));
    await eventually(async () => {
      const redelivered = new Set(survivor.handled.filter((h) => h.attempt > 1).map((h) => h.submissionId));
      return [...heldByVictim].every((id) => redelivered.has(id)) ? true : undefined;
    }, { timeoutMs: 60_000, describe: () => `worker B saw ${survivor.handled.filter((h) => h.attempt > 1).length} redeliveries of the ${heldByVictim.size} worker A held\n${logs()}` });
    await allGradedOnce(kit, accepted, 5_000);
    expect(await deadLetters(kit)).toBe(0);
    await survivor.stop();
  }, 180_000);
});
