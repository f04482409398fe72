import { useTranslation } from 'react-i18next';
import { useResource } from '../../../api/use-resource';
import { Card, EmptyState, Pager, ResourceView, useCursorPaging } from '../../../ui';
import { fetchMyPayouts } from '../billing-api';
import { PayoutTable } from '../payouts-table';

/** The instructor's payouts, newest first, each opening its statement. */
export function PayoutList() {
  const { t } = useTranslation('billing');
  const paging = useCursorPaging();
  const payouts = useResource(() => fetchMyPayouts(paging.cursor), [paging.cursor]);
  return (
    <Card title={t('payouts.title')}>
      <ResourceView resource={payouts}>
        {(page) => (
          <div className="stack">
            {page.items.length === 0 ? <EmptyState>{t('payouts.none')}</EmptyState> : <PayoutTable payouts={page.items} caption={t('payouts.caption')} />}
            <Pager paging={paging} nextCursor={page.nextCursor} label={t('payouts.pages')} />
          </div>
        )}
      </ResourceView>
    </Card>
  );
}
