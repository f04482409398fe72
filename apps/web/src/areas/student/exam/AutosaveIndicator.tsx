import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../ui';
import { useFormat } from '../components/format';
import type { SaveStatus } from './autosave';

const TROUBLE: readonly SaveStatus['kind'][] = ['retrying', 'closed', 'rejected'];

/**
 * Where the answers stand: saving, saved (when), offline and retrying, or refused. Shown all the time;
 * screen readers hear only trouble and the recovery from it, not every save while typing.
 */
export function AutosaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation('student');
  const common = useTranslation();
  const format = useFormat();
  const troubled = useRef(false);
  const text = (() => {
    switch (status.kind) {
      case 'idle': return t('autosave.idle');
      case 'pending': return t('autosave.pending');
      case 'saving': return t('autosave.saving');
      case 'saved': return t('autosave.saved', { when: format.time(status.at) });
      case 'retrying': return status.offline ? t('autosave.offline') : t('autosave.retrying');
      case 'closed': return t('autosave.closed');
      case 'rejected': return t('autosave.rejected', { reason: problemText(status.error.problem, common.t) });
    }
  })();
  const trouble = TROUBLE.includes(status.kind);
  const recovered = status.kind === 'saved' && troubled.current;
  if (trouble) troubled.current = true;
  else if (status.kind === 'saved') troubled.current = false;
  const tone = trouble ? 'warn' : status.kind === 'saved' ? 'ok' : '';
  return (
    <>
      <p className={`autosave ${tone}`} data-state={status.kind} data-testid="autosave">{text}</p>
      <p className="sr-only" role="status" aria-live="polite">{trouble || recovered ? text : ''}</p>
    </>
  );
}
