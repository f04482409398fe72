import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../../api/problem';
import { useResource } from '../../../api/use-resource';
import { Alert, Badge, Button, DataTable, ProblemAlert, ResourceView, toast } from '../../../ui';
import { deviceName } from '../../account/device-name';
import { fetchPushDevices, removePushDevice, type PushDevice } from './push-api';
import { currentSubscription, notificationPermission, pushSupport } from './push-browser';
import { turnOnPush, type PushOutcome } from './turn-on-push';

type Problem = Exclude<PushOutcome, { kind: 'on' }> | null;

/** Web push on this device (on or off), and every device of the user that receives pushes. */
export function PushSection() {
  const { t } = useTranslation('notifications');
  const support = pushSupport();
  return (
    <section className="card" aria-labelledby="push-title" data-testid="push-section">
      <h2 id="push-title" style={{ marginTop: 0 }}>{t('push.title')}</h2>
      <p className="muted">{t('push.intro')}</p>
      {support === 'supported' ? <PushControls /> : <Alert tone="warning">{t(`push.unsupported.${support}`)}</Alert>}
    </section>
  );
}

function PushControls() {
  const { t } = useTranslation('notifications');
  const state = useResource(async () => {
    const [devices, subscription] = await Promise.all([fetchPushDevices(), currentSubscription()]);
    return { devices, endpoint: subscription?.endpoint ?? null };
  }, []);
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<Problem>) => {
    setBusy(true);
    setProblem(null);
    try {
      setProblem(await work());
    } catch (error) {
      setProblem({ kind: 'api-failed', error: asApiError(error) });
    } finally {
      setBusy(false);
      state.reload();
    }
  };

  const turnOn = () => act(async () => {
    const outcome = await turnOnPush();
    if (outcome.kind !== 'on') return outcome;
    toast(t('push.turnedOn'));
    return null;
  });

  const turnOff = (thisDevice: PushDevice | undefined) => act(async () => {
    await (await currentSubscription())?.unsubscribe();
    if (thisDevice) await removePushDevice(thisDevice.id);
    toast(t('push.turnedOff'));
    return null;
  });

  const remove = (device: PushDevice) => act(async () => {
    await removePushDevice(device.id);
    toast(t('push.removed'));
    return null;
  });

  return (
    <ResourceView resource={state}>
      {({ devices, endpoint }) => {
        const thisDevice = devices.find((device) => device.endpoint === endpoint);
        return (
          <div className="stack">
            <PushProblem problem={problem} />
            {notificationPermission() === 'denied' && !problem ? <Alert tone="warning">{t('push.denied')}</Alert> : null}
            <p data-testid="push-state" data-state={thisDevice ? 'on' : 'off'} style={{ margin: 0 }}>{thisDevice ? t('push.on') : t('push.off')}</p>
            <div>
              {thisDevice
                ? <Button variant="secondary" busy={busy} onClick={() => void turnOff(thisDevice)}>{t('push.turnOff')}</Button>
                : <Button busy={busy} onClick={() => void turnOn()}>{t('push.turnOn')}</Button>}
            </div>
            <PushDevices devices={devices} thisDevice={thisDevice} busy={busy} onRemove={(device) => void remove(device)} />
          </div>
        );
      }}
    </ResourceView>
  );
}

/** Why push is not on, in plain words; the browser's own words after them, for whoever helps. */
function PushProblem({ problem }: { problem: Problem }) {
  const { t } = useTranslation('notifications');
  if (!problem) return null;
  if (problem.kind === 'api-failed') return <ProblemAlert error={problem.error} />;
  if (problem.kind === 'denied' || problem.kind === 'dismissed') return <Alert tone="warning">{t(`push.${problem.kind}`)}</Alert>;
  return (
    <Alert tone="error">
      <p style={{ margin: 0 }} data-testid="push-failure">{t(`push.${problem.kind === 'worker-failed' ? 'workerFailed' : 'subscribeFailed'}`)}</p>
      <p className="muted" style={{ margin: 'var(--space-1) 0 0' }}>{t('push.browserSaid', { reason: problem.reason })}</p>
    </Alert>
  );
}

function PushDevices({ devices, thisDevice, busy, onRemove }: { devices: PushDevice[]; thisDevice: PushDevice | undefined; busy: boolean; onRemove: (device: PushDevice) => void }) {
  const { t, i18n } = useTranslation('notifications');
  if (devices.length === 0) return <p className="muted" style={{ margin: 0 }}>{t('push.noDevices')}</p>;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const nameOf = (device: PushDevice) => {
    const named = deviceName(device.userAgent);
    if (!named) return t('push.unknownDevice');
    return named.browser && named.system ? t('push.browserOn', { browser: named.browser, system: named.system }) : named.browser || named.system;
  };
  return (
    <DataTable caption={t('push.devices')} captionVisible columns={[t('push.device'), t('push.since'), <span className="sr-only">{t('push.actions')}</span>]}>
      {devices.map((device) => (
        <tr key={device.id}>
          <td>{nameOf(device)}{device === thisDevice ? <> <Badge tone="success">{t('push.thisDevice')}</Badge></> : null}</td>
          <td>{when.format(new Date(device.createdAt))}</td>
          <td>
            {device === thisDevice ? null : (
              <Button variant="secondary" small disabled={busy} onClick={() => onRemove(device)} aria-label={t('push.removeNamed', { device: nameOf(device) })}>{t('push.remove')}</Button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
