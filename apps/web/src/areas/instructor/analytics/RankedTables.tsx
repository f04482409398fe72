import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HardItem, StrugglingStudent } from '../../../analytics/analytics-api';
import { useAnalyticsFormat } from '../../../analytics/format';
import { DataTable, EmptyState } from '../../../ui';

/** Students with the lowest share of correct answers (the service ranks only those with three answers or more). */
export function StrugglingTable({ items, nameOf }: { items: StrugglingStudent[]; nameOf: (userId: string) => string }) {
  const { t } = useTranslation('analytics');
  const format = useAnalyticsFormat();
  if (items.length === 0) return <EmptyState>{t('course.noStruggling')}</EmptyState>;
  return (
    <DataTable caption={t('course.strugglingHeading')} columns={[t('course.column.student'), t('course.column.attempts'), t('course.column.correctRate'), t('course.column.timeOnTask'), t('course.column.lastSeen')]}>
      {items.map((student) => (
        <tr key={student.userId} data-testid="struggling-student">
          <th scope="row">{nameOf(student.userId)}</th>
          <td>{format.count(student.attempts)}</td>
          <td>{format.share(student.correctRate)}</td>
          <td>{format.duration(student.timeOnTaskMs)}</td>
          <td>{format.dateTime(student.lastSeen)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Questions answered wrongly most often, each leading to the item bank's editor. */
export function HardestItemsTable({ items, titleOf }: { items: HardItem[]; titleOf: (itemId: string) => string }) {
  const { t } = useTranslation('analytics');
  const format = useAnalyticsFormat();
  if (items.length === 0) return <EmptyState>{t('course.noHardest')}</EmptyState>;
  return (
    <DataTable caption={t('course.hardestHeading')} columns={[t('course.column.item'), t('course.column.attempts'), t('course.column.correctRate'), t('course.column.meanLatency')]}>
      {items.map((item) => (
        <tr key={item.itemId} data-testid="hard-item">
          <th scope="row"><Link to={`/teach/items/${item.itemId}`}>{titleOf(item.itemId)}</Link></th>
          <td>{format.count(item.attempts)}</td>
          <td>{format.share(item.correctRate)}</td>
          <td>{format.duration(item.meanLatencyMs)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
