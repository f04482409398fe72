import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDetail, namesField } from '../../../api/field-errors';
import { ApiError } from '../../../api/problem';
import { useResource } from '../../../api/use-resource';
import { Button, ProblemAlert, TextField } from '../../../ui';
import { fetchProviderInfo, type Order } from '../billing-api';
import { formatMoney } from '../money';

/** The test processor's card that is always approved, shown as a hint while payments run in test mode. */
const TEST_CARD = '4242 4242 4242 4242';

/** Whether the processor is in test mode; false until the API says so, so a real payer never reads a test-card hint. */
function useTestMode(): boolean {
  const { state } = useResource(fetchProviderInfo, []);
  return state.status === 'ready' && state.data.testMode;
}

/** Card number and optional coupon; the API checks both and says which field is wrong. */
export function PayForm({ order, busy, error, onPay }: {
  order: Order;
  busy: boolean;
  error: ApiError | null;
  onPay: (input: { paymentMethod: string; couponCode?: string }) => void;
}) {
  const { t, i18n } = useTranslation('billing');
  const [card, setCard] = useState('');
  const [coupon, setCoupon] = useState('');
  const testMode = useTestMode();
  const couponReason = fieldDetail(error, 'couponCode');
  const cardError = namesField(error, 'paymentMethod') ? t('checkout.invalid.paymentMethod') : undefined;
  const couponError = couponReason ? t('checkout.invalid.couponCode', { reason: couponReason }) : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = coupon.trim();
    // Spaces are how people copy card numbers; the processor wants the digits.
    onPay({ paymentMethod: card.replace(/[\s-]/g, ''), ...(code ? { couponCode: code } : {}) });
  };

  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={t('checkout.payment')}>
      <FormProblem error={error} fieldsNamed={Boolean(cardError ?? couponError)} />
      <TextField label={t('checkout.card')} hint={testMode ? t('checkout.testHint', { card: TEST_CARD }) : undefined} error={cardError}
        value={card} onChange={(event) => setCard(event.target.value)} inputMode="numeric" autoComplete="cc-number" maxLength={64} spellCheck={false} />
      <TextField label={t('checkout.coupon')} hint={t('checkout.couponHint')} error={couponError}
        value={coupon} onChange={(event) => setCoupon(event.target.value)} maxLength={40} spellCheck={false} autoCapitalize="characters" />
      <div><Button type="submit" busy={busy}>{t('checkout.pay', { amount: formatMoney(order.totalMinor, order.currency, i18n.language) })}</Button></div>
    </form>
  );
}

function FormProblem({ error, fieldsNamed }: { error: ApiError | null; fieldsNamed: boolean }) {
  const { t } = useTranslation('billing');
  if (!error) return null;
  // The fields say what is wrong beside themselves: the summary only points there.
  if (fieldsNamed) return <ProblemAlert error={new ApiError({ ...error.problem, errors: [] })} message={t('checkout.fixFields')} />;
  return <ProblemAlert error={error} />;
}
