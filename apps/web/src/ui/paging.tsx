import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './controls';

/** Cursor paging as the API does it (`nextCursor`): a stack of the cursors that led to the current page. */
export function useCursorPaging() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const next = useCallback((cursor: string) => setCursors((stack) => [...stack, cursor]), []);
  const previous = useCallback(() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  return { cursor: cursors[cursors.length - 1], page: cursors.length, next, previous, reset };
}

export type CursorPaging = ReturnType<typeof useCursorPaging>;

/** Previous / next page of a cursor-paged list; hidden while everything fits on the first page. */
export function Pager({ paging, nextCursor, label }: { paging: CursorPaging; nextCursor: string | null; label: string }) {
  // Its words are the auth catalog's `paging.*` (common.json has none yet).
  const { t } = useTranslation();
  if (paging.page === 1 && !nextCursor) return null;
  return (
    <nav className="row" aria-label={label}>
      <Button variant="secondary" small disabled={paging.page === 1} onClick={paging.previous}>{t('paging.previous')}</Button>
      <span aria-live="polite">{t('paging.page', { page: paging.page })}</span>
      <Button variant="secondary" small disabled={!nextCursor} onClick={() => nextCursor && paging.next(nextCursor)}>{t('paging.next')}</Button>
    </nav>
  );
}
