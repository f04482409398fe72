import type { ServiceContext, ServiceJob } from '@tessera/platform';
import { sendDueAnnouncements } from './announcements.js';
import type { NotifyDeps } from './deps.js';
import { sendDueReminders } from './reminders.js';

export const SCHEDULED_EVERY_MS = 15_000;

/** Sends what was scheduled: announcements whose time came and "exam tomorrow" reminders. */
export function scheduledNoticesJob(deps: NotifyDeps & Pick<ServiceContext, 'tenantDatabases'>): ServiceJob {
  return {
    name: 'notify.send-scheduled',
    everyMs: SCHEDULED_EVERY_MS,
    run: async () => {
      await sendDueAnnouncements(deps);
      await sendDueReminders(deps);
    },
  };
}
