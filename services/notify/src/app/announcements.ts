import { randomUUID } from 'node:crypto';
import { AppError, type ServiceContext, type Tx } from '@tessera/platform';
import type { Announcement, AnnouncementInput } from '../contract/announcements.js';
import { claimDueAnnouncements, findAnnouncement, insertAnnouncement, listAnnouncements, setAnnouncementStatus, type AnnouncementRow } from '../db/announcement.repository.js';
import { audienceOf, isOpenCourse } from '../db/audience.repository.js';
import type { NotifyDatabase } from '../db/notify.table.js';
import { renderEmail } from '../domain/email-render.js';
import type { NotifyDeps } from './deps.js';
import { notifyUser } from './notify-user.js';
import { brandOf, settingsIn } from './settings.js';
import { decodeTimeId, timeIdPage } from './time-cursor.js';

/** Who writes: an instructor (their own announcements, to courses) or a tenant admin (any, to courses and roles). */
export interface Announcer {
  tenantId: string;
  userId: string;
  mayAnnounceToRoles: boolean;
  seesAll: boolean;
}

const YEAR_MS = 366 * 24 * 60 * 60_000;
const PAST_GRACE_MS = 60_000;
const ANNOUNCEMENTS_PER_RUN = 20;

/** Schedules an announcement (now by default); the job sends it when its time comes. */
export async function createAnnouncement(deps: NotifyDeps, who: Announcer, input: AnnouncementInput, now = new Date()): Promise<Announcement> {
  assertMayReach(who, input);
  const sendAt = sendTimeOf(input, now);
  const row = await deps.db.withTenant<NotifyDatabase, AnnouncementRow>(who.tenantId, async (tx) => insertAnnouncement(await courseChecked(tx, who.tenantId, input), {
    tenant_id: who.tenantId, id: randomUUID(), author_id: who.userId, course_id: 'courseId' in input.audience ? input.audience.courseId : null,
    role: 'role' in input.audience ? input.audience.role : null, category: input.category ?? 'course_updates', title: input.title, body: input.body,
    send_at: sendAt, status: 'scheduled',
  }));
  return toAnnouncement(row);
}

/** How many the announcement would reach now, and its email as they would read it (in the tenant's brand). */
export async function previewAnnouncement(deps: NotifyDeps, who: Announcer, input: AnnouncementInput, now = new Date()): Promise<{ recipients: number; email: { subject: string; text: string; html: string } }> {
  assertMayReach(who, input);
  sendTimeOf(input, now);
  return deps.db.withTenant<NotifyDatabase, { recipients: number; email: { subject: string; text: string; html: string } }>(who.tenantId, async (tx) => {
    await courseChecked(tx, who.tenantId, input);
    const audience = await audienceOf(tx, who.tenantId, { courseId: 'courseId' in input.audience ? input.audience.courseId : null, role: 'role' in input.audience ? input.audience.role : null });
    const settings = await settingsIn(deps, tx, who.tenantId);
    const url = 'courseId' in input.audience ? `${deps.config.TESSERA_PUBLIC_URL}/courses/${input.audience.courseId}` : null;
    const email = renderEmail([{ title: input.title, body: input.body, url }], {
      locale: 'en', brand: brandOf(settings), unsubscribeUrl: `${deps.config.TESSERA_PUBLIC_URL}/account/notifications`,
    });
    return { recipients: audience.length, email };
  });
}

export async function announcementsPage(deps: NotifyDeps, who: Announcer, query: { limit: number; cursor?: string | undefined }): Promise<{ items: Announcement[]; nextCursor: string | null }> {
  const before = query.cursor ? decodeTimeId(query.cursor) : undefined;
  const rows = await deps.db.withTenant<NotifyDatabase, AnnouncementRow[]>(who.tenantId, (tx) =>
    listAnnouncements(tx, who.tenantId, { limit: query.limit + 1, authorId: who.seesAll ? undefined : who.userId, before }));
  return timeIdPage(rows.map(toAnnouncement), query.limit);
}

export async function getAnnouncement(deps: NotifyDeps, who: Announcer, id: string): Promise<Announcement> {
  const row = await deps.db.withTenant<NotifyDatabase, AnnouncementRow | undefined>(who.tenantId, (tx) => findAnnouncement(tx, who.tenantId, id));
  return toAnnouncement(visibleTo(who, row, id));
}

/** Cancels a scheduled announcement; one already going out or sent cannot be (409). */
export async function cancelAnnouncement(deps: NotifyDeps, who: Announcer, id: string): Promise<Announcement> {
  return deps.db.withTenant<NotifyDatabase, Announcement>(who.tenantId, async (tx) => {
    const row = visibleTo(who, await findAnnouncement(tx, who.tenantId, id, true), id);
    if (row.status === 'cancelled') return toAnnouncement(row);
    if (row.status !== 'scheduled') {
      throw new AppError('conflict', 'NOTIFY.ANNOUNCEMENT_SENT', `This announcement is ${row.status === 'sent' ? 'sent' : 'going out'} already and cannot be cancelled`);
    }
    await setAnnouncementStatus(tx, who.tenantId, id, { status: 'cancelled' });
    return toAnnouncement({ ...row, status: 'cancelled' });
  });
}

