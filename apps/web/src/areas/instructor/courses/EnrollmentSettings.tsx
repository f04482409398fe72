import { useTranslation } from 'react-i18next';
import { type FormEvent } from 'react';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { withEtag } from '../../../api/versioned';
import { Alert, Button, CheckboxField, ResourceView, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { fromLocalInput, toLocalInput } from '../lib/dates';

/** Capacity (empty: unlimited), enrollment window and waitlist of a published course, with seats in use (If-Match). */
export function EnrollmentSettings({ courseId, published }: { courseId: string; published: boolean }) {
  const { t } = useTranslation('instructor');
  const settings = useResource(() => withEtag(api.GET('/api/v1/courses/{courseId}/enrollment-settings', { params: { path: { courseId } } })), [courseId, published]);
  const action = useAction();
  if (!published) return <div className="stack"><h2>{t('course.tab.enrollment')}</h2><Alert tone="info">{t('enrollment.afterPublish')}</Alert></div>;
  return (
    <div className="stack">
      <h2>{t('course.tab.enrollment')}</h2>
      <ResourceView resource={settings}>
        {({ data, etag }) => {
          const submit = (event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const capacity = String(form.get('capacity') ?? '').trim();
            void action.run('save', async () => {
              const saved = await withEtag(api.PUT('/api/v1/courses/{courseId}/enrollment-settings', { params: { path: { courseId }, header: { 'if-match': etag } }, body: {
                capacity: capacity === '' ? null : Math.max(0, Math.round(Number(capacity))),
                opensAt: fromLocalInput(String(form.get('opensAt') ?? '')),
                closesAt: fromLocalInput(String(form.get('closesAt') ?? '')),
                waitlistEnabled: form.get('waitlist') === 'on',
              } }));
              settings.update(() => saved);
              toast(t('enrollment.saved'));
            });
          };
          return (
            <form key={etag} onSubmit={submit} className="stack">
              <p>{t('enrollment.seats', { taken: data.seatsTaken, waitlisted: data.waitlisted })}</p>
              <ActionProblem error={action.error} onReload={settings.reload} />
              <div className="form-grid">
                <TextField label={t('enrollment.capacity')} name="capacity" type="number" min={0} defaultValue={data.capacity ?? ''} hint={t('enrollment.capacityHint')} />
                <TextField label={t('enrollment.opensAt')} name="opensAt" type="datetime-local" defaultValue={toLocalInput(data.opensAt)} />
                <TextField label={t('enrollment.closesAt')} name="closesAt" type="datetime-local" defaultValue={toLocalInput(data.closesAt)} />
              </div>
              <CheckboxField label={t('enrollment.waitlist')} name="waitlist" defaultChecked={data.waitlistEnabled} />
              <div><Button type="submit" busy={action.running === 'save'}>{t('enrollment.save')}</Button></div>
            </form>
          );
        }}
      </ResourceView>
    </div>
  );
}
