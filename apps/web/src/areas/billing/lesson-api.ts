import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/openapi';
import { withEtag, type Versioned } from '../../api/versioned';
import type { Order, Price } from './billing-api';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type LessonOffer = Json<paths['/api/v1/billing/courses/{courseId}/lesson-offers']['get']['responses'][200]>['items'][number];

/** The course's lessons sold on their own, in course order, each with whether the caller bought it. */
export async function fetchLessonOffers(courseId: string): Promise<LessonOffer[]> {
  return (await unwrap(api.GET('/api/v1/billing/courses/{courseId}/lesson-offers', { params: { path: { courseId } } }))).items;
}

export function saveLessonPrice(lessonId: string, etag: string | null, body: { amountMinor: number; currency: string }): Promise<Versioned<Price>> {
  return withEtag(api.PUT('/api/v1/billing/lessons/{lessonId}/price', { params: { path: { lessonId } }, ...(etag ? { headers: { 'if-match': etag } } : {}), body }));
}

/** Opens the caller's order for the lesson (or answers the one they hold): pay it at the checkout. */
export function orderLesson(lessonId: string): Promise<Order> {
  return unwrap(api.POST('/api/v1/billing/lessons/{lessonId}/orders', { params: { path: { lessonId } } }));
}
