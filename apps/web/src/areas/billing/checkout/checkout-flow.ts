import { api, unwrap } from '../../../api/client';
import { ApiError, asApiError } from '../../../api/problem';
import { fetchOrderOfEnrollment, newIdempotencyKey, type Order } from '../billing-api';
import { pause, pollUntil } from '../poll';

/** How long the checkout waits for billing to open the order of a fresh enrollment before saying so. */
export const ORDER_WAIT_MS = 20_000;
const POLL_MS = 500;
/** Sends of one click lost on the way (no answer at all) are retried this often, with the click's key. */
const NETWORK_RETRIES = 2;

/** The order of `enrollmentId`, polled while billing has not opened it yet (404); a 404 past the wait stands. */
export async function waitForOrder(enrollmentId: string, live: () => boolean, timeoutMs = ORDER_WAIT_MS): Promise<Order> {
  let last: unknown = null;
  const order = await pollUntil(async () => {
    try {
      return await fetchOrderOfEnrollment(enrollmentId);
    } catch (error) {
      if (asApiError(error).status !== 404) throw error;
      last = error;
      return undefined;
    }
  }, { timeoutMs, intervalMs: POLL_MS, live });
  if (order) return order;
  throw last ?? new ApiError({ title: 'Not Found', status: 404 });
}

/**
 * One click on a money-moving button: a fresh Idempotency-Key, reused when the request is lost on the way
 * and sent again, so the payment happens once however many times it travels.
 */
export async function sendOnce<T>(send: (key: string) => Promise<T>): Promise<T> {
  const key = newIdempotencyKey();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send(key);
    } catch (error) {
      if (asApiError(error).status !== 0 || attempt >= NETWORK_RETRIES) throw error;
      await pause(POLL_MS * (attempt + 1));
    }
  }
}

/** Statuses in which the order is still on its way through the provider: the checkout watches it settle. */
export const IN_FLIGHT: readonly Order['status'][] = ['authorizing', 'capturing'];

/** Whether the enrollment an order paid for is open for learning yet (enrollment hears of the payment from an event). */
export async function waitUntilLearning(enrollmentId: string, live: () => boolean, timeoutMs = ORDER_WAIT_MS): Promise<boolean> {
  const active = await pollUntil(async () => {
    const enrollment = await unwrap(api.GET('/api/v1/enrollments/{enrollmentId}', { params: { path: { enrollmentId } } }));
    return enrollment.status === 'active' || enrollment.status === 'completed' ? true : undefined;
  }, { timeoutMs, intervalMs: POLL_MS, live });
  return active ?? false;
}

/** What enrolling answered: where to go next. */
export interface Enrolled {
  enrollmentId: string;
  /** Paid course: the checkout comes next; anything else (free, waitlisted): the course page. */
  toPay: boolean;
}

interface AlreadyEnrolled {
  enrollmentId?: string;
  currentStatus?: string;
}

/**
 * Enrolls in `courseId` to buy it. An enrollment already waiting for payment is taken up where it stands;
 * `releasing` names one whose card was refused: the server releases it a moment after the refusal, and until
 * then answers "already enrolled", so this asks again for a little while.
 */
export async function enrollToBuy(courseId: string, releasing: string | null = null, timeoutMs = ORDER_WAIT_MS): Promise<Enrolled> {
  let refusal: unknown = null;
  const enrolled = await pollUntil<Enrolled>(async () => {
    try {
      const created = await unwrap(api.POST('/api/v1/courses/{courseId}/enroll', { params: { path: { courseId } }, body: {} }));
      return { enrollmentId: created.id, toPay: created.status === 'pending_payment' };
    } catch (error) {
      const problem = asApiError(error);
      if (problem.code !== 'ENROLLMENT.ALREADY_ENROLLED') throw error;
      const existing = problem.problem as AlreadyEnrolled;
      if (existing.enrollmentId && existing.enrollmentId !== releasing) {
        return { enrollmentId: existing.enrollmentId, toPay: existing.currentStatus === 'pending_payment' };
      }
      refusal = error;
      return undefined;
    }
  }, { timeoutMs, intervalMs: POLL_MS });
  if (!enrolled) throw refusal ?? new ApiError({ title: 'Conflict', status: 409 });
  return enrolled;
}
