import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { DateTime, EventId, Uuid } from './schema-parts.js';

/** The kinds of learning event Tessera records. */
export const LEARNING_EVENT_TYPES = ['page_view', 'video_view', 'lesson_progress', 'item_attempt', 'search', 'session_start', 'session_end'] as const;
export type LearningEventType = (typeof LEARNING_EVENT_TYPES)[number];

/** A day: the longest a page view or an answer's latency can plausibly take. */
const DAY_MS = 86_400_000;

const SessionId = Type.String({ minLength: 1, maxLength: 100 });
const Fraction = Type.Number({ minimum: 0, maximum: 1 });

/** What every event has; a type may make an optional id required. */
const common = {
  id: EventId,
  time: DateTime,
  courseId: Type.Optional(Uuid),
  lessonId: Type.Optional(Uuid),
  itemId: Type.Optional(Uuid),
  sessionId: Type.Optional(SessionId),
};

function eventOf<Kind extends LearningEventType, Properties extends TProperties>(type: Kind, properties: Properties) {
  return Type.Object({ type: Type.Literal(type), ...common, ...properties }, { additionalProperties: false, title: type });
}

export const PageView = eventOf('page_view', {
  path: Type.Optional(Type.String({ maxLength: 500 })),
  durationMs: Type.Optional(Type.Integer({ minimum: 0, maximum: DAY_MS })),
});

export const VideoView = eventOf('video_view', {
  mediaId: Type.Optional(Uuid),
  positionSec: Type.Number({ minimum: 0 }),
  durationSec: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  watchedSec: Type.Optional(Type.Number({ minimum: 0 })),
  completed: Type.Optional(Type.Boolean()),
});

export const LessonProgress = eventOf('lesson_progress', {
  lessonId: Uuid,
  progress: Fraction,
  completed: Type.Optional(Type.Boolean()),
});

export const ItemAttempt = eventOf('item_attempt', {
  itemId: Uuid,
  correct: Type.Boolean(),
  score: Type.Optional(Fraction),
  latencyMs: Type.Integer({ minimum: 0, maximum: DAY_MS }),
});

export const Search = eventOf('search', {
  query: Type.String({ minLength: 1, maxLength: 200 }),
  results: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const SessionStart = eventOf('session_start', { sessionId: SessionId });
export const SessionEnd = eventOf('session_end', { sessionId: SessionId });

/** One learning event in Tessera's compact form, what every accepted event (compact or xAPI) becomes. */
export const LearningEvent = Type.Union([PageView, VideoView, LessonProgress, ItemAttempt, Search, SessionStart, SessionEnd]);
export type LearningEvent = Static<typeof LearningEvent>;

const BY_TYPE: Record<LearningEventType, TObject> = {
  page_view: PageView,
  video_view: VideoView,
  lesson_progress: LessonProgress,
  item_attempt: ItemAttempt,
  search: Search,
  session_start: SessionStart,
  session_end: SessionEnd,
};

// Compiled once at load: each type its own checker, so an invalid event reports only its own type's complaints
// (a union would list every branch's).
const CHECKERS = new Map<string, TypeCheck<TObject>>(
  LEARNING_EVENT_TYPES.map((type) => [type, TypeCompiler.Compile(BY_TYPE[type])]),
);

/** The compiled checker for events of `type`, or undefined when no event has that type. */
export function checkerOf(type: unknown): TypeCheck<TObject> | undefined {
  return typeof type === 'string' ? CHECKERS.get(type) : undefined;
}

/** The event fields that hold uuids, lower-cased when normalised so one entity has one spelling. */
export const UUID_FIELDS = ['courseId', 'lessonId', 'itemId', 'mediaId'] as const;
