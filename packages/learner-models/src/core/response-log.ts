/**
 * Graded answers in columns (typed arrays keep 10^5–10^6 rows small and fast).
 * Rows are grouped by user and chronological within a user: every model replays them in that order.
 * Items and skills are dense indices; an index at or above `numItems` / `numSkills` is one the
 * fitted models never saw.
 */
export interface ResponseLog {
  readonly length: number;
  readonly user: Int32Array;
  readonly item: Int32Array;
  readonly skill: Int32Array;
  readonly correct: Uint8Array;
  /** Seconds; null when the source has no clock (then time-based features stay off). */
  readonly time: Float64Array | null;
  readonly numUsers: number;
  readonly numItems: number;
  readonly numSkills: number;
}

/** Row offsets where each user's block starts, plus `length` at the end. */
export function userBlocks(log: ResponseLog): Int32Array {
  const starts: number[] = [];
  for (let row = 0; row < log.length; row++) {
    if (row === 0 || log.user[row] !== log.user[row - 1]) starts.push(row);
  }
  starts.push(log.length);
  return Int32Array.from(starts);
}

/** Appends rows into growable columns; `build` freezes them into a ResponseLog. */
export class ResponseLogBuilder {
  private size = 0;
  private user = new Int32Array(1024);
  private item = new Int32Array(1024);
  private skill = new Int32Array(1024);
  private correct = new Uint8Array(1024);
  private time = new Float64Array(1024);
  private hasTime = false;

  /** Appends one answer; a time of 0 means "unknown" (a log whose times are all 0 gets no clock). */
  push(user: number, item: number, skill: number, correct: boolean, time = 0): void {
    if (this.size === this.user.length) this.grow();
    const row = this.size++;
    this.user[row] = user;
    this.item[row] = item;
    this.skill[row] = skill;
    this.correct[row] = correct ? 1 : 0;
    this.time[row] = time;
    if (time !== 0) this.hasTime = true;
  }

  get length(): number {
    return this.size;
  }

  build(counts: { numItems: number; numSkills: number }): ResponseLog {
    const n = this.size;
    let numUsers = 0;
    for (let row = 0; row < n; row++) numUsers = Math.max(numUsers, this.user[row]! + 1);
    return {
      length: n,
      user: this.user.slice(0, n),
      item: this.item.slice(0, n),
      skill: this.skill.slice(0, n),
      correct: this.correct.slice(0, n),
      time: this.hasTime ? this.time.slice(0, n) : null,
      numUsers,
      numItems: counts.numItems,
      numSkills: counts.numSkills,
    };
  }

  private grow(): void {
    const size = this.user.length * 2;
    this.user = copyInto(new Int32Array(size), this.user);
    this.item = copyInto(new Int32Array(size), this.item);
    this.skill = copyInto(new Int32Array(size), this.skill);
    this.correct = copyInto(new Uint8Array(size), this.correct);
    this.time = copyInto(new Float64Array(size), this.time);
  }
}

function copyInto<T extends Int32Array | Uint8Array | Float64Array>(target: T, source: T): T {
  target.set(source);
  return target;
}

/** Maps outside identifiers (uuids, raw ids) to the dense indices the models use, in order of first sight. */
export class IdIndex {
  private readonly indices = new Map<string, number>();

  /** The index of `key`, assigning the next free one on first sight. */
  intern(key: string): number {
    let index = this.indices.get(key);
    if (index === undefined) {
      index = this.indices.size;
      this.indices.set(key, index);
    }
    return index;
  }

  /** The index of `key`, or -1 when it was never interned. */
  get(key: string): number {
    return this.indices.get(key) ?? -1;
  }

  get size(): number {
    return this.indices.size;
  }
}
