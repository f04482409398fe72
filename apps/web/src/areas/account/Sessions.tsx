import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { asApiError, type ApiError } from '../../api/problem';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { endSession } from '../../auth/session';
import { Badge, Button, ConfirmButton, DataTable, EmptyState, PageHeader, ProblemAlert, ResourceView, toast } from '../../ui';
import { AccountNav } from './AccountNav';
import { deviceName } from './device-name';
import type { AccountSession } from './types';

/** The devices signed in to the account: sign one out, or all of them. */
export default function Sessions() {
  const { t, i18n } = useTranslation('account');
  const navigate = useNavigate();
  const sessions = useResource(async () => (await unwrap(api.GET('/api/v1/me/sessions'))).items, []);
  const [rowError, setRowError] = useState<ApiError | null>(null);
  const everywhere = useAction();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const signOutDevice = async (session: AccountSession) => {
    setRowError(null);
    // Optimistic: the row goes at once and comes back if the server refuses.
    sessions.update((items) => items.filter((item) => item.id !== session.id));
    try {
      await unwrap(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id: session.id } } }));
      toast(t('sessions.signedOut'));
    } catch (error) {
      setRowError(asApiError(error));
      sessions.reload();
    }
  };

  const signOutEverywhere = () => everywhere.run(async () => {
    await unwrap(api.POST('/api/v1/auth/sign-out', { body: { everywhere: true } }));
    endSession();
    navigate('/sign-in', { replace: true });
  });

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} />
      <AccountNav />
      <ProblemAlert error={rowError ?? everywhere.error} />
      <ResourceView resource={sessions}>
        {(items) => items.length === 0 ? <EmptyState>{t('sessions.none')}</EmptyState> : (
          <DataTable caption={t('sessions.caption')} columns={[t('sessions.device'), t('sessions.signedIn'), t('sessions.lastUsed'), t('sessions.method'), <span className="sr-only">{t('sessions.actions')}</span>]}>
            {items.map((session) => {
              const device = describe(session, t);
              return (
                <tr key={session.id}>
                  <td>
                    {device}
                    {session.current ? <> <Badge tone="success">{t('sessions.thisDevice')}</Badge></> : null}
                    {session.ip ? <div className="muted">{session.ip}</div> : null}
                  </td>
                  <td>{when.format(new Date(session.createdAt))}</td>
                  <td>{when.format(new Date(session.lastUsedAt))}</td>
                  <td>{methods(session.methods, t)}</td>
                  <td>
                    {session.current ? null : (
                      <Button variant="secondary" small onClick={() => signOutDevice(session)} aria-label={t('sessions.signOutDeviceNamed', { device })}>
                        {t('sessions.signOutDevice')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </ResourceView>
      <section>
        <h2>{t('sessions.everywhereTitle')}</h2>
        <p>{t('sessions.everywhereText')}</p>
        <ConfirmButton label={t('sessions.everywhere')} title={t('sessions.everywhereTitle')} confirmLabel={t('sessions.everywhere')}
          busy={everywhere.busy} onConfirm={signOutEverywhere}>
          {t('sessions.everywhereConfirm')}
        </ConfirmButton>
      </section>
    </>
  );
}

function describe(session: AccountSession, t: (key: string, options?: Record<string, string>) => string): string {
  const device = deviceName(session.userAgent);
  if (!device) return t('sessions.unknownDevice');
  return device.browser && device.system ? t('sessions.browserOn', { browser: device.browser, system: device.system }) : device.browser || device.system;
}

function methods(list: string[], t: (key: string) => string): string {
  const named = list.map((method) => ({ pwd: t('sessions.methodPassword'), otp: t('sessions.methodApp'), mfa: t('sessions.methodTwoStep'), fed: t('sessions.methodSso') })[method] ?? method);
  return [...new Set(named)].join(', ');
}