/**
 * Sends the announcements whose time came, in every database: each recipient gets it as a notification (and on
 * the channels they chose for its category), keyed by the announcement so a retry after a crash sends no one a
 * second copy. Returns how many announcements went out.
 */
export async function sendDueAnnouncements(deps: NotifyDeps & Pick<ServiceContext, 'tenantDatabases'>, now = new Date()): Promise<number> {
  let sent = 0;
  for (const database of [deps.db, ...await deps.tenantDatabases.openAll()]) {
    const claimed = await database.withSystem<NotifyDatabase, Array<{ tenantId: string; id: string }>>((tx) => claimDueAnnouncements(tx, now, ANNOUNCEMENTS_PER_RUN));
    for (const { tenantId, id } of claimed) {
      try {
        await sendAnnouncement(deps, tenantId, id, now);
        sent += 1;
      } catch (error) {
        // Left `sending`: once its claim expires the next run takes it over, and recipients already told are skipped.
        deps.logger.warn({ err: error, announcementId: id }, 'could not send an announcement');
      }
    }
  }
  return sent;
}

async function sendAnnouncement(deps: NotifyDeps, tenantId: string, id: string, now: Date): Promise<void> {
  const found = await deps.db.withTenant<NotifyDatabase, { row: AnnouncementRow; userIds: string[] } | undefined>(tenantId, async (tx) => {
    const row = await findAnnouncement(tx, tenantId, id);
    return row ? { row, userIds: await audienceOf(tx, tenantId, { courseId: row.course_id, role: row.role }) } : undefined;
  });
  if (!found || found.row.status !== 'sending') return;
  const { row, userIds } = found;
  for (const userId of userIds) {
    await notifyUser(deps, tenantId, {
      userId, category: row.category, kind: 'announcement', title: row.title, body: row.body,
      link: row.course_id ? `/courses/${row.course_id}` : null, sourceKey: `announcement:${row.id}`, at: now,
    });
  }
  await deps.db.withTenant<NotifyDatabase, void>(tenantId, (tx) => setAnnouncementStatus(tx, tenantId, id, { status: 'sent', recipients: userIds.length, sent_at: new Date() }));
}

function assertMayReach(who: Announcer, input: AnnouncementInput): void {
  if ('role' in input.audience && !who.mayAnnounceToRoles) {
    throw new AppError('forbidden', 'NOTIFY.ROLE_AUDIENCE_ADMIN_ONLY', 'Only tenant admins may announce to everyone holding a role; announce to a course instead');
  }
}

/** The transaction, once the course named is one of the tenant's open courses (another tenant's is unknown here: 404). */
async function courseChecked(tx: Tx<NotifyDatabase>, tenantId: string, input: AnnouncementInput): Promise<Tx<NotifyDatabase>> {
  if ('courseId' in input.audience && !await isOpenCourse(tx, tenantId, input.audience.courseId)) {
    throw new AppError('not_found', 'NOTIFY.COURSE_NOT_FOUND', `No open course ${input.audience.courseId}`, {
      errors: [{ pointer: '/body/audience/courseId', detail: 'is not a published course of this institution' }],
    });
  }
  return tx;
}

function sendTimeOf(input: AnnouncementInput, now: Date): Date {
  if (input.sendAt === undefined) return now;
  const at = new Date(input.sendAt);
  if (at.getTime() < now.getTime() - PAST_GRACE_MS || at.getTime() > now.getTime() + YEAR_MS) {
    throw new AppError('invalid', 'NOTIFY.SEND_TIME_OUT_OF_RANGE', 'Choose a time from now to a year ahead', {
      errors: [{ pointer: '/body/sendAt', detail: 'must be between now and a year ahead' }],
    });
  }
  return at;
}

/** Instructors see their own announcements only: anyone else's is as unknown as another tenant's (404). */
function visibleTo(who: Announcer, row: AnnouncementRow | undefined, id: string): AnnouncementRow {
  if (!row || (!who.seesAll && row.author_id !== who.userId)) throw new AppError('not_found', 'NOTIFY.ANNOUNCEMENT_NOT_FOUND', `No announcement ${id}`);
  return row;
}

function toAnnouncement(row: AnnouncementRow): Announcement {
  return {
    id: row.id, authorId: row.author_id, audience: row.course_id ? { courseId: row.course_id } : { role: row.role as 'student' },
    category: row.category, title: row.title, body: row.body, sendAt: new Date(row.send_at).toISOString(), status: row.status,
    recipients: row.recipients, createdAt: new Date(row.created_at).toISOString(), sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}
