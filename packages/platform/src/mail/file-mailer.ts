import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { isMailId, newMailId, sentMail, toSendMailOptions } from './mailer.js';
import type { Mailer, MailMessage, MailOutbox, MailOutboxQuery, SentMail } from './mailer.js';

export interface FileMailerOptions {
  /** The folder for the messages, or `memory://...` to keep them in this instance only (tests). */
  folder: string;
  /** The From address, e.g. `Tessera <no-reply@localhost>`. */
  from: string;
}

/** Where the file mailer keeps messages: a folder, or memory. Ids reaching a store are already validated. */
interface MailStore {
  put(sent: SentMail, raw: string): Promise<void>;
  /** The ids of every complete message, in any order. */
  ids(): Promise<string[]>;
  record(id: string): Promise<SentMail | undefined>;
  raw(id: string): Promise<string | undefined>;
}

/**
 * The embedded-mode mailer: sends nothing, keeps each message as an RFC 5322 `.eml` file that a mail client
 * opens as is, with a JSON sidecar of its `SentMail` record. Lists its messages through `outbox`.
 */
export class FileMailer implements Mailer, MailOutbox {
  readonly kind = 'file' as const;
  readonly outbox: MailOutbox = this;
  private readonly store: MailStore;
  // Nodemailer builds the MIME message, exactly as it would for SMTP; CRLF line ends as RFC 5322 requires.
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly options: FileMailerOptions) {
    this.store = options.folder.startsWith('memory://') ? new MemoryStore() : new FolderStore(options.folder);
  }

  async send(message: MailMessage): Promise<SentMail> {
    const at = new Date();
    const info = await this.composer.sendMail(toSendMailOptions(this.options.from, message, at));
    if (!Buffer.isBuffer(info.message)) throw new TypeError('The stream transport returned no buffer');
    const sent = sentMail(newMailId(at), info.messageId, message, at);
    await this.store.put(sent, info.message.toString('utf8'));
    return sent;
  }

  async list(query: MailOutboxQuery): Promise<SentMail[]> {
    const { before, tenantId } = query;
    const ids = (await this.store.ids()).filter((id) => before === undefined || id < before);
    ids.sort().reverse();
    const found: SentMail[] = [];
    // Ids alone give the order; records are read only until the page is full.
    for (const id of ids) {
      if (found.length >= query.limit) break;
      const sent = await this.store.record(id);
      if (sent && (tenantId === undefined || sent.tenantId === tenantId)) found.push(sent);
    }
    return found;
  }

  async read(id: string): Promise<string | undefined> {
    // The id becomes a file name: anything but the exact shape we generate (`..`, `/`) is simply unknown.
    return isMailId(id) ? this.store.raw(id) : undefined;
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}

class FolderStore implements MailStore {
  constructor(private readonly folder: string) {}

  async put(sent: SentMail, raw: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFile(this.path(sent.id, '.eml'), raw);
    // The sidecar comes last and is renamed into place, so a listed message is always complete and readable.
    const temporary = this.path(sent.id, '.json.tmp');
    await writeFile(temporary, JSON.stringify(sent));
    await rename(temporary, this.path(sent.id, '.json'));
  }

  async ids(): Promise<string[]> {
    const names = await readdir(this.folder).catch(ifMissing<string[]>([]));
    return names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).filter(isMailId);
  }

  async record(id: string): Promise<SentMail | undefined> {
    const text = await readFile(this.path(id, '.json'), 'utf8').catch(ifMissing(undefined));
    return text === undefined ? undefined : (JSON.parse(text) as SentMail);
  }

  async raw(id: string): Promise<string | undefined> {
    return readFile(this.path(id, '.eml'), 'utf8').catch(ifMissing(undefined));
  }

  private path(id: string, extension: string): string {
    return join(this.folder, id + extension);
  }
}

class MemoryStore implements MailStore {
  private readonly messages = new Map<string, { sent: SentMail; raw: string }>();

  async put(sent: SentMail, raw: string): Promise<void> {
    this.messages.set(sent.id, { sent: { ...sent }, raw });
  }

  async ids(): Promise<string[]> {
    return [...this.messages.keys()];
  }

  async record(id: string): Promise<SentMail | undefined> {
    const stored = this.messages.get(id);
    // A copy, as the folder store returns: callers never hold a reference into the store.
    return stored && { ...stored.sent };
  }

  async raw(id: string): Promise<string | undefined> {
    return this.messages.get(id)?.raw;
  }
}

/** A rejection handler that turns "no such file or folder" into `fallback` and rethrows anything else. */
function ifMissing<T>(fallback: T): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}
