import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDetail } from '../../../api/field-errors';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Badge, Button, Card, ConfirmButton, DataTable, EmptyState, PageHeader, ProblemAlert, ResourceView, SelectField, TextField, toast } from '../../../ui';
import { createCoupon, fetchBillingSettings, fetchCoupons, withdrawCoupon, type Coupon } from '../billing-api';
import '../billing.css';
import { formatMoney, percentText } from '../money';
import { dateTime } from '../status';
import { BillingAdminNav } from './BillingAdminNav';
import { couponInputOf, EMPTY_COUPON, type CouponDraft } from './coupon-draft';

/** `/admin/billing/coupons`: make coupons (percent or amount off) and withdraw them. */
export default function CouponsPage() {
  const { t } = useTranslation('billing');
  const coupons = useResource(async () => {
    const [items, settings] = await Promise.all([fetchCoupons(), fetchBillingSettings()]);
    return { items, currency: settings.data.currency };
  }, []);
  return (
    <>
      <PageHeader title={t('admin.coupons.title')} description={t('admin.coupons.description')} />
      <BillingAdminNav />
      <ResourceView resource={coupons}>
        {(loaded) => (
          <div className="stack">
            <CouponForm currency={loaded.currency} onCreated={coupons.reload} />
            <CouponList coupons={loaded.items} onChanged={coupons.reload} />
          </div>
        )}
      </ResourceView>
    </>
  );
}

function CouponForm({ currency, onCreated }: { currency: string; onCreated: () => void }) {
  const { t } = useTranslation('billing');
  const [draft, setDraft] = useState<CouponDraft>(EMPTY_COUPON);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const set = (field: keyof CouponDraft) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value }));
  const valueField = draft.kind === 'percent' ? 'percentBp' : 'amountMinor';
  const apiSays = (field: string) => fieldDetail(error, field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { input, invalid } = couponInputOf(draft, currency);
    setUnreadable(invalid);
    if (invalid.length > 0) return;
    void run(async () => {
      const created = await createCoupon(input);
      toast(t('admin.coupons.created', { code: created.code }));
      setDraft(EMPTY_COUPON);
      onCreated();
    });
  };

  return (
    <Card title={t('admin.coupons.create')}>
      <form onSubmit={submit} className="stack" noValidate>
        <ProblemAlert error={error} />
        <TextField label={t('admin.coupons.code')} hint={t('admin.coupons.codeHint')} error={apiSays('code')} value={draft.code} onChange={set('code')} maxLength={40} spellCheck={false} />
        <SelectField label={t('admin.coupons.kind')} value={draft.kind} onChange={set('kind')}
          options={[{ value: 'percent', label: t('admin.coupons.percent') }, { value: 'fixed', label: t('admin.coupons.fixed', { currency }) }]} />
        <TextField label={draft.kind === 'percent' ? t('admin.coupons.percentValue') : t('admin.coupons.amountValue', { currency })}
          error={unreadable.includes('value') ? t(`admin.coupons.invalid.${draft.kind}`) : apiSays(valueField)}
          value={draft.value} onChange={set('value')} inputMode="decimal" />
        <TextField label={t('admin.coupons.expiresOn')} hint={t('admin.coupons.optional')} type="date" error={apiSays('expiresAt')} value={draft.expiresOn} onChange={set('expiresOn')} />
        <TextField label={t('admin.coupons.maxRedemptions')} hint={t('admin.coupons.optional')} inputMode="numeric"
          error={unreadable.includes('maxRedemptions') ? t('admin.coupons.invalid.maxRedemptions') : apiSays('maxRedemptions')}
          value={draft.maxRedemptions} onChange={set('maxRedemptions')} />
        <div><Button type="submit" busy={busy}>{t('admin.coupons.save')}</Button></div>
      </form>
    </Card>
  );
}

function CouponList({ coupons, onChanged }: { coupons: Coupon[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation('billing');
  const withdrawing = useAction();
  if (coupons.length === 0) return <EmptyState>{t('admin.coupons.none')}</EmptyState>;
  const off = (coupon: Coupon) => (coupon.kind === 'percent'
    ? t('admin.coupons.percentOff', { percent: percentText(coupon.percentBp ?? 0) })
    : t('admin.coupons.amountOff', { amount: formatMoney(coupon.amountMinor ?? 0, coupon.currency ?? 'EUR', i18n.language) }));
  return (
    <section className="stack" aria-labelledby="coupon-list">
      <h2 id="coupon-list">{t('admin.coupons.list')}</h2>
      <ProblemAlert error={withdrawing.error} />
      <DataTable caption={t('admin.coupons.list')} columns={[t('admin.coupons.code'), t('admin.coupons.discount'), t('admin.coupons.uses'), t('admin.coupons.expires'), t('admin.coupons.state'), t('orders.actions')]}>
        {coupons.map((coupon) => (
          <tr key={coupon.code} data-testid="coupon">
            <td><code>{coupon.code}</code></td>
            <td>{off(coupon)}</td>
            <td>{coupon.maxRedemptions === null ? coupon.redemptions : `${coupon.redemptions} / ${coupon.maxRedemptions}`}</td>
            <td>{coupon.expiresAt ? dateTime(coupon.expiresAt, i18n.language) : '—'}</td>
            <td><Badge tone={coupon.active ? 'success' : undefined}>{coupon.active ? t('admin.coupons.active') : t('admin.coupons.withdrawn')}</Badge></td>
            <td>
              {coupon.active ? (
                <ConfirmButton label={t('admin.coupons.withdraw')} ariaLabel={t('admin.coupons.withdrawNamed', { code: coupon.code })} title={t('admin.coupons.withdrawTitle')}
                  confirmLabel={t('admin.coupons.withdrawConfirm')} small busy={withdrawing.running === coupon.code}
                  onConfirm={() => withdrawing.run(coupon.code, async () => { await withdrawCoupon(coupon.code); onChanged(); })}>
                  {t('admin.coupons.withdrawBody', { code: coupon.code })}
                </ConfirmButton>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
