import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, rememberLocale } from '../../i18n';
import { Button, Card, CheckboxField, PageHeader, ProblemAlert, ResourceView, SelectField, TextField, toast } from '../../ui';
import { api } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { withEtag } from '../../api/versioned';
import { AccountNav } from './AccountNav';
import type { Me } from './types';

type Accessibility = NonNullable<Me['preferences']['accessibility']>;

const FONT_SCALES = [0.75, 0.9, 1, 1.25, 1.5, 1.75, 2];

/** Name, language, time zone and accessibility preferences of the signed-in person. */
export default function Profile() {
  const { t } = useTranslation('account');
  const me = useResource(() => withEtag(api.GET('/api/v1/me')), []);
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <AccountNav />
      <ResourceView resource={me}>
        {({ data, etag }) => <ProfileForm key={etag} user={data} etag={etag} onSaved={(saved) => me.update(() => saved)} onStale={me.reload} />}
      </ResourceView>
    </>
  );
}

function ProfileForm({ user, etag, onSaved, onStale }: { user: Me; etag: string; onSaved: (saved: { data: Me; etag: string }) => void; onStale: () => void }) {
  const { t } = useTranslation('account');
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [accessibility, setAccessibility] = useState<Accessibility>(user.preferences.accessibility ?? {});
  const { busy, error, run } = useAction();
  const zones = useTimeZones(user.timeZone);
  const locales = LOCALES.some((option) => option.code === user.locale) ? LOCALES : [...LOCALES, { code: user.locale, name: user.locale }];
  const toggle = (key: 'reducedMotion' | 'highContrast' | 'captions') => setAccessibility((current) => ({ ...current, [key]: !current[key] }));

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await run(async () => {
      const saved = await withEtag(api.PATCH('/api/v1/me', {
        headers: { 'if-match': etag },
        body: { name: name.trim(), locale, timeZone, preferences: { accessibility } },
      }));
      if (saved.data.locale !== user.locale) rememberLocale(saved.data.locale);
      toast(t('profile.saved'));
      onSaved(saved);
    });
  };

  return (
    <form onSubmit={save} className="stack">
      <ProblemAlert error={error} onRetry={error?.status === 412 ? onStale : undefined} />
      <Card title={t('profile.about')}>
        <TextField label={t('profile.name')} value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} autoComplete="name" />
        <TextField label={t('profile.email')} value={user.email} readOnly hint={t('profile.emailHint')} />
        <SelectField label={t('profile.locale')} value={locale} onChange={(event) => setLocale(event.target.value)}
          options={locales.map((option) => ({ value: option.code, label: option.name }))} />
        <SelectField label={t('profile.timeZone')} value={timeZone} onChange={(event) => setTimeZone(event.target.value)} hint={t('profile.timeZoneHint')}
          options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))} />
      </Card>
      <Card title={t('profile.accessibility')}>
        <CheckboxField label={t('profile.reducedMotion')} checked={accessibility.reducedMotion ?? false} onChange={() => toggle('reducedMotion')} />
        <CheckboxField label={t('profile.highContrast')} checked={accessibility.highContrast ?? false} onChange={() => toggle('highContrast')} />
        <CheckboxField label={t('profile.captions')} checked={accessibility.captions ?? false} onChange={() => toggle('captions')} />
        <SelectField label={t('profile.fontScale')} value={String(accessibility.fontScale ?? 1)}
          onChange={(event) => setAccessibility((current) => ({ ...current, fontScale: Number(event.target.value) }))}
          options={FONT_SCALES.map((scale) => ({ value: String(scale), label: `${Math.round(scale * 100)} %` }))} />
      </Card>
      <div><Button type="submit" busy={busy}>{t('profile.save')}</Button></div>
    </form>
  );
}

/** Every IANA time zone the browser knows, with the user's own even when the browser lacks it. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return [...new Set([current, 'UTC', ...known])].sort((a, b) => a.localeCompare(b));
  }, [current]);
}
