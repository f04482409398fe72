import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer } from '../src/mail/create-mailer.js';
import { FileMailer } from '../src/mail/file-mailer.js';
import type { MailMessage } from '../src/mail/mailer.js';
import { SmtpMailer } from '../src/mail/smtp-mailer.js';

const from = 'Tessera <no-reply@tessera.test>';
const welcome: MailMessage = {
  to: 'ada@example.org',
  subject: 'Verify your e-mail',
  text: 'Open the link to verify.',
  html: '<p>Open the <a href="https://tessera.test/verify">link</a> to verify.</p>',
  headers: { 'List-Unsubscribe': '<https://tessera.test/unsubscribe>', 'X-Tessera-Test': 'yes' },
  category: 'identity.verify-email',
  tenantId: 'tenant-a',
};

/** The header section of a raw message, unfolded, names in lower case. Enough for checks; not a MIME parser. */
function headersOf(raw: string): Map<string, string> {
  const section = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(section.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

describe('FileMailer in a folder', () => {
  let folder: string;
  let mailer: FileMailer;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tessera-mail-'));
    mailer = new FileMailer({ folder: join(folder, 'mail'), from });
  });

  afterEach(async () => {
    await mailer.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('writes an RFC 5322 .eml with the headers and both parts, named by time', async () => {
    const sent = await mailer.send(welcome);
    expect(sent).toMatchObject({ to: welcome.to, subject: welcome.subject, category: welcome.category, tenantId: 'tenant-a' });
    expect(sent.id).toMatch(/^\d{8}T\d{6}\.\d{3}Z-[0-9a-f-]{36}$/);
    expect(await readdir(join(folder, 'mail'))).toEqual([`${sent.id}.eml`, `${sent.id}.json`].sort());

    const raw = (await mailer.read(sent.id))!;
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n/); // CRLF line ends only
    const headers = headersOf(raw);
    expect(headers.get('from')).toBe(from);
    expect(headers.get('to')).toBe(welcome.to);
    expect(headers.get('subject')).toBe(welcome.subject);
    expect(headers.get('list-unsubscribe')).toBe('<https://tessera.test/unsubscribe>');
    expect(headers.get('message-id')).toBe(sent.messageId);
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative; boundary=/);
    expect(raw).toMatch(/Content-Type: text\/plain[^]*Open the link to verify\./);
    expect(raw).toMatch(/Content-Type: text\/html[^]*<a href="https:\/\/tessera.test\/verify">link<\/a>/);
  });

  it('lists newest first, filters by tenant and pages with `before`', async () => {
    const first = await mailer.send({ ...welcome, subject: 'first' });
    await tick();
    const second = await mailer.send({ ...welcome, subject: 'second', tenantId: 'tenant-b' });
    await tick();
    const third = await mailer.send({ ...welcome, subject: 'third', tenantId: undefined });

    expect(first.id < second.id && second.id < third.id).toBe(true);
    expect((await mailer.list({ limit: 10 })).map((m) => m.subject)).toEqual(['third', 'second', 'first']);
    expect(await mailer.list({ limit: 10, tenantId: 'tenant-a' })).toEqual([first]);
    expect((await mailer.list({ limit: 2 })).map((m) => m.id)).toEqual([third.id, second.id]);
    expect(await mailer.list({ limit: 2, before: second.id })).toEqual([first]);
    expect(await mailer.outbox.list({ limit: 10, tenantId: 'tenant-b' })).toEqual([second]);
  });

  it('reads unknown ids, and ids that would leave the folder, as undefined', async () => {
    expect(await mailer.list({ limit: 10 })).toEqual([]);
    const { id } = await mailer.send(welcome);
    await writeFile(join(folder, 'secret.eml'), 'not yours');
    const unknown = '20260101T000000.000Z-00000000-0000-4000-8000-000000000000';
    for (const bad of [unknown, '../../etc/passwd', '../secret', '..', '/etc/passwd', `${id}/../../secret`]) {
      expect(await mailer.read(bad)).toBeUndefined();
    }
  });

  it('refuses a malformed header name rather than sending a mangled one', async () => {
    await expect(mailer.send({ ...welcome, headers: { 'X-A\r\nBcc': 'eve@example.org', 'Reply To': 'x' } })).rejects.toThrow(TypeError);
    expect(await mailer.list({ limit: 10 })).toEqual([]);
  });
});

describe('createMailer', () => {
  it('keeps mail in memory for a memory:// data folder, with the same outbox', async () => {
    const mailer = createMailer({ from, dataDir: 'memory://' });
    expect(mailer.kind).toBe('file');
    const sent = await mailer.send(welcome);
    expect(await mailer.outbox!.list({ limit: 10 })).toEqual([sent]);
    expect(headersOf((await mailer.outbox!.read(sent.id))!).get('list-unsubscribe')).toBe('<https://tessera.test/unsubscribe>');
    expect(await mailer.outbox!.read('../../etc/passwd')).toBeUndefined();
    await mailer.close();
  });

  it('writes to <dataDir>/mail without an SMTP URL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tessera-data-'));
    try {
      const mailer = createMailer({ from, dataDir });
      const sent = await mailer.send(welcome);
      expect(await readdir(join(dataDir, 'mail'))).toContain(`${sent.id}.eml`);
      await mailer.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('sends over SMTP when given a URL, with no outbox, and refuses other schemes without echoing the URL', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from, dataDir: 'memory://' });
    expect(mailer.kind).toBe('smtp');
    expect(mailer.outbox).toBeUndefined();
    await mailer.close();
    expect(() => createMailer({ smtpUrl: 'http://user:hunter2@127.0.0.1', from, dataDir: 'memory://' })).toThrow(
      /^SMTP URL must start with smtp:\/\/ or smtps:\/\/, got http:$/,
    );
  });
});

describe('SmtpMailer against a local SMTP server', () => {
  const received: { raw: string; rcptTo: string[] }[] = [];
  let server: SMTPServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(address.address === 'bounce@example.org' ? Object.assign(new Error('No such user'), { responseCode: 550 }) : null);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ raw: Buffer.concat(chunks).toString('utf8'), rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    mailer = new SmtpMailer({ url: `smtp://127.0.0.1:${port}`, from });
  });

  afterAll(async () => {
    await mailer?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('delivers the message with its recipient, subject and custom headers', async () => {
    const sent = await mailer.send(welcome);
    expect(sent).toMatchObject({ to: welcome.to, subject: welcome.subject, category: welcome.category, tenantId: 'tenant-a' });
    const message = received.find((m) => m.raw.includes(sent.messageId))!;
    expect(message.rcptTo).toEqual([welcome.to]);
    const headers = headersOf(message.raw);
    expect(headers.get('from')).toBe(from);
    expect(headers.get('to')).toBe(welcome.to);
    expect(headers.get('subject')).toBe(welcome.subject);
    expect(headers.get('list-unsubscribe')).toBe('<https://tessera.test/unsubscribe>');
    expect(headers.get('x-tessera-test')).toBe('yes');
    expect(message.raw).toContain('Open the link to verify.');
  });

  it('sends concurrent messages over the pool', async () => {
    const sent = await Promise.all([1, 2, 3, 4, 5].map((n) => mailer.send({ ...welcome, to: `user${n}@example.org`, subject: `Message ${n}` })));
    for (const { messageId, to } of sent) {
      expect(received.find((m) => m.raw.includes(messageId))?.rcptTo).toEqual([to]);
    }
  });

  it('rejects when the server refuses the recipient', async () => {
    await expect(mailer.send({ ...welcome, to: 'bounce@example.org' })).rejects.toThrow(/No such user/);
  });
});
