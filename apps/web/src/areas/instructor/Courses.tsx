import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { Button, Card, EmptyState, PageHeader, SelectField, TextField, toast } from '../../ui';
import { ActionProblem } from './components/ActionProblem';
import { PagedTable } from './components/PagedTable';
import { StatusBadge } from './components/StatusBadge';
import type { ResponseOf } from './lib/api-types';
import { formatDateTime } from './lib/dates';
import { useMorePages } from './lib/use-more-pages';
import './instructor.css';

type DraftRow = Extract<ResponseOf<'/api/v1/courses', 'get'>['items'][number], { status: string }>;
type Status = DraftRow['status'];
const STATUSES: Status[] = ['draft', 'in_review', 'published', 'archived'];

/** `/teach`: the courses I co-author (all of them for admins), with their status; create a new one. */
export default function MyCourses() {
  const { t, i18n } = useTranslation('instructor');
  const [status, setStatus] = useState<Status | ''>('');
  const loadPage = async (cursor?: string) => {
    const page = await unwrap(api.GET('/api/v1/courses', { params: { query: { limit: 50, view: 'draft', ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) } } }));
    return { items: page.items as DraftRow[], nextCursor: page.nextCursor };
  };
  const courses = useResource(() => loadPage(), [status]);
  const more = useMorePages(loadPage);
  return (
    <>
      <PageHeader title={t('courses.title')} description={t('courses.description')} />
      <NewCourseForm />
      <h2>{t('courses.listHeading')}</h2>
      <div className="form-grid">
        <SelectField label={t('courses.statusFilter')} value={status} onChange={(event) => { setStatus(event.target.value as Status | ''); more.reset(); }}
          options={[{ value: '', label: t('courses.anyStatus') }, ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))]} />
      </div>
      <PagedTable resource={courses} more={more} caption={t('courses.listHeading')} empty={<EmptyState>{t('courses.empty')}</EmptyState>}
        columns={[t('courses.courseTitle'), t('courses.status'), t('courses.published'), t('courses.updated')]}
        row={(course) => (
          <tr key={course.id}>
            <td><Link to={`/teach/courses/${course.id}`}>{course.title}</Link></td>
            <td><StatusBadge status={course.status} /></td>
            <td>{course.publishedVersion ? t('courses.publishedVersion', { version: course.publishedVersion }) : t('courses.never')}</td>
            <td>{formatDateTime(course.updatedAt, i18n.language)}</td>
          </tr>
        )} />
    </>
  );
}

function NewCourseForm() {
  const { t } = useTranslation('instructor');
  const navigate = useNavigate();
  const action = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void action.run('create', async () => {
      const summary = String(form.get('summary') ?? '').trim();
      const created = await unwrap(api.POST('/api/v1/courses', { body: {
        title: String(form.get('title') ?? '').trim(),
        ...(summary ? { summary } : {}),
        language: String(form.get('language') ?? 'en'),
        level: String(form.get('level') ?? 'beginner') as 'beginner',
      } }));
      toast(t('courses.created'));
      navigate(`/teach/courses/${created.id}`);
    });
  };
  return (
    <Card title={t('courses.newHeading')}>
      <form onSubmit={submit} className="stack">
        <ActionProblem error={action.error} />
        <div className="form-grid">
          <TextField label={t('courses.courseTitle')} name="title" required maxLength={200} />
          <TextField label={t('courses.language')} name="language" defaultValue="en" required pattern="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" hint={t('courses.languageHint')} />
          <SelectField label={t('courses.level')} name="level" defaultValue="beginner" options={['beginner', 'intermediate', 'advanced'].map((level) => ({ value: level, label: t(`level.${level}`) }))} />
        </div>
        <TextField label={t('courses.summary')} name="summary" maxLength={4000} />
        <div><Button type="submit" busy={action.running === 'create'}>{t('courses.create')}</Button></div>
      </form>
    </Card>
  );
}
