import { useTranslation } from 'react-i18next';
import './identity.css';
import type { paths } from '../../../api/openapi';
import { CopyButton } from '../../../ui';

export type TotpEnrolment = paths['/api/v1/me/mfa/totp']['post']['responses'][201]['content']['application/json'];

/** The base32 secret in groups of four, easier to read off and type into an app. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * How to add the account to an authenticator app: the otpauth link (opens the app on a phone) and the key
 * to type in by hand. No QR code library ships with the app, so there is no QR image.
 */
export function AuthenticatorSecret({ enrolment }: { enrolment: TotpEnrolment }) {
  const { t } = useTranslation('auth');
  return (
    <div className="stack">
      <ol>
        <li>{t('authenticator.stepApp')}</li>
        <li>{t('authenticator.stepAdd')}</li>
        <li>{t('authenticator.stepCode')}</li>
      </ol>
      <p><a href={enrolment.otpauthUri}>{t('authenticator.openLink')}</a></p>
      <dl className="key-value">
        <dt>{t('authenticator.issuer')}</dt>
        <dd>{enrolment.issuer}</dd>
        <dt>{t('authenticator.key')}</dt>
        <dd className="row">
          <code className="secret-key">{groupedSecret(enrolment.secret)}</code>
          <CopyButton text={enrolment.secret} label={t('authenticator.copyKey')} />
        </dd>
      </dl>
      <p className="muted">{t('authenticator.keyHint')}</p>
    </div>
  );
}
