import type { World } from './seed.js';

/**
 * Who may legitimately reach an object inside its own tenant:
 * - `owner`: only its owner and admins (A's other student must get 403/404);
 * - `tenant`: every member of the tenant (A's other student may);
 * - `public`: anyone, by design (a tenant's public sign-in page).
 * Outsiders (tenant B, no or forged credentials) must never reach any of them.
 */
export type Reach = 'owner' | 'tenant' | 'public';

/** How to name one of tenant A's objects (or one of the platform's) in a path. */
export interface PathFixture {
  /** The path template up to and including the parameter: it also covers the sub-routes below it. */
  route: string;
  value(world: World): string;
  /** Who may reach the object, for reads (GET) and for writes (every other method). */
  reach: { read: Reach; write: Reach };
}

const ownerOnly = { read: 'owner', write: 'owner' } as const;
/** Published content: every member reads it; only its authors (and admins, reviewers) change it. */
const published = { read: 'tenant', write: 'owner' } as const;

/**
 * The object each path parameter names. A route added later under one of these prefixes is covered as is;
 * a new kind of object needs one line here (or gets a random id, which must answer 401/403/404 — the suite
 * then lists the route so someone adds the line).
 */
export const pathFixtures: PathFixture[] = [
  { route: '/api/v1/users/{id}', value: (w) => w.a.classmate.id, reach: ownerOnly },
  { route: '/api/v1/me/sessions/{id}', value: (w) => w.a.classmate.sessionId, reach: ownerOnly },
  { route: '/api/v1/api-keys/{id}', value: (w) => w.a.apiKey.id, reach: ownerOnly },
  // Written by A's second student: every member reads it, only its author (or a moderator) changes it.
  { route: '/api/v1/pings/{id}', value: (w) => w.a.ping.id, reach: { read: 'tenant', write: 'owner' } },
  { route: '/api/v1/platform/tenants/{id}', value: (w) => w.a.id, reach: ownerOnly },
  { route: '/api/v1/admin/mail/{id}', value: (w) => w.a.mailIds[0] ?? '', reach: ownerOnly },
  { route: '/api/v1/admin/dead-letters/{id}', value: (w) => String(w.a.deadLetter.id), reach: ownerOnly },
  { route: '/api/v1/tenants/{slug}', value: (w) => w.a.slug, reach: { read: 'public', write: 'public' } },
  // Not A's but the platform's: the key that signs every token (no tenant may retire it).
  { route: '/api/v1/platform/signing-keys/{kid}', value: (w) => w.signingKeyId, reach: ownerOnly },
  // The catalog. A's tenant-only course, published: members read it (drafts need catalog.content.author);
  // its co-authors, reviewers and admins change it, enroll others, read its roster.
  { route: '/api/v1/courses/{courseId}', value: (w) => w.a.learning.course.id, reach: published },
  { route: '/api/v1/courses/{courseId}/versions/{version}', value: () => '1', reach: published },
  { route: '/api/v1/courses/{courseId}/instructors/{userId}', value: (w) => w.a.instructor.id, reach: ownerOnly },
  // Module and block routes serve drafts only (authors).
  { route: '/api/v1/modules/{moduleId}', value: (w) => w.a.learning.course.moduleId, reach: ownerOnly },
  { route: '/api/v1/lessons/{lessonId}', value: (w) => w.a.learning.course.lessonIds[0] ?? '', reach: published },
  { route: '/api/v1/blocks/{blockId}', value: (w) => w.a.learning.course.blockIds[0] ?? '', reach: ownerOnly },
  // Not an object: which kind of content the next parameter names.
  { route: '/api/v1/content/{kind}', value: () => 'lesson', reach: { read: 'public', write: 'public' } },
  { route: '/api/v1/content/{kind}/{id}', value: (w) => w.a.learning.course.lessonIds[0] ?? '', reach: published },
  { route: '/api/v1/skills/{skillId}', value: (w) => w.a.learning.skill.id, reach: published },
  // The question bank is staff's (catalog.items.read): students meet an item only in a published lesson that embeds it.
  { route: '/api/v1/items/{itemId}', value: (w) => w.a.learning.item.id, reach: ownerOnly },
  { route: '/api/v1/items/{itemId}/versions/{version}', value: () => '1', reach: ownerOnly },
  { route: '/api/v1/lessons/{lessonId}/items/{itemId}', value: (w) => w.a.learning.item.id, reach: published },
  // Uploaded by A's instructor; any member reads it (lessons embed it).
  { route: '/api/v1/media/{mediaId}', value: (w) => w.a.learning.media.id, reach: published },
  // The public catalog lists A's public course by design: asked for A's tenant-only one, it must know none.
  { route: '/api/v1/public/courses/{courseId}', value: (w) => w.a.learning.course.id, reach: { read: 'public', write: 'public' } },
  // Enrollment. The second student's: only they and staff read it, only they record progress.
  { route: '/api/v1/enrollments/{enrollmentId}', value: (w) => w.a.learning.enrollment.id, reach: ownerOnly },
  { route: '/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}', value: (w) => w.a.learning.course.lessonIds[1] ?? '', reach: published },
  // Assessment. An exam is staff's (drafts, settings, results, analysis): students reach a published one only
  // through its course's list and their own attempts; A's other student is not enrolled, so cannot start it.
  { route: '/api/v1/exams/{examId}', value: (w) => w.a.learning.assessment.exam.id, reach: ownerOnly },
  { route: '/api/v1/exams/{examId}/accommodations/{userId}', value: (w) => w.a.learning.assessment.accommodation.userId, reach: ownerOnly },
  // The second student's attempt and submission: only they and staff read them, only they answer and submit.
  { route: '/api/v1/attempts/{attemptId}', value: (w) => w.a.learning.assessment.attempt.id, reach: ownerOnly },
  { route: '/api/v1/submissions/{submissionId}', value: (w) => w.a.learning.assessment.attempt.submissionId, reach: ownerOnly },
  // Not an object: a position in the exam (the essay's, graded by hand in the seed).
  { route: '/api/v1/submissions/{submissionId}/grades/{slot}', value: (w) => w.a.learning.assessment.exam.essaySlot, reach: ownerOnly },
  // Adaptive. A course's class views and settings are staff's; the second student's adaptive test is theirs.
  { route: '/api/v1/adaptive/courses/{courseId}', value: (w) => w.a.learning.course.id, reach: ownerOnly },
  { route: '/api/v1/adaptive/tests/{sessionId}', value: (w) => w.a.learning.adaptive.testId, reach: ownerOnly },
  // Notify: the second student's own notification (nobody else reads or marks it).
  { route: '/api/v1/notifications/{notificationId}', value: (w) => w.a.learning.notification.id, reach: ownerOnly },
  // The second student's push subscription (a browser of theirs): nobody else lists or deletes it.
  { route: '/api/v1/notifications/push/subscriptions/{subscriptionId}', value: (w) => w.a.learning.pushSubscription.id, reach: ownerOnly },
  // The instructor's scheduled announcement: its author and the tenant's admins read it and may cancel it.
  { route: '/api/v1/announcements/{announcementId}', value: (w) => w.a.learning.announcement.id, reach: ownerOnly },
  // Billing. A's paid course: members read its price, its publisher and admins set it.
  { route: '/api/v1/billing/courses/{courseId}', value: (w) => w.a.learning.billing.course.id, reach: published },
  // The paid course's lesson sold on its own: members read its price and may buy it (POST …/orders); pricing it
  // needs billing.price, which A's other student lacks.
  { route: '/api/v1/billing/lessons/{lessonId}', value: (w) => w.a.learning.billing.lesson.id, reach: { read: 'tenant', write: 'tenant' } },
  // The second student's order (paid, then refunded in part) and the enrollment it paid for: theirs and the admins'.
  { route: '/api/v1/billing/orders/{orderId}', value: (w) => w.a.learning.billing.order.id, reach: ownerOnly },
  { route: '/api/v1/billing/enrollments/{enrollmentId}', value: (w) => w.a.learning.billing.enrollment.id, reach: ownerOnly },
  // The second student's refund request: the admins decide it.
  { route: '/api/v1/billing/refunds/{refundId}', value: (w) => w.a.learning.billing.refundRequest.id, reach: ownerOnly },
  // The admins' coupon.
  { route: '/api/v1/billing/coupons/{code}', value: (w) => w.a.learning.billing.coupon.code, reach: ownerOnly },
  { route: '/api/v1/billing/payouts/{payoutId}', value: (w) => w.a.learning.billing.payout.id, reach: ownerOnly },
  // Analytics. A's published course: its staff read its activity; students lack the permission, B knows no such course.
  { route: '/api/v1/analytics/courses/{courseId}', value: (w) => w.a.learning.course.id, reach: published },
  // Not an object: the payment provider whose webhooks the route takes (signed: anything else is refused with 400).
  { route: '/api/v1/billing/webhooks/{provider}', value: () => 'test', reach: { read: 'public', write: 'public' } },
];

