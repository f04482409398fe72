import { randomUUID } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';

/** One e-mail to one recipient, as services hand it to the mailer. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers such as `List-Unsubscribe`; the standard ones (From, To, Subject, ...) win over these. */
  headers?: Record<string, string>;
  /**
   * The Message-ID to send under (with angle brackets), when the caller wants a resend after a crash to be
   * recognisable as the same message; else one is made up.
   */
  messageId?: string;
  /** groups messages, e.g. 'identity.verify-email' */
  category?: string;
  tenantId?: string;
}

/** What the mailer records about a message it has sent. */
export interface SentMail {
  /** `<ISO 8601 basic time>-<uuid>`, so ids sort by the time they were sent. */
  id: string;
  /** The Message-ID header, with its angle brackets. */
  messageId: string;
  to: string;
  subject: string;
  category: string | undefined;
  tenantId: string | undefined;
  sentAt: string;
}

/** Which kept messages `MailOutbox.list` returns. */
export interface MailOutboxQuery {
  tenantId?: string;
  /** At most this many, newest first. */
  limit: number;
  /** A cursor: only messages whose id sorts before this one (the last id of the previous page). */
  before?: string;
}

/** The messages a mailer has kept, for an admin view. */
export interface MailOutbox {
  list(query: MailOutboxQuery): Promise<SentMail[]>;
  /** The raw RFC 5322 message, or undefined when the id is unknown or not an id at all. */
  read(id: string): Promise<string | undefined>;
}

/** Sends e-mail: over SMTP in distributed mode, into files (or memory) in embedded mode. */
export interface Mailer {
  readonly kind: 'smtp' | 'file';
  /** Present on the file mailer only: an SMTP relay does not give back what it was sent. */
  readonly outbox?: MailOutbox;
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}

const MAIL_ID = /^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// RFC 5322 field-name: printable ASCII except the colon. Nodemailer quietly strips line breaks, spaces and
// colons from a bad name ('X-A\r\nBcc' goes out as 'X-Abcc'); refusing it tells the caller instead.
const FIELD_NAME = /^[!-9;-~]+$/;

/**
 * The basic ISO 8601 form (`20260101T120000.123Z`) rather than the extended one: it has no colons, which
 * Windows forbids in file names, and its fixed width keeps string order equal to time order.
 */
export function newMailId(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, '')}-${randomUUID()}`;
}

/** Whether `id` has the shape `newMailId` gives: the only check needed before using it in a file name. */
export function isMailId(id: string): boolean {
  return MAIL_ID.test(id);
}

/** The nodemailer form of a message, shared by both mailers so that both send the same bytes. */
export function toSendMailOptions(from: string, message: MailMessage, at: Date): SendMailOptions {
  for (const name of Object.keys(message.headers ?? {})) {
    if (!FIELD_NAME.test(name)) throw new TypeError(`Invalid mail header name: ${JSON.stringify(name)}`);
  }
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    date: at,
    ...(message.messageId ? { messageId: message.messageId } : {}),
  };
}

/** The record of a sent message. */
export function sentMail(id: string, messageId: string, message: MailMessage, at: Date): SentMail {
  return {
    id,
    messageId,
    to: message.to,
    subject: message.subject,
    category: message.category,
    tenantId: message.tenantId,
    sentAt: at.toISOString(),
  };
}
