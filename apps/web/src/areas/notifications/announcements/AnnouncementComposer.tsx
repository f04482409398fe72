import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldDetail } from '../../../api/field-errors';
import { useAction } from '../../../api/use-action';
import { Alert, BrowserSanitizedHtml, Button, Card, CheckboxField, ProblemAlert, SelectField, TextAreaField, TextField, toast } from '../../../ui';
import { createAnnouncement, previewAnnouncement, ROLE_AUDIENCES, type Announcement, type AnnouncementInput, type AnnouncementPreview, type Audience } from './announcements-api';

/**
 * Writes an announcement: to the course given, or (tenant admins) to a role; sent now or at a chosen time.
 * The preview shows how many it reaches and the email as they will read it, before anything is sent.
 */
export function AnnouncementComposer({ course, onCreated }: { course?: string; onCreated: (created: Announcement) => void }) {
  const { t } = useTranslation('notifications');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [role, setRole] = useState<(typeof ROLE_AUDIENCES)[number]>('student');
  const [later, setLater] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const [preview, setPreview] = useState<AnnouncementPreview | null>(null);
  const previewing = useAction();
  const sending = useAction();
  const error = sending.error ?? previewing.error;

  const audience: Audience = course ? { courseId: course } : { role };
  const input = (): AnnouncementInput => ({ audience, title, body, ...(later && sendAt ? { sendAt: new Date(sendAt).toISOString() } : {}) });
  const fieldError = (field: string) => fieldDetail(error, field);

  const showPreview = () => void previewing.run(async () => setPreview(await previewAnnouncement(input())));
  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void sending.run(async () => {
      const created = await createAnnouncement(input());
      toast(later ? t('announcements.scheduled') : t('announcements.sent'));
      setTitle('');
      setBody('');
      setPreview(null);
      onCreated(created);
    });
  };

  return (
    <Card title={t('announcements.compose')}>
      <form onSubmit={send} className="stack" noValidate>
        {error ? <ProblemAlert error={error} /> : null}
        {course ? null : (
          <SelectField label={t('announcements.audience')} value={role} onChange={(event) => setRole(event.target.value as typeof role)}
            options={ROLE_AUDIENCES.map((value) => ({ value, label: t(`announcements.roles.${value}`) }))} />
        )}
        <TextField label={t('announcements.titleField')} value={title} onChange={(event) => { setTitle(event.target.value); setPreview(null); }} maxLength={200} required error={fieldError('title')} />
        <TextAreaField label={t('announcements.body')} value={body} onChange={(event) => { setBody(event.target.value); setPreview(null); }} maxLength={5000} rows={5} required error={fieldError('body')} />
        <CheckboxField label={t('announcements.later')} checked={later} onChange={(event) => setLater(event.target.checked)} />
        {later ? <TextField label={t('announcements.sendAt')} type="datetime-local" value={sendAt} onChange={(event) => setSendAt(event.target.value)} error={fieldError('sendAt')} /> : null}
        <div className="row">
          <Button type="button" variant="secondary" busy={previewing.busy} onClick={showPreview}>{t('announcements.preview')}</Button>
          <Button type="submit" busy={sending.busy}>{later ? t('announcements.schedule') : t('announcements.sendNow')}</Button>
        </div>
        {preview ? <PreviewPanel preview={preview} /> : null}
      </form>
    </Card>
  );
}

function PreviewPanel({ preview }: { preview: AnnouncementPreview }) {
  const { t } = useTranslation('notifications');
  return (
    <section className="stack" aria-label={t('announcements.previewTitle')} data-testid="announcement-preview">
      <Alert tone={preview.recipients === 0 ? 'warning' : 'info'}>{t('announcements.reaches', { count: preview.recipients })}</Alert>
      <p><strong>{t('announcements.subject')}</strong> {preview.email.subject}</p>
      {/* The email's HTML through the app's sanitiser (its own styles dropped): what it says, as it will be laid out. */}
      <figure className="card" aria-label={t('announcements.emailPreview')} data-testid="email-preview">
        <BrowserSanitizedHtml html={preview.email.html} />
      </figure>
    </section>
  );
}
