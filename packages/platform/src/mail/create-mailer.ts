import { join } from 'node:path';
import { FileMailer } from './file-mailer.js';
import type { Mailer } from './mailer.js';
import { SmtpMailer } from './smtp-mailer.js';

export interface CreateMailerOptions {
  /** Set in distributed mode (`smtp://` or `smtps://`); without it mail is kept in files, not sent. */
  smtpUrl?: string;
  /** The From address of every message. */
  from: string;
  /** The embedded data folder: mail goes to `<dataDir>/mail`, or stays in memory when it starts with `memory://`. */
  dataDir: string;
}

/** The SMTP mailer when `smtpUrl` is set, else the file mailer, whose `outbox` an admin route can list. */
export function createMailer(options: CreateMailerOptions): Mailer {
  if (options.smtpUrl) return new SmtpMailer({ url: options.smtpUrl, from: options.from });
  const folder = options.dataDir.startsWith('memory://') ? options.dataDir : join(options.dataDir, 'mail');
  return new FileMailer({ folder, from: options.from });
}
