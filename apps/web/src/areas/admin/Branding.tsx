import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contrastWithWhite } from '../../app/branding';
import { Alert, Button, Card, PageHeader, ProblemAlert, ResourceView, TextField, toast } from '../../ui';
import { api } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { withEtag } from '../../api/versioned';
import '../auth/components/identity.css';
import { fullSettings } from './tenant-settings';
import type { Tenant } from './types';

/** WCAG 2.1 AA for normal text. */
const MIN_CONTRAST = 4.5;
const HEX = /^#[0-9a-fA-F]{6}$/;
const DEFAULT_PRIMARY = '#2457c5';
const DEFAULT_ACCENT = '#0f7b6c';

/** The institution's name, logo and colours, with a live preview and a readability check of each colour. */
export default function Branding() {
  const { t } = useTranslation('admin');
  const tenant = useResource(() => withEtag(api.GET('/api/v1/tenant')), []);
  return (
    <>
      <PageHeader title={t('branding.title')} description={t('branding.description')} />
      <ResourceView resource={tenant}>
        {(loaded) => <BrandingForm key={loaded.etag} tenant={loaded.data} etag={loaded.etag} onSaved={(next) => tenant.update(() => next)} onStale={tenant.reload} />}
      </ResourceView>
    </>
  );
}

function BrandingForm({ tenant, etag, onSaved, onStale }: { tenant: Tenant; etag: string; onSaved: (next: { data: Tenant; etag: string }) => void; onStale: () => void }) {
  const { t } = useTranslation('admin');
  const branding = tenant.settings.branding;
  const [name, setName] = useState(tenant.name);
  const [logoUrl, setLogoUrl] = useState(branding.logoUrl ?? '');
  const [primary, setPrimary] = useState(branding.primaryColor ?? '');
  const [accent, setAccent] = useState(branding.accentColor ?? '');
  const { busy, error, run } = useAction();
  const invalid = [primary, accent].some((colour) => colour !== '' && !HEX.test(colour));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    await run(async () => {
      const next = await withEtag(api.PATCH('/api/v1/tenant', {
        headers: { 'if-match': etag },
        body: {
          name: name.trim(),
          settings: fullSettings(tenant, { branding: { ...(logoUrl.trim() ? { logoUrl: logoUrl.trim() } : {}), ...(primary ? { primaryColor: primary } : {}), ...(accent ? { accentColor: accent } : {}) } }),
        },
      }));
      toast(t('branding.saved'));
      onSaved(next);
    });
  };

  return (
    <form onSubmit={save} className="stack">
      <ProblemAlert error={error} onRetry={error?.status === 412 ? onStale : undefined} />
      <Card title={t('branding.identity')}>
        <TextField label={t('branding.name')} value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
        <TextField label={t('branding.logoUrl')} type="url" value={logoUrl} onChange={(event) => setLogoUrl(event.target.value)} maxLength={500}
          placeholder="https://" hint={t('branding.logoHint')} />
      </Card>
      <Card title={t('branding.colours')}>
        <ColourField label={t('branding.primary')} value={primary} fallback={DEFAULT_PRIMARY} onChange={setPrimary} />
        <ColourField label={t('branding.accent')} value={accent} fallback={DEFAULT_ACCENT} onChange={setAccent} />
      </Card>
      <Card title={t('branding.preview')}>
        <Preview name={name} logoUrl={logoUrl} primary={primary || DEFAULT_PRIMARY} accent={accent || DEFAULT_ACCENT} />
      </Card>
      <div><Button type="submit" busy={busy} disabled={invalid}>{t('branding.save')}</Button></div>
    </form>
  );
}

/** A colour as hex text (empty: Tessera's default) with a picker beside it, and how readable white text is on it. */
function ColourField({ label, value, fallback, onChange }: { label: string; value: string; fallback: string; onChange: (hex: string) => void }) {
  const { t } = useTranslation('admin');
  const pickerId = useId();
  const valid = value === '' || HEX.test(value);
  const effective = value || fallback;
  const ratio = HEX.test(effective) ? contrastWithWhite(effective) : 0;
  return (
    <div className="stack" style={{ marginBottom: 'var(--space-4)' }}>
      <div className="colour-row">
        <TextField label={label} value={value} onChange={(event) => onChange(event.target.value.trim())} placeholder={fallback} maxLength={7}
          hint={t('branding.colourHint')} error={valid ? undefined : t('branding.colourInvalid')} />
        <div className="field">
          <label htmlFor={pickerId} className="sr-only">{t('branding.pick', { label })}</label>
          <input id={pickerId} type="color" className="swatch" value={HEX.test(effective) ? effective.toLowerCase() : fallback} onChange={(event) => onChange(event.target.value)} />
        </div>
        {value ? <Button variant="secondary" small onClick={() => onChange('')} className="reset-colour">{t('branding.reset')}</Button> : null}
      </div>
      {valid ? (
        ratio >= MIN_CONTRAST
          ? <p className="muted" style={{ margin: 0 }}>{t('branding.contrastOk', { ratio: ratio.toFixed(1) })}</p>
          : <Alert tone="warning">{t('branding.contrastLow', { ratio: ratio.toFixed(1), min: MIN_CONTRAST })}</Alert>
      ) : null}
    </div>
  );
}

/**
 * How the top bar and a button look with these colours. It is a picture of the result (the contrast of
 * each colour is said in words beside its field), so it is inert and hidden from assistive technology:
 * a colour being tried out may well be unreadable, which is what the warning is for.
 */
function Preview({ name, logoUrl, primary, accent }: { name: string; logoUrl: string; primary: string; accent: string }) {
  const { t } = useTranslation('admin');
  const safe = (colour: string, fallback: string) => (HEX.test(colour) ? colour : fallback);
  return (
    <div className="brand-preview" aria-hidden="true" inert>
      <div className="preview-bar" style={{ background: safe(primary, DEFAULT_PRIMARY) }}>
        {/^https?:\/\//.test(logoUrl) ? <img src={logoUrl} alt="" /> : null}
        <span>{name || 'Tessera'}</span>
      </div>
      <div className="preview-body">
        <span className="preview-button" style={{ background: safe(primary, DEFAULT_PRIMARY) }}>{t('branding.sampleButton')}</span>
        <span className="preview-button" style={{ background: safe(accent, DEFAULT_ACCENT) }}>{t('branding.sampleAccent')}</span>
      </div>
    </div>
  );
}
