import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui';

/** The institution's short name, as on the sign-in page. */
export function TenantField({ value, onChange }: { value: string; onChange: (slug: string) => void }) {
  const { t } = useTranslation('auth');
  return (
    <TextField label={t('field.tenant')} name="tenant" value={value} onChange={(event) => onChange(event.target.value.trim().toLowerCase())}
      required autoComplete="organization" hint={t('field.tenantHint')} />
  );
}
