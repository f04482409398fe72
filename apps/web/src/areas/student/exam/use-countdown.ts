import { useEffect, useRef, useState } from 'react';
import { startCountdown } from './countdown';

export interface CountdownView {
  /** Null for an attempt without a time limit. */
  remainingMs: number | null;
  /** The last "N minutes left" threshold passed, for a polite live region. */
  announcedMinutes: number | null;
}

/** The countdown of an attempt, on the server's clock (`offsetMs` = server − client). `onExpire` runs once. */
export function useCountdown(deadlineAt: string | null, offsetMs: number, onExpire: () => void): CountdownView {
  const [remaining, setRemaining] = useState<number | null>(null);
  const [announcedMinutes, setAnnounced] = useState<number | null>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (!deadlineAt) return;
    const countdown = startCountdown({
      deadlineAt,
      offsetMs,
      onTick: setRemaining,
      onAnnounce: setAnnounced,
      onExpire: () => expire.current(),
    });
    return () => countdown.stop();
  }, [deadlineAt, offsetMs]);

  return { remainingMs: deadlineAt ? remaining : null, announcedMinutes };
}
