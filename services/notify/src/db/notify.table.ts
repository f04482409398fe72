import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Category, ChannelChoice, Digest, QuietHours } from '../contract/schemas.js';

export interface NotificationsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  category: Category;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  source_key: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: Date | null;
  in_app: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PreferencesTable {
  tenant_id: string;
  user_id: string;
  channels: JSONColumnType<Record<Category, ChannelChoice>, string, string>;
  quiet_hours: JSONColumnType<QuietHours | null, string | null, string | null>;
  time_zone: string;
  digest: Digest;
  version: number;
  updated_at: Generated<Date>;
}

export interface RecipientsTable {
  tenant_id: string;
  user_id: string;
  email: string;
  name: string;
  locale: string;
  time_zone: string;
  active: boolean;
  roles: Generated<string[]>;
}

export type DeliveryStatus = 'queued' | 'held' | 'sent' | 'delivered' | 'bounced' | 'failed';

export interface DeliveriesTable {
  tenant_id: string;
  id: string;
  notification_id: string;
  user_id: string;
  channel: 'email' | 'push' | 'sms';
  status: DeliveryStatus;
  attempts: Generated<number>;
  last_error: string | null;
  not_before: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  sent_at: Date | null;
  provider_ref: Generated<string | null>;
}

export interface TenantSettingsTable {
  tenant_id: string;
  sends_per_minute: number | null;
  brand_name: string | null;
  brand_color: string | null;
  brand_logo_url: string | null;
  email_footer: string | null;
  version: number;
  updated_at: Generated<Date>;
}

export interface PushSubscriptionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_success_at: Date | null;
}

export interface PhoneNumbersTable {
  tenant_id: string;
  user_id: string;
  phone: string;
  verified_at: Date | null;
  code_hash: string | null;
  code_expires_at: Date | null;
  code_attempts: Generated<number>;
  codes_sent_at: Generated<Date[]>;
  updated_at: Generated<Date>;
}

export interface SigningKeysTable {
  id: string;
  key: string;
}

export interface AnnouncementsTable {
  tenant_id: string;
  id: string;
  author_id: string;
  course_id: string | null;
  role: string | null;
  category: Category;
  title: string;
  body: string;
  send_at: Date;
  status: 'scheduled' | 'sending' | 'sent' | 'cancelled';
  claimed_at: Date | null;
  recipients: number | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface CourseMembersTable {
  tenant_id: string;
  course_id: string;
  user_id: string;
}

export interface ExamsTable {
  tenant_id: string;
  exam_id: string;
  course_id: string;
  version: number;
  title: string;
  opens_at: Date | null;
  published_by: string | null;
  remind_at: Date | null;
  reminded_at: Date | null;
}

export interface CoursesTable {
  tenant_id: string;
  course_id: string;
  title: string;
  archived: boolean;
}

export interface ExamTakersTable {
  tenant_id: string;
  exam_id: string;
  user_id: string;
}

export interface NotifyDatabase {
  'notify.notifications': NotificationsTable;
  'notify.preferences': PreferencesTable;
  'notify.recipients': RecipientsTable;
  'notify.deliveries': DeliveriesTable;
  'notify.signing_keys': SigningKeysTable;
  'notify.tenant_settings': TenantSettingsTable;
  'notify.announcements': AnnouncementsTable;
  'notify.course_members': CourseMembersTable;
  'notify.exams': ExamsTable;
  'notify.exam_takers': ExamTakersTable;
  'notify.courses': CoursesTable;
  'notify.phone_numbers': PhoneNumbersTable;
  'notify.push_subscriptions': PushSubscriptionsTable;
}
