/**
 * Seconds a student spends on a lesson: counted only while the page is visible (a lesson left open in a
 * background tab overnight is not study time), handed out in parts as they are reported.
 */
export class StudyClock {
  private counted = 0;
  private since: number | null = null;

  constructor(private readonly now: () => number = () => Date.now(), private readonly visible: () => boolean = () => globalThis.document?.visibilityState !== 'hidden') {
    if (this.visible()) this.since = this.now();
  }

  /** The page was shown or hidden. */
  visibilityChanged(): void {
    if (this.visible()) {
      this.since ??= this.now();
    } else if (this.since !== null) {
      this.counted += this.now() - this.since;
      this.since = null;
    }
  }

  /** Whole seconds counted since the last call (the rest carries over). */
  take(): number {
    const now = this.now();
    if (this.since !== null) {
      this.counted += now - this.since;
      this.since = now;
    }
    const seconds = Math.floor(this.counted / 1000);
    this.counted -= seconds * 1000;
    return seconds;
  }
}
