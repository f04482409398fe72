import { useTranslation } from 'react-i18next';
import { api, API_ORIGIN, unwrap } from '../../api/client';
import { ApiError, toProblem } from '../../api/problem';
import { useResource } from '../../api/use-resource';
import { Badge, Button, Card, DataTable, PageHeader, ResourceView } from '../../ui';
import '../auth/components/identity.css';
import type { SigningKey } from './types';

interface Probe {
  ok: boolean;
  status: string;
  checks: Record<string, string>;
}

/** How many dead letters to read at most; beyond that the count shows as "100+". */
const DEAD_LETTER_PAGE = 100;

/**
 * The platform at a glance: liveness (`/healthz`) and readiness (`/readyz`, per backend) of the API
 * process that answers, messages that failed every retry (dead letters), and the token signing keys.
 */
export default function Health() {
  const { t } = useTranslation('platform');
  const probes = useResource(async () => {
    const [live, ready] = await Promise.all([probe('/healthz'), probe('/readyz')]);
    return { live, ready };
  }, []);
  const deadLetters = useResource(async () => {
    const page = await unwrap(api.GET('/api/v1/admin/dead-letters', { params: { query: { limit: DEAD_LETTER_PAGE } } }));
    return { count: page.items.length, more: page.nextCursor !== null };
  }, []);
  const keys = useResource(async () => (await unwrap(api.GET('/api/v1/platform/signing-keys'))).items, []);
  const refresh = () => {
    probes.reload();
    deadLetters.reload();
    keys.reload();
  };
  return (
    <>
      <PageHeader title={t('health.title')} description={t('health.description')} actions={<Button variant="secondary" onClick={refresh}>{t('health.refresh')}</Button>} />
      <div className="grid">
        <Card title={t('health.processTitle')}>
          <ResourceView resource={probes}>
            {({ live, ready }) => (
              <div role="status">
                <p>{t('health.live')} <ProbeBadge ok={live.ok} label={live.ok ? t('health.ok') : live.status} /></p>
                <p>{t('health.ready')} <ProbeBadge ok={ready.ok} label={t(`health.state.${ready.status}`, { defaultValue: ready.status })} /></p>
                <ul>
                  {Object.entries(ready.checks).map(([name, value]) => (
                    <li key={name}>{t(`health.check.${name}`, { defaultValue: name })}: {value === 'ok' ? t('health.ok') : value}</li>
                  ))}
                </ul>
              </div>
            )}
          </ResourceView>
        </Card>
        <Card title={t('health.deadLettersTitle')}>
          <ResourceView resource={deadLetters}>
            {({ count, more }) => (
              <>
                <p className="stat">{more ? `${DEAD_LETTER_PAGE}+` : count}</p>
                <p className="muted">{count === 0 ? t('health.noDeadLetters') : t('health.deadLettersText')}</p>
              </>
            )}
          </ResourceView>
        </Card>
      </div>
      <section>
        <h2>{t('health.keysTitle')}</h2>
        <p className="muted">{t('health.keysText')}</p>
        <ResourceView resource={keys}>{(items) => <SigningKeys keys={items} />}</ResourceView>
      </section>
    </>
  );
}

function ProbeBadge({ ok, label }: { ok: boolean; label: string }) {
  return <Badge tone={ok ? 'success' : 'danger'}>{label}</Badge>;
}

function SigningKeys({ keys }: { keys: SigningKey[] }) {
  const { t, i18n } = useTranslation('platform');
  const date = (value: string | null) => (value ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '—');
  return (
    <DataTable caption={t('health.keysTitle')} columns={[t('health.kid'), t('health.algorithm'), t('health.keyStatus'), t('health.createdAt'), t('health.retiresAt')]}>
      {keys.map((key) => (
        <tr key={key.kid}>
          <td><code>{key.kid}</code></td>
          <td>{key.algorithm}</td>
          <td><Badge tone={key.status === 'current' ? 'success' : key.status === 'retired' ? 'danger' : 'warning'}>{t(`health.keyState.${key.status}`)}</Badge></td>
          <td>{date(key.createdAt)}</td>
          <td>{date(key.retiresAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A kernel probe: unauthenticated JSON outside the typed API (503 still carries the checks). */
async function probe(path: '/healthz' | '/readyz'): Promise<Probe> {
  let response: Response;
  try {
    response = await fetch(`${API_ORIGIN}${path}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new ApiError({ title: 'network', status: 0 });
  }
  const body = (await response.json().catch(() => null)) as { status?: string; checks?: Record<string, string> } | null;
  if (!body) throw new ApiError(toProblem(null, response));
  return { ok: response.ok, status: body.status ?? String(response.status), checks: body.checks ?? {} };
}
