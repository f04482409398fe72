import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { withEtag, type Versioned } from '../../../api/versioned';
import { Button, Card, ProblemAlert, toast } from '../../../ui';
import type { Preferences } from '../api';
import { ChannelTable } from './ChannelTable';
import { QuietHoursFields, TimeZoneAndDigest } from './DeliveryFields';
import { changeOf, draftOf, type PreferencesDraft } from './preferences-draft';

const ZONE_UNKNOWN = 'NOTIFY.TIME_ZONE_UNKNOWN';

/**
 * The notification preferences, saved with If-Match: a change made meanwhile elsewhere (another tab,
 * another device) is refused with 412 and offered to reload rather than overwritten.
 */
export function PreferencesForm({ saved, etag, onSaved, onStale }: {
  saved: Preferences;
  etag: string;
  onSaved: (saved: Versioned<Preferences>) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation('notifications');
  const [draft, setDraft] = useState<PreferencesDraft>(() => draftOf(saved));
  const { busy, error, run } = useAction();
  const change = (part: Partial<PreferencesDraft>) => setDraft((current) => ({ ...current, ...part }));
  const zoneUnknown = error?.code === ZONE_UNKNOWN;

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = changeOf(saved, draft);
    if (Object.keys(body).length === 0) {
      toast(t('prefs.unchanged'));
      return;
    }
    void run(async () => {
      const stored = await withEtag(api.PUT('/api/v1/notifications/preferences', { headers: { 'if-match': etag }, body }));
      toast(t('prefs.saved'));
      onSaved(stored);
    });
  };

  return (
    <form onSubmit={save} className="stack">
      <ProblemAlert error={error} message={error?.status === 412 ? t('prefs.stale') : zoneUnknown ? t('prefs.zoneUnknown', { zone: draft.timeZone }) : undefined}>
        {error?.status === 412 ? <Button variant="secondary" small onClick={onStale}>{t('prefs.reload')}</Button> : null}
      </ProblemAlert>
      <Card title={t('prefs.channels')}>
        <p className="muted">{t('prefs.channelsHint')}</p>
        <ChannelTable categories={draft.categories}
          onChange={(category, channel, on) => change({ categories: { ...draft.categories, [category]: { ...draft.categories[category], [channel]: on } } })} />
      </Card>
      <Card title={t('prefs.quietHours')}>
        <QuietHoursFields draft={draft} onChange={change} />
      </Card>
      <Card title={t('prefs.delivery')}>
        <TimeZoneAndDigest draft={draft} onChange={change} zoneError={zoneUnknown ? t('prefs.zoneUnknownField') : undefined} />
      </Card>
      <div><Button type="submit" busy={busy}>{t('prefs.save')}</Button></div>
    </form>
  );
}
