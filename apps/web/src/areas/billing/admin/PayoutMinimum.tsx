import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import type { Versioned } from '../../../api/versioned';
import { Button, Card, ProblemAlert, ResourceView, TextField, toast } from '../../../ui';
import { fetchBillingSettings, fetchPayoutSettings, savePayoutSettings, type PayoutSettings } from '../billing-api';
import { currencyDigits, decimalString, formatMoney, parseMoney } from '../money';

interface MinimumScreen { settings: Versioned<PayoutSettings>; currency: string }

/** The least a payee must be owed to be paid in a run, in the tenant's currency. */
export function PayoutMinimum() {
  const { t } = useTranslation('billing');
  const screen = useResource(async (): Promise<MinimumScreen> => {
    const [settings, terms] = await Promise.all([fetchPayoutSettings(), fetchBillingSettings()]);
    return { settings, currency: terms.data.currency };
  }, []);
  return (
    <Card title={t('admin.payouts.minimum')}>
      <ResourceView resource={screen}>
        {(loaded) => <MinimumForm key={loaded.settings.etag} loaded={loaded} onStale={screen.reload}
          onSaved={(settings) => screen.update((data) => ({ ...data, settings }))} />}
      </ResourceView>
    </Card>
  );
}

function MinimumForm({ loaded: { settings, currency }, onSaved, onStale }: { loaded: MinimumScreen; onSaved: (next: Versioned<PayoutSettings>) => void; onStale: () => void }) {
  const { t, i18n } = useTranslation('billing');
  const [amount, setAmount] = useState(() => decimalString(settings.data.minimumMinor, currencyDigits(currency)));
  const [unreadable, setUnreadable] = useState(false);
  const { busy, error, run } = useAction();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(amount, currency);
    setUnreadable(!parsed.ok);
    if (!parsed.ok) return;
    void run(async () => {
      const next = await savePayoutSettings(settings.etag, parsed.minor);
      toast(t('admin.payouts.minimumSaved', { amount: formatMoney(next.data.minimumMinor, currency, i18n.language) }));
      onSaved(next);
    });
  };
  return (
    <form onSubmit={save} className="stack" noValidate>
      {error?.status === 412 ? (
        <ProblemAlert error={error} message={t('admin.terms.stale')}>
          <Button variant="secondary" small onClick={onStale}>{t('admin.terms.reload')}</Button>
        </ProblemAlert>
      ) : <ProblemAlert error={error} />}
      <TextField label={t('admin.payouts.minimumAmount', { currency })} hint={t('admin.payouts.minimumHint')} inputMode="decimal" value={amount}
        onChange={(event) => setAmount(event.target.value)} error={unreadable ? t('admin.payouts.invalidMinimum') : undefined} />
      <div><Button type="submit" busy={busy}>{t('admin.payouts.saveMinimum')}</Button></div>
    </form>
  );
}
