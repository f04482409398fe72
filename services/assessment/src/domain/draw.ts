import type { ExamVersion, FrozenItem } from '../contract/exams.js';

/** A position of an attempt with the item version drawn for it. */
export interface DrawnSlot {
  slot: string;
  itemId: string;
  version: number;
  type: string;
  points: number;
  /** The order its options (or choices, sources) are shown in, when shuffled; null keeps the authored order. */
  optionOrder: number[] | null;
}

/**
 * mulberry32: a small, fast, well-distributed 32-bit generator. The draw must be reproducible from the seed
 * stored with the attempt (any process rebuilds the same attempt), which Math.random cannot give.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A Fisher–Yates shuffle of a copy, driven by `random`. */
export function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * The slots of one attempt: fixed items as they are, `count` distinct candidates per draw section, the slots
 * in a shuffled order and options in a shuffled order when the exam says so. A pure function of the version
 * and the seed; `optionCounts` tells how many options each item version has (0: nothing to shuffle).
 */
export function drawSlots(exam: ExamVersion, seed: number, optionCounts: (item: FrozenItem) => number): DrawnSlot[] {
  const random = seededRandom(seed);
  const slots: DrawnSlot[] = exam.sections.flatMap((section, s) => {
    if (section.kind === 'fixed') return [slotOf(`f${s}`, section.item, section.points)];
    return shuffled(section.candidates, random).slice(0, section.count).map((item, k) => slotOf(`d${s}.${k}`, item, section.points));
  });
  const ordered = exam.settings.shuffleItems ? shuffled(slots, random) : slots;
  if (!exam.settings.shuffleOptions) return ordered;
  return ordered.map((slot) => {
    const count = optionCounts(slot);
    return count > 1 ? { ...slot, optionOrder: shuffled([...Array(count).keys()], random) } : slot;
  });
}

function slotOf(slot: string, item: FrozenItem, points: number): DrawnSlot {
  return { slot, itemId: item.itemId, version: item.version, type: item.type, points, optionOrder: null };
}
