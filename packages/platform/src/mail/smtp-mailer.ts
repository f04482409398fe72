import nodemailer, { type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import { newMailId, sentMail, toSendMailOptions, type Mailer, type MailMessage, type SentMail } from './mailer.js';

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (upgraded with STARTTLS when the server offers it) or `smtps://user:pass@host:465`. */
  url: string;
  /** The From address, e.g. `Tessera <no-reply@example.org>`. */
  from: string;
}

/** The distributed-mode mailer: sends through an SMTP relay over a small pool of reused connections. */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter<SMTPPoolSentMessageInfo>;

  constructor(private readonly options: SmtpMailerOptions) {
    const scheme = schemeOf(options.url);
    // Only the scheme goes into the message: the URL may carry the relay's password.
    if (scheme !== 'smtp:' && scheme !== 'smtps:') throw new Error(`SMTP URL must start with smtp:// or smtps://, got ${scheme}`);
    // Connects on the first send, so a process starts even while the relay is down.
    this.transport = nodemailer.createTransport({ url: options.url, pool: true });
  }

  async send(message: MailMessage): Promise<SentMail> {
    const at = new Date();
    const info = await this.transport.sendMail(toSendMailOptions(this.options.from, message, at));
    return sentMail(newMailId(at), info.messageId, message, at);
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '(an invalid URL)';
  }
}
