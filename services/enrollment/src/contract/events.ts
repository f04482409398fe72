import { Type, type Static } from '@sinclair/typebox';
import { IdentityEvents, type UserEventData } from '@tessera/identity/contract';
import type { EnrollmentStatus } from './schemas.js';

/** Events the enrollment service publishes (`tessera.<name>` on the bus). */
export const EnrollmentEvents = {
  /**
   * An enrollment was created or is waiting for the student's payment. `status` is where it landed:
   * `pending_payment` asks billing for an order of `priceRef` (also emitted when a waitlisted student of a
   * paid course is promoted); `active` and `waitlisted` are followed by their own event.
   */
  requested: 'enrollment.enrollment.requested',
  activated: 'enrollment.enrollment.activated',
  waitlisted: 'enrollment.enrollment.waitlisted',
  cancelled: 'enrollment.enrollment.cancelled',
  completed: 'enrollment.enrollment.completed',
  expired: 'enrollment.enrollment.expired',
  lessonCompleted: 'enrollment.lesson.completed',
} as const;

/** Payload of every `enrollment.enrollment.*` event: the enrollment after the change. */
export interface EnrollmentEventData {
  enrollmentId: string;
  courseId: string;
  userId: string;
  courseVersion: number;
  status: EnrollmentStatus;
  priceRef: string | null;
}

/** Payload of `enrollment.lesson.completed`. */
export interface LessonCompletedData {
  enrollmentId: string;
  courseId: string;
  courseVersion: number;
  lessonId: string;
  userId: string;
  completedAt: string;
}

/** Events of other services this service consumes. */
export const ConsumedEvents = {
  coursePublished: 'catalog.course.published',
  courseArchived: 'catalog.course.archived',
  /** The order of a paid enrollment is captured: the enrollment becomes active. */
  paymentCaptured: 'billing.payment.captured',
  /** The payment was declined or the order ended unpaid: the enrollment still waiting for it is cancelled (its seat freed). */
  paymentFailed: 'billing.payment.failed',
  /** A refund; a full one ends the enrollment it paid for. */
  refundIssued: 'billing.refund.issued',
  /** Invited users can be enrolled before they accept (a roster prepared ahead of term). */
  userInvited: IdentityEvents.userInvited,
  userRegistered: IdentityEvents.userRegistered,
  userDeactivated: IdentityEvents.userDeactivated,
  userReactivated: IdentityEvents.userReactivated,
} as const;

// A pattern, not `format: 'uuid'`: payloads are checked with TypeBox's Value, which knows no formats.
const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });

/**
 * What this service reads of `catalog.course.published` (a tolerant reader: other fields are ignored, so
 * catalog can add fields without breaking enrollment).
 */
export const CoursePublishedSeen = Type.Object({
  courseId: Uuid,
  version: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  priceRef: Type.Union([Type.String(), Type.Null()]),
  modules: Type.Array(Type.Object({
    moduleId: Uuid,
    title: Type.String(),
    position: Type.Integer(),
    lessons: Type.Array(Type.Object({ lessonId: Uuid, title: Type.String(), position: Type.Integer() })),
  })),
  publishedAt: Type.String({ minLength: 1 }),
});
export type CoursePublishedSeen = Static<typeof CoursePublishedSeen>;

/** What this service reads of `catalog.course.archived`. */
export const CourseArchivedSeen = Type.Object({ courseId: Uuid, version: Type.Integer({ minimum: 1 }) });
export type CourseArchivedSeen = Static<typeof CourseArchivedSeen>;

/** What this service reads of `identity.user.registered|deactivated` (a tolerant reader, like the above). */
export const UserSeen = Type.Object({ userId: Uuid, email: Type.String({ minLength: 1 }), name: Type.String() });
export type UserSeen = Static<typeof UserSeen>;

// Fails to compile if identity's payload stops carrying what this service reads.
const identityPayloadIsReadable = (data: UserEventData): UserSeen => data;
void identityPayloadIsReadable;

/** What this service reads of `billing.payment.*` and `billing.refund.issued` (a tolerant reader). */
export const PaymentSeen = Type.Object({
  enrollmentId: Type.Union([Uuid, Type.Null()]),
  full: Type.Optional(Type.Boolean()),
});
