import type { SentMail } from '@tessera/platform';
import { tokenInMail, type IdentityKit } from './identity-kit.js';

/** Every message the kit's mailer kept for `to`, newest first. */
export async function mailsTo(kit: IdentityKit, to: string): Promise<SentMail[]> {
  const outbox = kit.platform.mailer.outbox;
  if (!outbox) throw new Error('the mailer keeps no outbox');
  return (await outbox.list({ limit: 1000 })).filter((mail) => mail.to.includes(to));
}

/**
 * Waits (at most ~5 s) until `count` messages of `category` reached `to` — some flows send after
 * answering — and returns the raw newest one.
 */
export async function waitForMail(kit: IdentityKit, to: string, category: string, count = 1): Promise<string> {
  for (let attempt = 0; attempt < 250; attempt++) {
    const found = (await mailsTo(kit, to)).filter((mail) => mail.category === category);
    if (found.length >= count && found[0]) return (await kit.platform.mailer.outbox?.read(found[0].id)) ?? '';
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${category} mail #${count} to ${to}`);
}

/** The one-time token of the newest `category` message to `to` (waiting for it as above). */
export async function tokenMailedTo(kit: IdentityKit, to: string, category: string, count = 1): Promise<string> {
  return tokenInMail(await waitForMail(kit, to, category, count));
}
