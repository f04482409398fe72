import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityKit, tokenInMail, type IdentityKit } from './support/identity-kit.js';

interface Received {
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let kit: IdentityKit;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  kit = await startIdentityKit({ SMTP_URL: `smtp://127.0.0.1:${port}`, TESSERA_PUBLIC_URL: 'https://learn.example.test' });
});

afterAll(async () => {
  await kit?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('identity mail through a real SMTP server (SMTP_URL set)', () => {
  it('delivers the first admin\'s invitation with a working one-time link, and keeps no .eml copy', async () => {
    expect(kit.platform.mailer.kind).toBe('smtp');
    const email = `dean-${randomUUID().slice(0, 6)}@college.test`;
    await kit.tenant({ name: 'Mail College', admin: { email, name: 'Dean' } });
    await expect.poll(() => received.find((mail) => mail.to.includes(email)), { timeout: 10_000 }).toBeDefined();
    const mail = received.find((m) => m.to.includes(email));
    expect(mail?.raw).toMatch(/^Subject: You are invited to Mail College/m);
    // Quoted-printable: soft line breaks and =3D for '='.
    const decoded = (mail?.raw ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(decoded).toContain('https://learn.example.test/#/accept-invitation?token=');
    const token = tokenInMail(mail?.raw ?? '');
    const accepted = await kit.request('POST', '/api/v1/auth/invitations/accept', { body: { token, password: 'a long new passphrase' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(kit.platform.mailer.outbox).toBeUndefined();
  });
});
