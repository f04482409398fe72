/** One text message to send. */
export interface SmsMessage {
  /** The recipient, in E.164. */
  to: string;
  body: string;
  /** Our id for the message (the delivery's): a provider that supports it recognises a resend of the same message. */
  reference: string;
}

/**
 * A service that sends SMS. `send` resolves with the provider's id for the accepted message (its delivery
 * receipts name it), throws a `PermanentSendError` for a refusal retrying cannot change (an invalid or
 * unsubscribed number), and any other error for what may pass (rate limits, outages, the network).
 */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerRef: string }>;
}
