import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the sink has received: each recipient's first message time (epoch ms), and every message. */
interface Received {
  at: Map<string, number>;
  messages: number;
}

/** A local SMTP server that accepts every message and notes when each recipient's arrived. */
export class SmtpSink {
  private constructor(private readonly server: SMTPServer, private readonly received: Received, readonly port: number) {}

  static async start(): Promise<SmtpSink> {
    const received: Received = { at: new Map(), messages: 0 };
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      // Far above the mailer's pool: the sink must never be what limits the rate.
      maxClients: 1_000,
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          const at = Date.now();
          received.messages++;
          for (const { address } of session.envelope.rcptTo) if (!received.at.has(address)) received.at.set(address, at);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new SmtpSink(server, received, (server.server.address() as AddressInfo).port);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Recipient address → when its first message was received in full (epoch ms). */
  get receivedAt(): ReadonlyMap<string, number> {
    return this.received.at;
  }

  get messages(): number {
    return this.received.messages;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
