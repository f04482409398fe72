import { useTranslation } from 'react-i18next';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Badge, ConfirmButton, EmptyState, Pager, ProblemAlert, ResourceView, useCursorPaging } from '../../../ui';
import { cancelAnnouncement, fetchAnnouncements, isFor, type Announcement, type Audience } from './announcements-api';

const TONE = { scheduled: undefined, sending: 'warning', sent: 'success', cancelled: 'danger' } as const;

/** The announcements written so far (to `audience` only, when given), with their status; scheduled ones can be cancelled. */
export function AnnouncementList({ audience, refresh }: { audience?: Audience; refresh: number }) {
  const { t, i18n } = useTranslation('notifications');
  const paging = useCursorPaging();
  const { cursor } = paging;
  const page = useResource(() => fetchAnnouncements(cursor ?? null), [cursor, refresh]);
  const cancelling = useAction();
  const when = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const cancel = (announcement: Announcement) => cancelling.run(async () => {
    await cancelAnnouncement(announcement.id);
    page.reload();
  });
  return (
    <section className="stack" aria-label={t('announcements.listTitle')}>
      <h2>{t('announcements.listTitle')}</h2>
      {cancelling.error ? <ProblemAlert error={cancelling.error} /> : null}
      <ResourceView resource={page}>
        {(loaded) => {
          const items = audience ? loaded.items.filter((item) => isFor(item, audience)) : loaded.items;
          return (
            <div className="stack">
              {items.length === 0 ? <EmptyState>{t('announcements.none')}</EmptyState> : (
                <ul className="stack" style={{ listStyle: 'none', padding: 0 }} data-testid="announcement-list">
                  {items.map((item) => (
                    <li key={item.id} className="card">
                      <div className="row">
                        <strong>{item.title}</strong>
                        <Badge tone={TONE[item.status]}>{t(`announcements.status.${item.status}`)}</Badge>
                      </div>
                      <p className="muted">
                        {'role' in item.audience ? t('announcements.toRole', { role: t(`announcements.roles.${item.audience.role}`) }) : t('announcements.toCourse')}
                        {' · '}
                        {item.status === 'sent' && item.sentAt ? t('announcements.sentAt', { when: when(item.sentAt), count: item.recipients ?? 0 }) : t('announcements.sendsAt', { when: when(item.sendAt) })}
                      </p>
                      <p>{item.body}</p>
                      {item.status === 'scheduled' ? (
                        <ConfirmButton label={t('announcements.cancel')} title={t('announcements.cancelTitle')} confirmLabel={t('announcements.cancelConfirm')}
                          small busy={cancelling.busy} onConfirm={() => cancel(item)}>{t('announcements.cancelBody', { title: item.title })}</ConfirmButton>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              <Pager paging={paging} nextCursor={loaded.nextCursor} label={t('announcements.pages')} />
            </div>
          );
        }}
      </ResourceView>
    </section>
  );
}
