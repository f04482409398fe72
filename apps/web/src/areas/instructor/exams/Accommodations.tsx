import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Button, Card, ResourceView, SelectField, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { shortId } from '../lib/dates';

/** Extra time and attempts per student (a running attempt's deadline moves at once). */
export function Accommodations({ examId, courseId }: { examId: string; courseId: string }) {
  const { t } = useTranslation('instructor');
  const list = useResource(() => unwrap(api.GET('/api/v1/exams/{examId}/accommodations', { params: { path: { examId } } })), [examId]);
  // The roster names the students one can choose; without it (no enrollments yet) an id can be typed.
  const roster = useResource(() => unwrap(api.GET('/api/v1/courses/{courseId}/roster', { params: { path: { courseId }, query: { limit: 100 } } })).catch(() => ({ items: [], nextCursor: null })), [courseId]);
  const students = roster.state.status === 'ready' ? roster.state.data.items.map((row) => row.userId) : [];
  const [userId, setUserId] = useState('');
  const action = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const whole = (name: string) => Math.max(0, Math.round(Number(form.get(name) ?? 0) || 0));
    const note = String(form.get('note') ?? '').trim();
    const target = userId.trim();
    void action.run('save', async () => {
      const saved = await unwrap(api.PUT('/api/v1/exams/{examId}/accommodations/{userId}', { params: { path: { examId, userId: target } }, body: {
        extraTimePercent: whole('extraTimePercent'), extraMinutes: whole('extraMinutes'), extraAttempts: whole('extraAttempts'), ...(note ? { note } : {}),
      } }));
      list.update((data) => ({ items: [...data.items.filter((entry) => entry.userId !== saved.userId), saved] }));
      toast(t('accommodations.saved', { id: shortId(target) }));
    });
  };
  return (
    <Card title={t('accommodations.title')}>
      <div className="stack">
        <ResourceView resource={list}>
          {(data) => data.items.length === 0 ? <p className="muted">{t('accommodations.none')}</p> : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('accommodations.title')}</caption>
                <thead><tr><th scope="col">{t('roster.student')}</th><th scope="col">{t('accommodations.extraTimePercent')}</th><th scope="col">{t('accommodations.extraMinutes')}</th><th scope="col">{t('accommodations.extraAttempts')}</th><th scope="col">{t('accommodations.note')}</th></tr></thead>
                <tbody>{data.items.map((entry) => (
                  <tr key={entry.userId}><td title={entry.userId}>{t('shared.student', { id: shortId(entry.userId) })}</td><td>{entry.extraTimePercent}%</td><td>{entry.extraMinutes}</td><td>{entry.extraAttempts}</td><td>{entry.note ?? ''}</td></tr>
                ))}</tbody>
              </table>
            </div>
          )}
        </ResourceView>
        <form className="stack" onSubmit={submit}>
          <h3>{t('accommodations.setHeading')}</h3>
          <ActionProblem error={action.error} />
          <div className="form-grid">
            {students.length > 0 ? (
              <SelectField label={t('roster.student')} value={userId} required onChange={(event) => setUserId(event.target.value)}
                options={[{ value: '', label: t('accommodations.choose') }, ...students.map((id) => ({ value: id, label: t('shared.student', { id: shortId(id) }) }))]} />
            ) : (
              <TextField label={t('accommodations.userId')} value={userId} required onChange={(event) => setUserId(event.target.value)} hint={t('accommodations.userIdHint')} />
            )}
            <TextField label={t('accommodations.extraTimePercent')} name="extraTimePercent" type="number" min={0} max={500} defaultValue={0} />
            <TextField label={t('accommodations.extraMinutes')} name="extraMinutes" type="number" min={0} max={10080} defaultValue={0} />
            <TextField label={t('accommodations.extraAttempts')} name="extraAttempts" type="number" min={0} max={100} defaultValue={0} />
          </div>
          <TextField label={t('accommodations.note')} name="note" maxLength={1000} />
          <div><Button type="submit" busy={action.running === 'save'} disabled={!userId.trim()}>{t('accommodations.save')}</Button></div>
        </form>
      </div>
    </Card>
  );
}
