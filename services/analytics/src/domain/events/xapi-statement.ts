import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Duration, Iri, Uuid, XapiTimestamp } from './schema-parts.js';

// What Tessera reads of an xAPI 1.0.3 statement. Properties it does not read (authority, version, attachments,
// context.instructor, …) are let through unchecked: a conformant statement must not be refused for carrying
// them. The statement id is required here although xAPI makes it optional: it is the event's dedupe key.

const LanguageMap = Type.Record(Type.String(), Type.String());
const Extensions = Type.Record(Type.String(), Type.Unknown(), { errorDetail: 'must be an object keyed by IRIs' });

const Account = Type.Object({
  homePage: Iri,
  name: Type.String({ minLength: 1, maxLength: 200 }),
});

const Agent = Type.Object({
  objectType: Type.Optional(Type.Literal('Agent', { errorDetail: "must be 'Agent': Tessera records one learner's events, not a group's" })),
  name: Type.Optional(Type.String()),
  mbox: Type.Optional(Type.String({ pattern: '^mailto:[^@\\s]+@[^@\\s]+$', maxLength: 320, errorDetail: 'must be a mailto: IRI' })),
  account: Type.Optional(Account),
});

const Activity = Type.Object({
  objectType: Type.Optional(Type.Literal('Activity', { errorDetail: "must be 'Activity': Tessera records statements about activities" })),
  id: Iri,
  definition: Type.Optional(Type.Object({
    type: Type.Optional(Iri),
    name: Type.Optional(LanguageMap),
  })),
});

// xAPI 1.0.3 (§2.4.6.2) still accepts a single Activity where an array is due, for 0.95 statements.
const ContextActivities = Type.Union([Activity, Type.Array(Activity, { maxItems: 100 })], {
  errorDetail: 'must be an Activity or an array of Activities, each with an absolute IRI id',
});

export const XapiStatement = Type.Object({
  id: Uuid,
  actor: Agent,
  verb: Type.Object({ id: Iri }),
  object: Activity,
  result: Type.Optional(Type.Object({
    success: Type.Optional(Type.Boolean()),
    completion: Type.Optional(Type.Boolean()),
    response: Type.Optional(Type.String()),
    duration: Type.Optional(Duration),
    score: Type.Optional(Type.Object({ scaled: Type.Optional(Type.Number({ minimum: -1, maximum: 1 })) })),
    extensions: Type.Optional(Extensions),
  })),
  context: Type.Optional(Type.Object({
    registration: Type.Optional(Uuid),
    contextActivities: Type.Optional(Type.Object({
      parent: Type.Optional(ContextActivities),
      grouping: Type.Optional(ContextActivities),
    })),
    extensions: Type.Optional(Extensions),
  })),
  timestamp: Type.Optional(XapiTimestamp),
});
export type XapiStatement = Static<typeof XapiStatement>;
export type XapiActivity = Static<typeof Activity>;

/** Compiled once at load. */
export const statementCheck = TypeCompiler.Compile(XapiStatement);
