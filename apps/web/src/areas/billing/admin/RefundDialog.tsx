import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDetail } from '../../../api/field-errors';
import { useAction } from '../../../api/use-action';
import { Button, Dialog, ProblemAlert, TextAreaField, TextField, toast } from '../../../ui';
import { newIdempotencyKey, refundOrder, type Order } from '../billing-api';
import { decimalString, currencyDigits, formatMoney, parseMoney } from '../money';

/** Refund part or all of a paid order: the amount (at most what is left) and why. */
export function RefundDialog({ order, onClose, onRefunded }: { order: Order; onClose: () => void; onRefunded: (order: Order) => void }) {
  const { t, i18n } = useTranslation('billing');
  const left = order.totalMinor - order.refundedMinor;
  const [amount, setAmount] = useState(() => decimalString(left, currencyDigits(order.currency)));
  const [reason, setReason] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  // One key per opened dialog: sending the same refund twice (a double click, a retry) refunds once.
  const [key] = useState(newIdempotencyKey);
  const { busy, error, run } = useAction();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(amount, order.currency);
    setUnreadable(!parsed.ok || parsed.minor === 0);
    if (!parsed.ok || parsed.minor === 0) return;
    void run(async () => {
      const refunded = await refundOrder(order.id, key, { amountMinor: parsed.minor, reason: reason.trim() });
      toast(t('admin.refund.done', { amount: formatMoney(parsed.minor, order.currency, i18n.language) }));
      onRefunded(refunded);
    });
  };

  return (
    <Dialog open title={t('admin.refund.title', { title: order.productTitle ?? '' })} onClose={onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        <p>{t('admin.refund.left', { amount: formatMoney(left, order.currency, i18n.language) })}</p>
        <ProblemAlert error={error} />
        <TextField label={t('admin.refund.amount', { currency: order.currency })} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)}
          error={unreadable ? t('admin.refund.invalidAmount') : fieldDetail(error, 'amountMinor')} />
        <TextAreaField label={t('admin.refund.reason')} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={3}
          error={fieldDetail(error, 'reason') ? t('admin.refund.reasonRequired') : undefined} />
        <div className="row">
          <Button type="submit" variant="danger" busy={busy}>{t('admin.refund.confirm')}</Button>
          <Button variant="secondary" onClick={onClose}>{t('admin.refund.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
