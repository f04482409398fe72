import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../ui';
import { Check, Group, NumberField } from '../items/editors/shared';
import { fromLocalInput, toLocalInput } from '../lib/dates';
import { AdaptiveFields } from './AdaptiveFields';
import type { Settings } from './exam-types';

const RELEASES = ['immediately', 'after_close', 'manual'] as const;

/** Time limit, attempts, the open/close window, late work, scoring, adaptive testing and when results and feedback are released. */
export function ExamSettingsFields({ settings, onChange }: { settings: Settings; onChange: (settings: Settings) => void }) {
  const { t } = useTranslation('instructor');
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  const late = settings.latePolicy;
  return (
    <div className="stack">
      <Group legend={t('examSettings.schedule')}>
        <div className="form-grid">
          <TextField label={t('examSettings.opensAt')} type="datetime-local" value={toLocalInput(settings.opensAt)} onChange={(event) => set('opensAt', fromLocalInput(event.target.value))} />
          <TextField label={t('examSettings.closesAt')} type="datetime-local" value={toLocalInput(settings.closesAt)} onChange={(event) => set('closesAt', fromLocalInput(event.target.value))} />
          <NumberField label={t('examSettings.timeLimit')} hint={t('examSettings.timeLimitHint')} value={settings.timeLimitMinutes} min={1} max={1440} onChange={(value) => set('timeLimitMinutes', value === null ? null : Math.max(1, Math.round(value)))} />
          <NumberField label={t('examSettings.attempts')} value={settings.attemptsAllowed} min={1} max={100} onChange={(value) => set('attemptsAllowed', Math.max(1, Math.round(value ?? 1)))} />
          <NumberField label={t('examSettings.grace')} hint={t('examSettings.graceHint')} value={settings.gracePeriodSeconds} min={0} max={3600} onChange={(value) => set('gracePeriodSeconds', Math.max(0, Math.round(value ?? 0)))} />
        </div>
        <div className="form-grid">
          <SelectField label={t('examSettings.latePolicy')} value={late.mode} onChange={(event) => set('latePolicy', event.target.value === 'accept' ? { mode: 'accept', penaltyPercent: 10, untilMinutes: 60 } : { mode: 'reject' })}
            options={[{ value: 'reject', label: t('examSettings.lateReject') }, { value: 'accept', label: t('examSettings.lateAccept') }]} />
          {late.mode === 'accept' ? (
            <>
              <NumberField label={t('examSettings.latePenalty')} value={late.penaltyPercent} min={0} max={100} onChange={(value) => set('latePolicy', { ...late, penaltyPercent: value ?? 0 })} />
              <NumberField label={t('examSettings.lateUntil')} value={late.untilMinutes} min={1} max={10080} onChange={(value) => set('latePolicy', { ...late, untilMinutes: Math.max(1, Math.round(value ?? 1)) })} />
            </>
          ) : null}
        </div>
      </Group>
      <Group legend={t('examSettings.scoring')}>
        <div className="form-grid">
          <NumberField label={t('examSettings.passing')} hint={t('examSettings.passingHint')} value={settings.passingPercent} min={0} max={100} onChange={(value) => set('passingPercent', value)} />
          <SelectField label={t('examSettings.partialCredit')} value={settings.partialCredit} onChange={(event) => set('partialCredit', event.target.value as Settings['partialCredit'])}
            options={[{ value: 'all_or_nothing', label: t('examSettings.allOrNothing') }, { value: 'proportional', label: t('examSettings.proportional') }]} />
          <NumberField label={t('examSettings.negativeMarking')} hint={t('examSettings.negativeMarkingHint')} value={settings.negativeMarking} min={0} max={1} onChange={(value) => set('negativeMarking', Math.min(1, Math.max(0, value ?? 0)))} />
        </div>
        <Check label={t('examSettings.shuffleItems')} checked={settings.shuffleItems} onChange={(value) => set('shuffleItems', value)} />
        <Check label={t('examSettings.shuffleOptions')} checked={settings.shuffleOptions} onChange={(value) => set('shuffleOptions', value)} />
      </Group>
      <AdaptiveFields settings={settings} onChange={onChange} />
      <Group legend={t('examSettings.release')}>
        <div className="form-grid">
          <SelectField label={t('examSettings.resultsRelease')} value={settings.resultsRelease} onChange={(event) => set('resultsRelease', event.target.value as Settings['resultsRelease'])} options={RELEASES.map((value) => ({ value, label: t(`release.${value}`) }))} />
          <SelectField label={t('examSettings.feedbackRelease')} value={settings.feedbackRelease} onChange={(event) => set('feedbackRelease', event.target.value as Settings['feedbackRelease'])} options={RELEASES.map((value) => ({ value, label: t(`release.${value}`) }))} />
        </div>
      </Group>
    </div>
  );
}
