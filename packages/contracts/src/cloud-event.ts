import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** The CloudEvents 1.0 structured-mode envelope every Tessera event travels in, with `data` typed by `data`. */
export function CloudEventSchema<T extends TSchema>(data: T) {
  return Type.Object({
    specversion: Type.Literal('1.0'),
    id: Type.String({ format: 'uuid' }),
    source: Type.String({ pattern: '^/tessera/[a-z][a-z0-9_]*$', description: 'The producing service' }),
    type: Type.String({ pattern: '^tessera\\.[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*){2,}$', description: 'tessera.<service>.<entity>.<past-verb>' }),
    subject: Type.Optional(Type.String({ description: 'Id of the aggregate the event is about' })),
    time: Type.String({ format: 'date-time' }),
    datacontenttype: Type.Literal('application/json'),
    tenantid: Type.Optional(Type.String({ format: 'uuid', description: 'Owning tenant; absent for platform events' })),
    traceparent: Type.Optional(Type.String({ pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' })),
    data,
  });
}

/** Any Tessera event, before its `data` is narrowed by a consumer. */
export const AnyCloudEvent = CloudEventSchema(Type.Unknown());

/** A CloudEvent with data of type `T`. */
export type CloudEvent<T = unknown> = Omit<Static<typeof AnyCloudEvent>, 'data'> & { data: T };
