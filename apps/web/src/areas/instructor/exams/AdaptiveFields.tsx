import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../ui';
import { Group, NumberField } from '../items/editors/shared';
import type { Settings } from './exam-types';

type AdaptiveStop = NonNullable<Settings['adaptiveStop']>;

/** What the server applies to an adaptive exam that names no stop rules. */
const DEFAULT_STOP: AdaptiveStop = { standardError: 0.3, minItems: 5, maxItems: 20 };

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const items = (value: number | null, fallback: number) => clamp(Math.round(value ?? fallback), 1, 100);

/**
 * Adaptive testing on or off and, when on, when the test stops: once the ability estimate is precise enough
 * (after a minimum of questions), or at a maximum of questions.
 */
export function AdaptiveFields({ settings, onChange }: { settings: Settings; onChange: (settings: Settings) => void }) {
  const { t } = useTranslation('instructor');
  const hintId = useId();
  const stop = settings.adaptiveStop ?? DEFAULT_STOP;
  const setStop = (next: Partial<AdaptiveStop>) => onChange({ ...settings, adaptiveStop: { ...stop, ...next } });
  const toggle = (adaptive: boolean) => onChange(adaptive ? { ...settings, adaptive, adaptiveStop: stop } : { ...settings, adaptive });
  return (
    <Group legend={t('examSettings.adaptiveGroup')}>
      <CheckboxField label={t('examSettings.adaptive')} checked={settings.adaptive ?? false} aria-describedby={hintId} onChange={(event) => toggle(event.target.checked)} />
      <p id={hintId} className="hint muted">{t('examSettings.adaptiveHint')}</p>
      {settings.adaptive ? (
        <>
          <div className="form-grid">
            <NumberField label={t('examSettings.targetSe')} hint={t('examSettings.targetSeHint')} value={stop.standardError} min={0.1} max={1} step="0.05"
              onChange={(value) => setStop({ standardError: clamp(value ?? DEFAULT_STOP.standardError, 0.1, 1) })} />
            <NumberField label={t('examSettings.minItems')} hint={t('examSettings.minItemsHint')} value={stop.minItems} min={1} max={100} onChange={(value) => setStop({ minItems: items(value, DEFAULT_STOP.minItems) })} />
            <NumberField label={t('examSettings.maxItems')} hint={t('examSettings.maxItemsHint')} value={stop.maxItems} min={1} max={100} onChange={(value) => setStop({ maxItems: items(value, DEFAULT_STOP.maxItems) })} />
          </div>
          {stop.minItems > stop.maxItems ? <p className="error" role="alert">{t('examSettings.itemsOutOfOrder')}</p> : null}
        </>
      ) : null}
    </Group>
  );
}
