import { useSyncExternalStore } from 'react';

interface Toast {
  id: number;
  tone: 'success' | 'error';
  text: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

const TOAST_MS = 5000;

/** Shows a short message in the corner (announced by screen readers) that goes away by itself. */
export function toast(text: string, tone: Toast['tone'] = 'success'): void {
  const id = nextId++;
  toasts = [...toasts, { id, tone, text }];
  listeners.forEach((listener) => listener());
  setTimeout(() => {
    toasts = toasts.filter((item) => item.id !== id);
    listeners.forEach((listener) => listener());
  }, TOAST_MS);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Toasts() {
  const items = useSyncExternalStore(subscribe, () => toasts, () => toasts);
  return (
    <div className="toasts" aria-live="polite">
      {items.map((item) => <div key={item.id} className={`alert ${item.tone}`}>{item.text}</div>)}
    </div>
  );
}
