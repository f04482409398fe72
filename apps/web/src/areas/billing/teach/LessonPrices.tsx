import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { fieldDetail } from '../../../api/field-errors';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Button, Card, ProblemAlert, ResourceView, TextField, toast } from '../../../ui';
import { fetchLessonOffers, saveLessonPrice } from '../lesson-api';
import { currencyDigits, decimalString, formatMoney, parseMoney } from '../money';

interface LessonRow {
  lessonId: string;
  title: string;
  /** The lesson's price (null: not sold on its own) and its version for If-Match. */
  price: { amountMinor: number; version: number } | null;
}

/** The published course's lessons, each with its own price when it is sold on its own. */
async function lessonRowsOf(courseId: string): Promise<LessonRow[]> {
  const [structure, offers] = await Promise.all([
    unwrap(api.GET('/api/v1/courses/{courseId}/structure', { params: { path: { courseId } } })),
    fetchLessonOffers(courseId),
  ]);
  const priced = new Map(offers.map((offer) => [offer.lessonId, offer.price]));
  return structure.modules.flatMap((module) => module.lessons.map((lesson) => {
    const price = priced.get(lesson.id);
    return { lessonId: lesson.id, title: lesson.title, price: price ? { amountMinor: price.amountMinor, version: price.version } : null };
  }));
}

/** Sell single lessons of a paid course: a price per lesson (empty: only with the course). */
export function LessonPrices({ courseId, currency }: { courseId: string; currency: string }) {
  const { t } = useTranslation('billing');
  const rows = useResource(() => lessonRowsOf(courseId), [courseId]);
  return (
    <Card title={t('price.lessonsHeading')}>
      <p className="muted">{t('price.lessonsHint')}</p>
      <ResourceView resource={rows}>
        {(lessons) => (
          <ul className="stack" data-testid="lesson-prices">
            {lessons.map((lesson) => <LessonPriceRow key={`${lesson.lessonId}:${lesson.price?.version ?? 0}`} lesson={lesson} currency={currency} onSaved={rows.reload} />)}
          </ul>
        )}
      </ResourceView>
    </Card>
  );
}

function LessonPriceRow({ lesson, currency, onSaved }: { lesson: LessonRow; currency: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation('billing');
  const [amount, setAmount] = useState(() => (lesson.price ? decimalString(lesson.price.amountMinor, currencyDigits(currency)) : ''));
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseMoney(amount, currency);
    setUnreadable(parsed.ok ? null : t(`price.invalid.${parsed.reason}`, { digits: currencyDigits(currency) }));
    if (!parsed.ok) return;
    void run(async () => {
      const saved = await saveLessonPrice(lesson.lessonId, lesson.price ? `"${lesson.price.version}"` : null, { amountMinor: parsed.minor, currency });
      toast(t('price.lessonSaved', { title: lesson.title, price: formatMoney(saved.data.amountMinor, saved.data.currency, i18n.language) }));
      onSaved();
    });
  };
  return (
    <li>
      <form onSubmit={save} className="row" noValidate>
        <TextField label={t('price.lessonAmount', { title: lesson.title, currency })} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)}
          error={unreadable ?? fieldDetail(error, 'amountMinor') ?? fieldDetail(error, 'currency')} />
        <Button type="submit" small busy={busy}>{t('price.save')}</Button>
      </form>
      <ProblemAlert error={error} message={error?.status === 412 ? t('price.stale') : undefined} />
    </li>
  );
}
