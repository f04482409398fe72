import type { AttemptSlot, ItemResponse } from '../api-types';
import type { AnswerInput } from './autosave';

/**
 * This browser's copy of an attempt's answers with their seq. The server applies autosaves from a queue,
 * so right after a reload it may not show the newest ones yet; the copy fills that gap (the higher seq
 * wins, as on the server) and keeps the seq counter rising across reloads. Removed once submitted.
 */
interface Journal {
  lastSeq: number;
  answers: Record<string, { seq: number; response: ItemResponse | null }>;
}

const keyOf = (attemptId: string) => `tessera.attempt.${attemptId}`;

export function readJournal(attemptId: string): Journal {
  try {
    const raw = globalThis.localStorage?.getItem(keyOf(attemptId));
    const parsed = raw ? (JSON.parse(raw) as Partial<Journal>) : {};
    return { lastSeq: Number(parsed.lastSeq) || 0, answers: parsed.answers ?? {} };
  } catch {
    return { lastSeq: 0, answers: {} };
  }
}

export function recordAnswer(attemptId: string, answer: AnswerInput): void {
  const journal = readJournal(attemptId);
  journal.lastSeq = Math.max(journal.lastSeq, answer.seq);
  journal.answers[answer.slot] = { seq: answer.seq, response: answer.response };
  write(attemptId, journal);
}

export function forgetJournal(attemptId: string): void {
  globalThis.localStorage?.removeItem(keyOf(attemptId));
}

function write(attemptId: string, journal: Journal): void {
  try {
    globalThis.localStorage?.setItem(keyOf(attemptId), JSON.stringify(journal));
  } catch {
    // A full or disabled storage only loses the reload safety net; autosave still reaches the server.
  }
}

export interface Restored {
  /** Each slot's newest answer, from the server or this browser. */
  responses: Record<string, ItemResponse | null>;
  /** Answers this browser holds that the server does not show yet: sent again (the server keeps the highest seq). */
  unconfirmed: AnswerInput[];
  /** The first seq to hand out next. */
  nextSeq: number;
}

/** Merges the server's saved answers with this browser's journal. */
export function restoreAnswers(attemptId: string, slots: readonly AttemptSlot[]): Restored {
  const journal = readJournal(attemptId);
  const responses: Record<string, ItemResponse | null> = {};
  const unconfirmed: AnswerInput[] = [];
  let highest = journal.lastSeq;
  for (const { slot, answer } of slots) {
    const local = journal.answers[slot];
    const serverSeq = answer?.seq ?? 0;
    highest = Math.max(highest, serverSeq);
    if (local && local.seq > serverSeq) {
      responses[slot] = local.response;
      unconfirmed.push({ slot, seq: local.seq, response: local.response });
    } else {
      responses[slot] = answer?.response ?? null;
    }
  }
  return { responses, unconfirmed, nextSeq: highest + 1 };
}
