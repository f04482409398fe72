/** @tessera/contracts — what services and clients agree on: event envelopes and shared API shapes. */

/** The CloudEvents 1.0 envelope (schema and type) every event travels in. */
export { CloudEventSchema, AnyCloudEvent, type CloudEvent } from './cloud-event.js';
