import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useResource } from '../../../api/use-resource';
import { Badge, DataTable, EmptyState, PageHeader, Pager, ResourceView, SelectField, useCursorPaging } from '../../../ui';
import { absoluteTime } from '../relative-time';
import '../notifications.css';
import { DELIVERY_STATUSES, fetchDeliveries, type Delivery, type DeliveryStatus } from './admin-api';
import { AdminNav } from './AdminNav';

const PAGE_SIZE = 25;

/** What each status means to an admin: done, waiting, or needs a look. */
const TONES: Record<DeliveryStatus, 'success' | 'warning' | 'danger' | undefined> = {
  queued: undefined, held: 'warning', sent: 'success', delivered: 'success', bounced: 'danger', failed: 'danger',
};

/** `/admin/notifications/deliveries`: every email, push and SMS the tenant sent or is about to, newest first. */
export default function DeliveryLog() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const wanted = params.get('status') ?? '';
  const status = DELIVERY_STATUSES.find((value) => value === wanted);
  const paging = useCursorPaging();
  const deliveries = useResource(() => fetchDeliveries({ limit: PAGE_SIZE, cursor: paging.cursor, status }), [paging.cursor, status]);

  const filter = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('status', value);
    else next.delete('status');
    setParams(next, { replace: true });
    paging.reset();
  };

  return (
    <>
      <PageHeader title={t('admin.deliveries.title')} description={t('admin.deliveries.description')} />
      <AdminNav />
      <form role="search" aria-label={t('admin.deliveries.filters')} className="filters card" onSubmit={(event) => event.preventDefault()} style={{ marginBottom: 'var(--space-4)' }}>
        <SelectField label={t('admin.deliveries.status')} value={status ?? ''} onChange={(event) => filter(event.target.value)}
          options={[{ value: '', label: t('admin.deliveries.anyStatus') }, ...DELIVERY_STATUSES.map((value) => ({ value, label: t(`deliveryStatus.${value}`) }))]} />
      </form>
      <ResourceView resource={deliveries}>
        {(page) => (
          <>
            {page.items.length === 0
              ? <EmptyState>{status ? t('admin.deliveries.noMatch') : t('admin.deliveries.none')}</EmptyState>
              : <DeliveryTable deliveries={page.items} />}
            <Pager paging={paging} nextCursor={page.nextCursor} label={t('admin.deliveries.pages')} />
          </>
        )}
      </ResourceView>
    </>
  );
}

function DeliveryTable({ deliveries }: { deliveries: Delivery[] }) {
  const { t, i18n } = useTranslation('notifications');
  const when = (iso: string | null) => (iso ? absoluteTime(iso, i18n.language) : '—');
  return (
    <DataTable caption={t('admin.deliveries.caption')} columns={[
      t('admin.deliveries.channel'), t('admin.deliveries.status'), t('admin.deliveries.attempts'), t('admin.deliveries.lastError'),
      t('admin.deliveries.created'), t('admin.deliveries.sent'), t('admin.deliveries.notBefore'),
    ]}>
      {deliveries.map((delivery) => (
        <tr key={delivery.id} data-testid="delivery">
          <td>{t(`channel.${delivery.channel}`)}</td>
          <td><Badge tone={TONES[delivery.status]}>{t(`deliveryStatus.${delivery.status}`)}</Badge></td>
          <td>{delivery.attempts}</td>
          <td className="delivery-error">{delivery.lastError ?? '—'}</td>
          <td>{when(delivery.createdAt)}</td>
          <td>{when(delivery.sentAt)}</td>
          <td>{when(delivery.notBefore)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
