import type { ItemProblem } from './problems.js';
import type { XapiStatement } from './xapi-statement.js';

/** Who an xAPI statement says acted; the route checks it is the signed-in user (an account named by the user's id). */
export type Actor =
  | { kind: 'account'; homePage: string; name: string }
  | { kind: 'mbox'; mbox: string };

// xAPI's inverse functional identifiers: an Agent has exactly one. Tessera can match only the first two to a user.
const IDENTIFIERS = ['account', 'mbox', 'mbox_sha1sum', 'openid'] as const;

/** The statement's actor as an Actor, or the problem (relative to the statement) when it has no usable identity. */
export function actorOf(actor: XapiStatement['actor']): Actor | ItemProblem {
  const present = IDENTIFIERS.filter((key) => Object.hasOwn(actor, key));
  if (present.length === 1 && actor.account) return { kind: 'account', homePage: actor.account.homePage, name: actor.account.name };
  if (present.length === 1 && actor.mbox) return { kind: 'mbox', mbox: actor.mbox };
  return { pointer: '/actor', detail: 'must identify the learner by exactly one of account or mbox' };
}
