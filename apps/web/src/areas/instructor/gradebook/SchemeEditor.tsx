import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { etagOf, withEtag } from '../../../api/versioned';
import { Button, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { CATEGORIES, type Category } from '../exams/exam-types';
import { Check, NumberField } from '../items/editors/shared';
import type { ResponseOf } from '../lib/api-types';

export type Scheme = ResponseOf<'/api/v1/courses/{courseId}/gradebook/scheme', 'get'>;
interface Row {
  category: Category;
  counted: boolean;
  weight: number;
  dropLowest: number;
}

/**
 * Category weights (percent, renormalised per student, so they need not add up to 100) and how many of
 * the lowest results each category drops. A category left out weighs nothing. Saved with If-Match.
 */
export function SchemeEditor({ courseId, scheme, onSaved, onReload }: { courseId: string; scheme: Scheme; onSaved: (scheme: Scheme) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const [rows, setRows] = useState<Row[]>(() => CATEGORIES.map((category) => {
    const current = scheme.categories.find((entry) => entry.category === category);
    return { category, counted: Boolean(current), weight: current?.weight ?? 0, dropLowest: current?.dropLowest ?? 0 };
  }));
  const action = useAction();
  const set = (index: number, change: Partial<Row>) => setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const counted = rows.filter((row) => row.counted);
  const total = counted.reduce((sum, row) => sum + row.weight, 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run('save', async () => {
      const saved = await withEtag(api.PUT('/api/v1/courses/{courseId}/gradebook/scheme', { params: { path: { courseId }, header: { 'if-match': etagOf(scheme.version) } }, body: {
        categories: counted.map(({ category, weight, dropLowest }) => ({ category, weight, dropLowest })),
      } }));
      onSaved(saved.data);
      toast(t('gradebook.schemeSaved'));
    });
  };
  return (
    <form className="stack" onSubmit={submit}>
      {scheme.isDefault ? <p className="muted">{t('gradebook.defaultScheme')}</p> : null}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('gradebook.schemeHeading')}</caption>
          <thead><tr><th scope="col">{t('gradebook.category')}</th><th scope="col">{t('gradebook.counted')}</th><th scope="col">{t('gradebook.weight')}</th><th scope="col">{t('gradebook.dropLowest')}</th></tr></thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.category}>
                <th scope="row">{t(`category.${row.category}`)}</th>
                <td><Check label={t('gradebook.countCategory', { category: t(`category.${row.category}`) })} checked={row.counted} onChange={(on) => set(index, { counted: on })} /></td>
                <td><NumberField label={t('gradebook.weightOf', { category: t(`category.${row.category}`) })} value={row.weight} min={0} max={100} onChange={(weight) => set(index, { weight: Math.min(100, Math.max(0, weight ?? 0)) })} /></td>
                <td><NumberField label={t('gradebook.dropOf', { category: t(`category.${row.category}`) })} value={row.dropLowest} min={0} max={100} onChange={(drop) => set(index, { dropLowest: Math.max(0, Math.round(drop ?? 0)) })} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status">{counted.length === 0 ? t('gradebook.nothingCounted') : t('gradebook.weightsTotal', { total })}</p>
      <ActionProblem error={action.error} onReload={onReload} />
      <div><Button type="submit" busy={action.running === 'save'} disabled={counted.length === 0}>{t('gradebook.saveScheme')}</Button></div>
    </form>
  );
}
