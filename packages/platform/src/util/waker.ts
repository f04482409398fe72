/**
 * A sleep that another task can cut short. A wake-up that arrives while nobody sleeps is remembered, so the
 * next sleep returns at once: a loop never misses work signalled while it was busy.
 */
export class Waker {
  private wakeUp: (() => void) | undefined;
  private woken = false;

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
