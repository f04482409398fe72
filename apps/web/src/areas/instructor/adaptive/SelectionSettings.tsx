import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { ApiError } from '../../../api/problem';
import { useAction } from '../../../api/use-action';
import { withEtag, type Versioned } from '../../../api/versioned';
import { Button, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import type { ResponseOf } from '../lib/api-types';

export type CourseSettings = ResponseOf<'/api/v1/adaptive/courses/{courseId}/settings', 'get'>;

type Field = 'targetLow' | 'targetHigh' | 'masteryThreshold';

/** The API's bounds of each setting (probabilities), shown and entered as percentages. */
const BOUNDS: Record<Field, { min: number; max: number; step: string }> = {
  targetLow: { min: 5, max: 95, step: '1' },
  targetHigh: { min: 10, max: 99, step: '1' },
  masteryThreshold: { min: 50, max: 99.9, step: '0.1' },
};
const FIELDS: Field[] = ['targetLow', 'targetHigh', 'masteryThreshold'];

const asPercent = (value: number) => String(Math.round(value * 1000) / 10);

/**
 * How the course picks practice items: the band of predicted success to aim for and the mastery threshold.
 * Saved with If-Match, so a change made meanwhile by someone else is not overwritten (412: reload).
 */
export function SelectionSettings({ courseId, settings, onSaved, onReload }: { courseId: string; settings: Versioned<CourseSettings>; onSaved: (saved: Versioned<CourseSettings>) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const action = useAction();
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    targetLow: asPercent(settings.data.targetLow), targetHigh: asPercent(settings.data.targetHigh), masteryThreshold: asPercent(settings.data.masteryThreshold),
  }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = Object.fromEntries(FIELDS.map((field) => [field, Number(values[field].replace(',', '.')) / 100])) as Record<Field, number>;
    void action.run('save', async () => {
      const saved = await withEtag(api.PATCH('/api/v1/adaptive/courses/{courseId}/settings', { params: { path: { courseId } }, headers: { 'if-match': settings.etag }, body }));
      onSaved(saved);
      toast(t('adaptive.settingsSaved'));
    });
  };
  const errorOf = (field: Field) => fieldError(action.error, field, t('adaptive.range', { min: BOUNDS[field].min, max: BOUNDS[field].max }), t('adaptive.bandInvalid'));
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ActionProblem error={action.error} onReload={onReload} />
      <div className="form-grid">
        {FIELDS.map((field) => (
          <TextField key={field} label={t(`adaptive.${field}`)} hint={t(`adaptive.${field}Hint`)} error={errorOf(field)} type="number" inputMode="decimal"
            min={BOUNDS[field].min} max={BOUNDS[field].max} step={BOUNDS[field].step} required value={values[field]}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))} />
        ))}
      </div>
      <div><Button type="submit" busy={action.running === 'save'}>{t('adaptive.saveSettings')}</Button></div>
    </form>
  );
}

/**
 * The API's complaint about one field, in the form's terms (percentages rather than the probabilities the
 * API checks). A band whose low end is not below its high end is the high end's error.
 */
function fieldError(error: ApiError | null, field: Field, outOfRange: string, badBand: string): string | undefined {
  if (!error) return undefined;
  if (field === 'targetHigh' && error.code === 'ADAPTIVE.TARGET_BAND_INVALID') return badBand;
  return error.problem.errors?.some((entry) => entry.pointer === `/body/${field}`) ? outOfRange : undefined;
}
