import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../api/download';
import './identity.css';
import { Alert, Button, CopyButton } from '../../../ui';

/** Recovery codes, shown once: each replaces an authenticator code one time. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const { t } = useTranslation('auth');
  const text = codes.join('\n');
  return (
    <div className="stack">
      <Alert tone="warning">{t('recovery.onlyOnce')}</Alert>
      <ol className="recovery-codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => <li key={code}><code>{code}</code></li>)}
      </ol>
      <div className="row">
        <CopyButton text={text} label={t('recovery.copy')} />
        <Button variant="secondary" small onClick={() => saveBlob(new Blob([`${text}\n`], { type: 'text/plain' }), 'tessera-recovery-codes.txt')}>
          {t('recovery.download')}
        </Button>
      </div>
    </div>
  );
}
