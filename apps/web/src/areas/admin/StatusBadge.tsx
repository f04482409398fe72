import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui';

const TONES = { active: 'success', invited: 'warning', deactivated: 'danger', suspended: 'danger', provisioning: 'warning', deleted: 'danger', revoked: 'danger', expired: 'warning' } as const;

/** A user's, tenant's or key's status in words, coloured by what it means. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('admin');
  return <Badge tone={TONES[status as keyof typeof TONES]}>{t(`status.${status}`)}</Badge>;
}
