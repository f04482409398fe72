import type { TakenExam } from './assessment-seed.js';
import type { SeededCourse, SeededLearning } from './learning-seed.js';
import type { SeededTenant, SeededUser } from './seed.js';

/**
 * Who may see a marker:
 * - `secret`: nobody but its holder (API key, SSO client secret, refresh tokens, invitation links);
 * - `personal`: the person and their tenant's admins (email, sessions);
 * - `tenant`: members of the tenant (ids, names, messages: an author shows on what they wrote);
 * - `public`: anyone, through a public route by design (the tenant's name, slug and SSO client id).
 * Outsiders may see none of them (bar `public` ones on public routes); A's student none of the other's
 * `personal` ones nor anyone's `secret` ones.
 */
export type Sensitivity = 'secret' | 'personal' | 'tenant' | 'public';

/** A value seeded as tenant A that must not appear in an attacker's response. */
export interface Marker {
  value: string;
  what: string;
  sensitivity: Sensitivity;
  /** The role of the seeded user it belongs to (`classmate`: A's second student), if it is a person's. */
  owner?: string;
  /**
   * Shown by design with A's public course in the public catalog (`/api/v1/public/*`): the tenant it belongs
   * to and the staff who wrote and published it. Anywhere else it keeps its sensitivity.
   */
  listed?: boolean;
}

// Shorter values (small integers, short words) could appear in any response by chance.
const MIN_LENGTH = 8;

/** Every identifier, email, name and secret tenant A was seeded with. */
export function markersOf(a: SeededTenant): Marker[] {
  const listed = new Set([a.id, ...a.learning.publicCourse.staffIds]);
  const markers: Marker[] = [
    { value: a.id, what: 'tenant id', sensitivity: 'tenant' },
    { value: a.name, what: 'tenant name', sensitivity: 'public' },
    { value: a.slug, what: 'tenant slug', sensitivity: 'public' },
    ...userMarkers('admin', a.admin),
    ...userMarkers('instructor', a.instructor),
    ...userMarkers('tutor', a.tutor),
    ...userMarkers('student', a.student),
    ...userMarkers('classmate', a.classmate),
    { value: a.ping.id, what: 'ping id', sensitivity: 'tenant' },
    { value: a.ping.message, what: 'ping message', sensitivity: 'tenant' },
    { value: a.apiKey.id, what: 'API key id', sensitivity: 'tenant' },
    { value: a.apiKey.name, what: 'API key name', sensitivity: 'tenant' },
    { value: a.apiKey.key, what: 'API key secret', sensitivity: 'secret' },
    { value: a.sso.clientId, what: 'SSO client id', sensitivity: 'public' },
    { value: a.sso.clientSecret, what: 'SSO client secret', sensitivity: 'secret' },
    { value: a.deadLetter.marker, what: 'dead letter', sensitivity: 'tenant' },
    ...a.mailIds.map((id): Marker => ({ value: id, what: 'mail id', sensitivity: 'tenant' })),
    ...a.invitationTokens.map((token): Marker => ({ value: token, what: 'invitation token', sensitivity: 'secret' })),
    ...learningMarkers(a.learning),
  ];
  return markers
    .filter((marker) => marker.value.length >= MIN_LENGTH)
    .map((marker) => (listed.has(marker.value) ? { ...marker, listed: true } : marker));
}

/**
 * A's catalog, enrollment and assessment: everything a member may read is `tenant` (the tenant-only and the
 * unlisted course never appear in the public catalog, a course's published exams are listed to its members);
 * the public course is `public`; the second student's enrollment, attempt, submission and accommodation are
 * theirs (`personal`).
 */
