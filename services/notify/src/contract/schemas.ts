import { Type, type Static, type TOptional, type TSchema } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const CATEGORIES = ['results', 'reminders', 'billing', 'course_updates', 'marketing', 'grading'] as const;
export type Category = (typeof CATEGORIES)[number];
export const Category = Type.Union([
  Type.Literal('results'), Type.Literal('reminders'), Type.Literal('billing'), Type.Literal('course_updates'), Type.Literal('marketing'), Type.Literal('grading'),
]);

export const Notification = Type.Object({
  id: Uuid,
  category: Category,
  kind: Type.String({ description: 'what happened, e.g. result.ready, review.due, enrollment.active' }),
  title: Type.String(),
  body: Type.String(),
  link: Nullable(Type.String({ description: 'where the web app shows what it is about' })),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});
export type Notification = Static<typeof Notification>;

export const NotificationQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'The `nextCursor` of the previous page' })),
  unread: Type.Optional(Type.Boolean({ description: 'only the unread ones' })),
});

export const UnreadCount = Type.Object({ unread: Type.Integer({ minimum: 0 }) });
export const Marked = Type.Object({ marked: Type.Integer({ minimum: 0 }), unread: Type.Integer({ minimum: 0 }) });

export const ChannelChoice = Type.Object({
  inApp: Type.Boolean(),
  email: Type.Boolean(),
  push: Type.Boolean(),
  sms: Type.Boolean(),
});
export type ChannelChoice = Static<typeof ChannelChoice>;

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour, in the user\'s time zone' });
export const QuietHours = Type.Object({ start: ClockTime, end: ClockTime }, { description: 'no email, push or SMS between these times (in-app still arrives)' });
export type QuietHours = Static<typeof QuietHours>;

export const Digest = Type.Union([Type.Literal('immediate'), Type.Literal('daily'), Type.Literal('weekly')]);
export type Digest = Static<typeof Digest>;

/** A user's notification preferences (ETag: `version`). */
export const Preferences = Type.Object({
  categories: Type.Object(Object.fromEntries(CATEGORIES.map((category) => [category, ChannelChoice])) as Record<Category, typeof ChannelChoice>),
  quietHours: Nullable(QuietHours),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'an IANA time zone, e.g. Europe/Paris' }),
  digest: Digest,
  version: Type.Integer({ minimum: 1 }),
});
export type Preferences = Static<typeof Preferences>;

const ChannelChange = Type.Partial(ChannelChoice, { additionalProperties: false });

/** Body of `PUT /notifications/preferences` (If-Match: the version read). */
export const PreferencesInput = Type.Object({
  categories: Type.Optional(Type.Object(Object.fromEntries(CATEGORIES.map((category) => [category, Type.Optional(ChannelChange)])) as Record<Category, TOptional<typeof ChannelChange>>, { additionalProperties: false })),
  quietHours: Type.Optional(Nullable(QuietHours)),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  digest: Type.Optional(Digest),
}, { additionalProperties: false });
export type PreferencesInput = Static<typeof PreferencesInput>;

export const DeliveryStatus = Type.Union([
  Type.Literal('queued'), Type.Literal('held'), Type.Literal('sent'), Type.Literal('delivered'), Type.Literal('bounced'), Type.Literal('failed'),
], { description: 'queued: to go out now; held: for quiet hours, a digest or the tenant\'s send rate; sent: handed over; delivered: the provider confirmed it; bounced: refused for good; failed: every try failed' });

/** One channel's delivery of one notification, as the admins' log shows it. */
export const Delivery = Type.Object({
  id: Uuid,
  notificationId: Uuid,
  userId: Uuid,
  channel: Type.Union([Type.Literal('email'), Type.Literal('push'), Type.Literal('sms')]),
  status: DeliveryStatus,
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
  notBefore: Nullable(DateTime),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
});
export type Delivery = Static<typeof Delivery>;

export const DeliveryQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
  status: Type.Optional(DeliveryStatus),
});

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 10, maxLength: 400 }) });
export const Unsubscribed = Type.Object({ category: Category, email: Type.Literal(false) });

const HexColor = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'e.g. #4338ca' });

/** What a tenant sends with: the brand on its emails and its send-rate limit (ETag: `version`). */
export const NotifySettings = Type.Object({
  sendsPerMinute: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'email, push and SMS messages per minute; null: the platform\'s limit' })),
  effectiveSendsPerMinute: Type.Integer({ minimum: 1, description: 'the limit in force' }),
  brandName: Nullable(Type.String({ minLength: 1, maxLength: 120, description: 'signs the emails; null: Tessera' })),
  brandColor: Nullable(HexColor),
  brandLogoUrl: Nullable(Type.String({ format: 'uri', pattern: '^https://', maxLength: 500 })),
  emailFooter: Nullable(Type.String({ maxLength: 500, description: 'a line under each email, e.g. the postal address' })),
  version: Type.Integer({ minimum: 1 }),
});
export type NotifySettings = Static<typeof NotifySettings>;

/** Body of `PUT /admin/notifications/settings` (If-Match: the version read); only what it names changes. */
export const NotifySettingsInput = Type.Partial(Type.Omit(NotifySettings, ['version', 'effectiveSendsPerMinute']), { additionalProperties: false });
export type NotifySettingsInput = Static<typeof NotifySettingsInput>;
