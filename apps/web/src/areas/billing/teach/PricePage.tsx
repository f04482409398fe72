import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { fieldDetail } from '../../../api/field-errors';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import type { Versioned } from '../../../api/versioned';
import { hasRole } from '../../../auth/session';
import { useSession } from '../../../auth/use-session';
import { Alert, Button, Card, PageHeader, ProblemAlert, ResourceView, TextField, toast } from '../../../ui';
import { fetchBillingSettings, fetchCoursePrice, saveCoursePrice, type Price } from '../billing-api';
import { currencyDigits, decimalString, formatMoney, parseMoney } from '../money';
import { LessonPrices } from './LessonPrices';

interface PriceScreen {
  title: string;
  price: Versioned<Price> | null;
  currency: string;
}

/** Instructors sell in the currency their course already has (EUR at first); tenant admins in the tenant's. */
const DEFAULT_CURRENCY = 'EUR';

/** `/teach/courses/:courseId/price`: what a published course costs (empty: free), and its lessons sold on their own. */
export default function PricePage() {
  const { t } = useTranslation('billing');
  const { courseId = '' } = useParams();
  const admin = hasRole(useSession(), 'tenant_admin');
  const screen = useResource(async (): Promise<PriceScreen> => {
    const [course, price, settings] = await Promise.all([
      unwrap(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId } } })),
      fetchCoursePrice(courseId),
      admin ? fetchBillingSettings() : null,
    ]);
    return { title: course.title, price, currency: settings?.data.currency ?? price?.data.currency ?? DEFAULT_CURRENCY };
  }, [courseId, admin]);
  return (
    <>
      <PageHeader title={t('price.title')} description={screen.state.data?.title} actions={<Link to={`/teach/courses/${courseId}`}>{t('price.backToCourse')}</Link>} />
      <ResourceView resource={screen}>
        {(loaded) => (
          <div className="stack">
            <PriceForm key={loaded.price?.etag ?? 'none'} courseId={courseId} loaded={loaded} onSaved={(price) => screen.update((data) => ({ ...data, price }))} />
            <LessonPrices courseId={courseId} currency={loaded.currency} />
          </div>
        )}
      </ResourceView>
    </>
  );
}

function PriceForm({ courseId, loaded, onSaved }: { courseId: string; loaded: PriceScreen; onSaved: (price: Versioned<Price>) => void }) {
  const { t, i18n } = useTranslation('billing');
  const { price, currency } = loaded;
  const [amount, setAmount] = useState(() => (price ? decimalString(price.data.amountMinor, currencyDigits(price.data.currency)) : ''));
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(amount, currency);
    setUnreadable(parsed.ok ? null : t(`price.invalid.${parsed.reason}`, { digits: currencyDigits(currency) }));
    if (!parsed.ok) return;
    void run(async () => {
      const saved = await saveCoursePrice(courseId, price?.etag ?? null, { amountMinor: parsed.minor, currency });
      toast(t('price.saved', { price: formatMoney(saved.data.amountMinor, saved.data.currency, i18n.language) }));
      onSaved(saved);
    });
  };

  return (
    <Card title={t('price.heading')}>
      <form onSubmit={save} className="stack" noValidate>
        {price
          ? <Alert tone="info">{t('price.current', { price: formatMoney(price.data.amountMinor, price.data.currency, i18n.language) })}</Alert>
          : <p className="muted">{t('price.none')}</p>}
        <ProblemAlert error={error} message={error?.status === 404 ? t('price.notKnownYet') : error?.status === 412 ? t('price.stale') : undefined} />
        <TextField label={t('price.amount', { currency })} hint={t('price.amountHint')} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)}
          error={unreadable ?? fieldDetail(error, 'amountMinor') ?? fieldDetail(error, 'currency')} />
        <div><Button type="submit" busy={busy}>{t('price.save')}</Button></div>
      </form>
    </Card>
  );
}
