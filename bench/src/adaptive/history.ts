/**
 * The practice history of the adaptive bench's students, simulated: each student works through the course's
 * skills in order (the next one once its tracked mastery reaches the threshold), answering items of the skill
 * they are on. Answers come from a hidden knowledge state (a student who knows a skill mostly answers right,
 * one who does not mostly guesses, abler students guess better and learn faster), and the rows hold what the
 * adaptive service would have recorded: the responses, BKT mastery per skill, the IRT ability, and each item's
 * uses and learning gain.
 */
import { clamp, estimateAbility, logit, sigmoid, updateMastery, type BktParams } from '@tessera/learner-models';
import type { Row } from '../catalog/corpus.js';
import { Random } from '../catalog/random.js';

/**
 * The adaptive service's BKT parameters before its first refit and its default mastery threshold: the history
 * is tracked as the service would have tracked it (the refit after seeding then fits its own).
 */
export const TRACKING_BKT: BktParams = { prior: 0.35, learn: 0.12, guess: 0.2, slip: 0.1, forget: 0 };
export const MASTERY_THRESHOLD = 0.95;

export interface HistoryItem {
  itemId: string;
  /** The author's share expected to fail, as the service reads it: b = logit(difficulty). */
  difficulty: number;
}

export interface HistorySpec {
  tenantId: string;
  courseId: string;
  /** The course's skills in learning order (every skill after its prerequisites). */
  skillOrder: readonly string[];
  itemsBySkill: ReadonlyMap<string, readonly HistoryItem[]>;
  responsesPerStudent: number;
  seed: number;
  /** Every answer lies in the 30 days before this. */
  now: Date;
}

/** One student's rows, named as in the adaptive schema. */
export interface StudentRows {
  responses: Row[];
  mastery: Row[];
  ability: Row;
}

const DAY_MS = 86_400_000;
const KNOWN_AT_START = 0.2;

/** Simulates students one after another; `itemUse` adds up every item's uses and learning gain over all of them. */
export class HistoryGenerator {
  readonly itemUse = new Map<string, { uses: number; gainSum: number }>();
  private readonly random: Random;

  constructor(private readonly spec: HistorySpec) {
    this.random = new Random(spec.seed);
    for (const skill of spec.skillOrder) {
      if ((spec.itemsBySkill.get(skill) ?? []).length === 0) throw new Error(`skill ${skill} has no items to practise`);
    }
  }

  student(userId: string): StudentRows {
    const { spec, random } = this;
    const theta = gaussian(random);
    const mastery = new Map<string, { pKnown: number; attempts: number; successes: number; last: Date }>();
    const knows = new Set<string>();
    const answered: Array<{ a: number; b: number }> = [];
    const corrects: boolean[] = [];
    const responses: Row[] = [];
    let at = spec.now.getTime() - (1 + random.next() * 29) * DAY_MS;
    let position = 0;
    for (let n = 0; n < spec.responsesPerStudent; n++) {
      const skill = spec.skillOrder[Math.min(position, spec.skillOrder.length - 1)] as string;
      if (!mastery.has(skill) && random.next() < KNOWN_AT_START) knows.add(skill);
      const item = random.pick(spec.itemsBySkill.get(skill) ?? []);
      const b = clamp(logit(item.difficulty), -4, 4);
      const correct = random.next() < (knows.has(skill) ? 0.9 : 0.1 + 0.3 * sigmoid(theta - b));
      if (!knows.has(skill) && random.next() < clamp(0.15 + 0.05 * theta, 0.02, 0.4)) knows.add(skill);
      const state = mastery.get(skill) ?? { pKnown: TRACKING_BKT.prior, attempts: 0, successes: 0, last: new Date(at) };
      const before = state.pKnown;
      state.pKnown = clamp(updateMastery(TRACKING_BKT, before, correct), 1e-4, 1 - 1e-4);
      state.attempts += 1;
      state.successes += correct ? 1 : 0;
      state.last = new Date(at);
      mastery.set(skill, state);
      this.recordUse(item.itemId, state.pKnown - before);
      answered.push({ a: 1, b });
      corrects.push(correct);
      responses.push({
        tenant_id: spec.tenantId, id: random.uuid(), user_id: userId, item_id: item.itemId, course_id: spec.courseId, skills: [skill], correct,
        source: 'practice', source_ref: `bench-history:${userId}:${n}`, was_review: false, answered_at: new Date(at),
      });
      if (state.pKnown >= MASTERY_THRESHOLD) position += 1;
      at += (30 + random.next() * 270) * 1_000;
    }
    const estimate = estimateAbility(answered, corrects);
    return {
      responses,
      mastery: [...mastery].map(([skillId, state]) => ({
        tenant_id: spec.tenantId, user_id: userId, skill_id: skillId, p_known: state.pKnown, attempts: state.attempts, successes: state.successes,
        last_answered_at: state.last, updated_at: state.last,
      })),
      ability: { tenant_id: spec.tenantId, user_id: userId, theta: clamp(estimate.theta, -6, 6), se: estimate.se, responses: responses.length, updated_at: new Date(at) },
    };
  }

  private recordUse(itemId: string, gain: number): void {
    const use = this.itemUse.get(itemId) ?? { uses: 0, gainSum: 0 };
    use.uses += 1;
    use.gainSum += gain;
    this.itemUse.set(itemId, use);
  }
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
