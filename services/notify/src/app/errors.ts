import { AppError } from '@tessera/platform';

/** The notify service's errors, with stable codes. */
export const notifyErrors = {
  notificationNotFound: (id: string) => new AppError('not_found', 'NOTIFY.NOTIFICATION_NOT_FOUND', `No notification ${id}`),
  stalePreferences: (current: number) =>
    new AppError('precondition_failed', 'NOTIFY.PREFERENCES_CHANGED', `Your preferences changed meanwhile (now version ${current}): read them again`),
  unknownTimeZone: (zone: string) => new AppError('invalid', 'NOTIFY.TIME_ZONE_UNKNOWN', `${zone} is not a time zone`, {
    errors: [{ pointer: '/body/timeZone', detail: 'must be an IANA time zone, e.g. Europe/Paris' }],
  }),
  staleSettings: (current: number) =>
    new AppError('precondition_failed', 'NOTIFY.SETTINGS_CHANGED', `The tenant's notification settings changed meanwhile (now version ${current}): read them again`),
  badUnsubscribeLink: () => new AppError('not_found', 'NOTIFY.UNSUBSCRIBE_LINK_INVALID', 'This unsubscribe link is not valid: use the link of a recent email, or change your preferences after signing in'),
  pushSubscriptionNotFound: (id: string) => new AppError('not_found', 'NOTIFY.PUSH_SUBSCRIPTION_NOT_FOUND', `No push subscription ${id}`),
  badPushSubscription: (errors: Array<{ pointer: string; detail: string }>) =>
    new AppError('invalid', 'NOTIFY.PUSH_SUBSCRIPTION_INVALID', 'This is not a push subscription the server can send to', { errors }),
} as const;
