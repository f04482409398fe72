import { act, cleanup } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import Attempt from '../../src/areas/student/Attempt';
import type { FakeApi } from './fake-api';
import { renderScreen } from './render';

// Import this after installing the fake API (see fake-api.ts): it loads the exam screen and with it the API client.

/** Each test of the exam screen starts on fake timers with no calls recorded and nothing stored, and ends unmounted. */
export function freshExamEachTest(api: FakeApi): void {
  beforeEach(() => {
    vi.useFakeTimers();
    api.calls.length = 0;
    localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}

/** Opens the exam screen of attempt `a1` and lets its first load finish. */
export async function openAttempt(): Promise<void> {
  renderScreen(<Routes><Route path="/learn/attempts/:attemptId" element={<Attempt />} /></Routes>, '/learn/attempts/a1');
  await act(() => vi.advanceTimersByTimeAsync(0));
}
