import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { Button, ProblemAlert, toast } from '../../ui';
import type { User } from './types';

/** Sends an invited user a new link (the older ones stop working). */
export function ResendInvitation({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const { busy, error, run } = useAction();
  const resend = () => run(async () => {
    await unwrap(api.POST('/api/v1/users/{id}/invitation/resend', { params: { path: { id: user.id } } }));
    toast(t('users.resent', { email: user.email }));
  });
  return (
    <>
      <Button variant="secondary" small busy={busy} onClick={resend} aria-label={t('users.resendFor', { email: user.email })}>{t('users.resend')}</Button>
      <ProblemAlert error={error} />
    </>
  );
}
