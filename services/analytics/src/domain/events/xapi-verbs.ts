import type { TesseraIds } from './ids.js';
import type { LearningEventType } from './learning-event.js';
import type { XapiActivity } from './xapi-statement.js';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const TIN_CAN = 'http://id.tincanapi.com/verb/';
const VIDEO_VERBS = 'https://w3id.org/xapi/video/verbs/';
export const VIDEO_ACTIVITY_TYPE = 'https://w3id.org/xapi/video/activity-type/video';

/** Verbs whose event type does not depend on what they are about. */
const FIXED = new Map<string, LearningEventType>([
  [`${ADL}answered`, 'item_attempt'],
  [`${ADL}experienced`, 'page_view'],
  [`${TIN_CAN}viewed`, 'page_view'],
  [`${ADL}progressed`, 'lesson_progress'],
  [`${ADL}initialized`, 'session_start'],
  [`${ADL}terminated`, 'session_end'],
  [`${TIN_CAN}searched`, 'search'],
]);

/** The kind of Tessera entity an activity is, from its id's last `/courses|lessons|items|media/<uuid>` segment. */
type ActivityKind = keyof TesseraIds | null;

/**
 * The event type a statement with `verbId` about `object` becomes, or null for a verb Tessera does not record.
 * `completed` depends on the object: on a video it is a video view, on anything else lesson progress.
 */
export function eventTypeOf(verbId: string, object: XapiActivity, objectKind: ActivityKind): LearningEventType | null {
  const fixed = FIXED.get(verbId);
  if (fixed) return fixed;
  if (verbId.startsWith(VIDEO_VERBS) && verbId.length > VIDEO_VERBS.length) return 'video_view';
  if (verbId === `${ADL}completed`) return isVideo(object, objectKind) ? 'video_view' : 'lesson_progress';
  return null;
}

/** True for the verb that says the object was finished (a completed video or lesson). */
export function isCompletedVerb(verbId: string): boolean {
  return verbId === `${ADL}completed`;
}

function isVideo(object: XapiActivity, objectKind: ActivityKind): boolean {
  return object.definition?.type === VIDEO_ACTIVITY_TYPE || objectKind === 'mediaId';
}
