import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../../../ui';
import { DIGESTS, type Digest } from '../api';
import { timeZoneOptions, type PreferencesDraft } from './preferences-draft';

type Change = (change: Partial<PreferencesDraft>) => void;

/** Quiet hours: on or off, and from when until when (in the chosen time zone). */
export function QuietHoursFields({ draft, onChange }: { draft: PreferencesDraft; onChange: Change }) {
  const { t } = useTranslation('notifications');
  return (
    <div className="stack">
      <CheckboxField label={t('prefs.quietOn')} checked={draft.quietOn} onChange={(event) => onChange({ quietOn: event.target.checked })} />
      <div className="quiet-hours">
        <TextField type="time" label={t('prefs.quietStart')} value={draft.quietStart} required disabled={!draft.quietOn}
          onChange={(event) => onChange({ quietStart: event.target.value })} />
        <TextField type="time" label={t('prefs.quietEnd')} value={draft.quietEnd} required disabled={!draft.quietOn}
          onChange={(event) => onChange({ quietEnd: event.target.value })} />
      </div>
      <p className="muted">{t('prefs.quietHint')}</p>
    </div>
  );
}

/** The time zone quiet hours and digests follow, and how often email arrives. */
export function TimeZoneAndDigest({ draft, onChange, zoneError }: { draft: PreferencesDraft; onChange: Change; zoneError?: string | undefined }) {
  const { t } = useTranslation('notifications');
  const zones = useMemo(() => timeZoneOptions(draft.timeZone), [draft.timeZone]);
  const radios = useId();
  return (
    <>
      <SelectField label={t('prefs.timeZone')} value={draft.timeZone} hint={t('prefs.timeZoneHint')} error={zoneError}
        onChange={(event) => onChange({ timeZone: event.target.value })}
        options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))} />
      <fieldset>
        <legend>{t('prefs.digest')}</legend>
        {DIGESTS.map((digest: Digest) => (
          <div className="choice" key={digest}>
            <input type="radio" id={`${radios}-${digest}`} name="digest" value={digest} checked={draft.digest === digest} onChange={() => onChange({ digest })} />
            <label htmlFor={`${radios}-${digest}`}>{t(`digest.${digest}`)}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
