import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../ui';
import { TENANT_ROLES, type TenantRole } from './types';

/** One checkbox per tenant role, in a fieldset named by `legend`. */
export function RoleChecks({ legend, value, onChange, hint }: { legend: string; value: TenantRole[]; onChange: (roles: TenantRole[]) => void; hint?: string }) {
  const { t } = useTranslation('admin');
  const toggle = (role: TenantRole) => onChange(value.includes(role) ? value.filter((held) => held !== role) : TENANT_ROLES.filter((r) => r === role || value.includes(r)));
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {hint ? <p className="hint" style={{ margin: 0 }}>{hint}</p> : null}
      <div className="check-grid">
        {TENANT_ROLES.map((role) => <CheckboxField key={role} label={t(`role.${role}`)} checked={value.includes(role)} onChange={() => toggle(role)} />)}
      </div>
    </fieldset>
  );
}

export function RoleList({ roles }: { roles: string[] }) {
  const { t } = useTranslation('admin');
  return <>{roles.map((role) => t(`role.${role}`)).join(', ')}</>;
}