function learningMarkers(learning: SeededLearning): Marker[] {
  const { skill, item, media, course, publicCourse, unlistedCourse, enrollment, assessment, adaptive, pushSubscription, billing } = learning;
  const tenant = (value: string, what: string): Marker => ({ value, what, sensitivity: 'tenant' });
  const classmates = (value: string, what: string): Marker => ({ value, what, sensitivity: 'personal', owner: 'classmate' });
  return [
    tenant(skill.id, 'skill id'), tenant(skill.name, 'skill name'),
    tenant(item.id, 'item id'), tenant(item.title, 'item title'), tenant(item.stem, 'item stem'),
    tenant(media.id, 'media id'), tenant(media.sha256, 'media checksum'),
    ...courseMarkers('tenant-only course', course, 'tenant'),
    tenant(course.moduleId, 'module id'), tenant(course.moduleTitle, 'module title'),
    ...course.lessonIds.map((id) => tenant(id, 'lesson id')), ...course.lessonTitles.map((title) => tenant(title, 'lesson title')),
    ...course.blockIds.map((id) => tenant(id, 'block id')),
    ...courseMarkers('unlisted course', unlistedCourse, 'tenant'),
    ...courseMarkers('public course', publicCourse, 'public'),
    classmates(enrollment.id, 'classmate enrollment id'),
    tenant(assessment.essay.id, 'essay item id'), tenant(assessment.essay.title, 'essay item title'), tenant(assessment.essay.stem, 'essay item stem'),
    tenant(assessment.exam.id, 'exam id'), tenant(assessment.exam.title, 'exam title'),
    ...attemptMarkers(assessment.attempt, 'classmate'),
    classmates(assessment.accommodation.note, 'classmate accommodation note'),
    classmates(adaptive.testId, 'classmate adaptive test id'), classmates(adaptive.practiceResponseId, 'classmate practice response id'),
    // Whoever holds a push endpoint can aim pushes at that browser: only its subscriber is ever shown it.
    classmates(pushSubscription.id, 'classmate push subscription id'), { value: pushSubscription.endpoint, what: 'classmate push endpoint', sensitivity: 'secret' },
    // Billing: the paid course and its price are the tenant's; the second student's order and enrollment theirs; coupons the admins'.
    tenant(billing.course.id, 'paid course id'), tenant(billing.course.title, 'paid course title'), tenant(billing.price.id, 'price id'),
    classmates(billing.order.id, 'classmate order id'), classmates(billing.refundRequest.id, 'classmate refund request id'), classmates(billing.enrollment.id, 'classmate paid enrollment id'),
    { value: billing.coupon.code, what: 'coupon code', sensitivity: 'personal', owner: 'admin' },
  ];
}

/** An attempt's ids and words: its student's (and staff's). */
export function attemptMarkers(attempt: TakenExam, owner: string): Marker[] {
  const personal = (value: string, what: string): Marker => ({ value, what: `${owner} ${what}`, sensitivity: 'personal', owner });
  return [
    personal(attempt.id, 'attempt id'), personal(attempt.submissionId, 'submission id'),
    personal(attempt.essayText, 'essay answer'), personal(attempt.graderComment, 'grader comment'),
  ];
}

function courseMarkers(what: string, course: SeededCourse, sensitivity: Sensitivity): Marker[] {
  return [
    { value: course.id, what: `${what} id`, sensitivity },
    { value: course.title, what: `${what} title`, sensitivity },
    { value: course.text, what: `${what} text`, sensitivity },
  ];
}

function userMarkers(owner: string, user: SeededUser): Marker[] {
  return [
    { value: user.id, what: `${owner} id`, sensitivity: 'tenant', owner },
    { value: user.email, what: `${owner} email`, sensitivity: 'personal', owner },
    { value: user.name, what: `${owner} name`, sensitivity: 'tenant', owner },
    { value: user.sessionId, what: `${owner} session id`, sensitivity: 'personal', owner },
    { value: user.refreshToken, what: `${owner} refresh token`, sensitivity: 'secret', owner },
  ];
}

/** A marker found in a response, with the text around it. */
export interface Leak {
  marker: Marker;
  snippet: string;
}

/**
 * The markers found in `received` (body and headers). A marker the request itself carried is skipped:
 * an error that repeats the id it was asked about tells the attacker nothing new.
 */
export function findLeaks(received: string, sent: string, markers: Marker[]): Leak[] {
  const haystack = received.toLowerCase();
  const echo = sent.toLowerCase();
  const leaks: Leak[] = [];
  for (const marker of markers) {
    const needle = marker.value.toLowerCase();
    if (echo.includes(needle)) continue;
    const at = haystack.indexOf(needle);
    if (at >= 0) leaks.push({ marker, snippet: received.slice(Math.max(0, at - 60), at + needle.length + 60) });
  }
  return leaks;
}
