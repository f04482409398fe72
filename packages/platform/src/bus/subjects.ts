import { serviceOfEvent } from '../events/envelope.js';

/** Subject naming shared by the bus adapters: `<namespace>.<event name>`, one stream per service. */
export class Subjects {
  constructor(readonly namespace: string) {
    if (!/^[a-z][a-z0-9_-]*$/i.test(namespace)) throw new Error(`Bus namespace "${namespace}" is not a valid token`);
  }

  /** `tessera.example.ping.created` for the event `example.ping.created`. */
  forEvent(eventName: string): string {
    return `${this.namespace}.${eventName}`;
  }

  /** The stream that holds a service's events: `TESSERA_EXAMPLE`. */
  streamOf(eventNameOrPattern: string): string {
    return `${this.namespace}_${serviceOfStream(eventNameOrPattern)}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  }

  /** Every subject of a service's stream: `tessera.example.>`. */
  streamSubjects(eventNameOrPattern: string): string {
    return `${this.namespace}.${serviceOfStream(eventNameOrPattern)}.>`;
  }
}

function serviceOfStream(eventNameOrPattern: string): string {
  const service = eventNameOrPattern.split('.')[0];
  if (!service || service === '*' || service === '>') {
    throw new Error(`"${eventNameOrPattern}" must name one service: consumers read a single service's stream`);
  }
  return eventNameOrPattern.includes('*') || eventNameOrPattern.includes('>') ? service : serviceOfEvent(eventNameOrPattern);
}

/** True when `subject` matches the NATS pattern `pattern` (`*` one token, `>` one or more trailing tokens). */
export function subjectMatches(pattern: string, subject: string): boolean {
  const want = pattern.split('.');
  const have = subject.split('.');
  for (let i = 0; i < want.length; i++) {
    const token = want[i];
    if (token === '>') return have.length > i;
    if (i >= have.length) return false;
    if (token !== '*' && token !== have[i]) return false;
  }
  return want.length === have.length;
}

/** A PostgreSQL regular expression equivalent to a NATS subject pattern. */
export function patternToRegex(pattern: string): string {
  const tokens = pattern.split('.').map((token) => {
    if (token === '*') return '[^.]+';
    if (token === '>') return '.+';
    return token.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  });
  return `^${tokens.join('\\.')}$`;
}
