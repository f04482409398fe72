import { useTranslation } from 'react-i18next';
import { Button, type CursorPaging } from '../../../ui';

/** Previous and next page of a cursor-paged table (both shown, each disabled at its end). */
export function PageButtons({ paging, nextCursor }: { paging: CursorPaging; nextCursor: string | null }) {
  const { t } = useTranslation('instructor');
  return (
    <div className="row">
      <Button variant="secondary" disabled={paging.page === 1} onClick={paging.previous}>{t('shared.previous')}</Button>
      <Button variant="secondary" disabled={!nextCursor} onClick={() => nextCursor && paging.next(nextCursor)}>{t('shared.next')}</Button>
    </div>
  );
}
