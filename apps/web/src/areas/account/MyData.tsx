import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { saveBlob } from '../../api/download';
import { useAction } from '../../api/use-action';
import { useSession } from '../../auth/use-session';
import { Button, Card, PageHeader, ProblemAlert } from '../../ui';
import { AccountNav } from './AccountNav';

/** Download everything Tessera holds about the signed-in person (GDPR access / portability). */
export default function MyData() {
  const { t } = useTranslation('account');
  const session = useSession();
  const { busy, error, run } = useAction();
  const download = () => run(async () => {
    const blob = await unwrap(api.GET('/api/v1/me/export', { parseAs: 'blob' }));
    saveBlob(blob as Blob, `tessera-account-${session?.userId ?? 'me'}.json`);
  });
  return (
    <>
      <PageHeader title={t('data.title')} description={t('data.description')} />
      <AccountNav />
      <Card title={t('data.exportTitle')}>
        <p>{t('data.exportText')}</p>
        <ProblemAlert error={error} />
        <Button busy={busy} onClick={download}>{t('data.download')}</Button>
      </Card>
    </>
  );
}