/** A value of tenant A (or a neutral one) for a query parameter or body property. */
export interface FieldFixture {
  value(world: World): unknown;
  /**
   * `reference`: names one of A's objects, sent wherever the field appears. `personal`: an email or a name,
   * sent only in query strings and to public routes — written by B into B's own records (an invitation) it
   * would become B's data, and B reading it back is no leak. `filler`: nobody's, sent in bodies only, where
   * a made-up value would fail the service's own checks (a 400 before the access check proves nothing).
   */
  kind: 'reference' | 'personal' | 'filler';
  /**
   * Sent in bodies only. In a query string such a field is a filter, where another tenant's id rightly finds
   * nothing (an empty 200, which the leak check covers) rather than a 4xx.
   */
  bodyOnly?: boolean;
}

/**
 * Tenant A's values for query parameters and body properties, by name. Required fields always get a value
 * (from here, or made up from the schema); optional ones only when named here, so that B's searches,
 * sign-ins and password resets aim at A's people.
 */
export const fieldFixtures: Record<string, FieldFixture> = {
  tenant: { value: (w) => w.a.slug, kind: 'reference' },
  tenantId: { value: (w) => w.a.id, kind: 'reference' },
  confirm: { value: (w) => w.a.slug, kind: 'reference' },
  userId: { value: (w) => w.a.classmate.id, kind: 'reference' },
  sessionId: { value: (w) => w.a.classmate.sessionId, kind: 'reference' },
  email: { value: (w) => w.a.classmate.email, kind: 'personal' },
  q: { value: (w) => w.a.classmate.name, kind: 'personal' },
  ids: { value: (w) => w.a.learning.item.id, kind: 'reference' },
  // What an item (or a lesson) is about: B may not tag its content with A's course or skills.
  courseId: { value: (w) => w.a.learning.course.id, kind: 'reference' },
  skills: { value: (w) => [w.a.learning.skill.id], kind: 'reference', bodyOnly: true },
  // A roster naming A's second student (B must not enroll them anywhere).
  csv: { value: (w) => `userId\n${w.a.classmate.id}\n`, kind: 'reference' },
  markdown: { value: () => 'Red team text', kind: 'filler' },
  opensAt: { value: () => new Date(Date.now() - 86_400_000).toISOString(), kind: 'filler' },
  closesAt: { value: () => new Date(Date.now() + 86_400_000).toISOString(), kind: 'filler' },
  // Assessment. Answers in the seeded essay's slot (a made-up slot fails the schema's pattern); a grading
  // scheme whose weights add up to something (all zero is refused with 422 before anything else).
  answers: { value: (w) => [{ slot: w.a.learning.assessment.exam.essaySlot, seq: 1, response: { type: 'essay', text: 'Red team essay' } }], kind: 'filler' },
  categories: { value: () => [{ category: 'exam', weight: 100, dropLowest: 0 }], kind: 'filler' },
  // The slot an adaptive answer is for (a made-up one fails the schema's pattern).
  slot: { value: (w) => w.a.learning.assessment.exam.essaySlot, kind: 'filler' },
  // A number for SMS notifications (a made-up one fails the E.164 pattern); a reserved fictional one, nobody's.
  phone: { value: () => '+15005550006', kind: 'filler' },
  // The tenants' currency (a made-up code fails the ISO 4217 pattern, or is refused as another currency with 422).
  currency: { value: () => 'EUR', kind: 'filler' },
};

/** The fixture for parameter `name` of `path`: the one whose route is `path` up to and including `{name}`. */
export function pathFixtureFor(path: string, name: string): PathFixture | undefined {
  const end = path.indexOf(`{${name}}`);
  if (end < 0) return undefined;
  const prefix = path.slice(0, end + name.length + 2);
  return pathFixtures.find((fixture) => fixture.route === prefix);
}
