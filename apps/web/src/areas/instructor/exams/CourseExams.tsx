import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Alert, Button, Card, EmptyState, PageHeader, ResourceView, SelectField, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../lib/dates';
import { CATEGORIES, type Category } from './exam-types';
import '../instructor.css';

/** `/teach/courses/:courseId/exams`: the exams and quizzes of a course; create a draft. */
export default function CourseExams() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation('instructor');
  const navigate = useNavigate();
  const exams = useResource(() => unwrap(api.GET('/api/v1/courses/{courseId}/exams', { params: { path: { courseId } } })), [courseId]);
  const action = useAction();
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void action.run('create', async () => {
      const created = await unwrap(api.POST('/api/v1/courses/{courseId}/exams', { params: { path: { courseId } }, body: {
        title: String(form.get('title') ?? '').trim(), category: form.get('category') as Category, sections: [],
      } }));
      toast(t('exams.created'));
      navigate(`/teach/exams/${created.id}`);
    });
  };
  const notPublished = exams.state.status === 'error' && exams.state.error.code === 'ASSESSMENT.COURSE_NOT_FOUND';
  return (
    <>
      <PageHeader title={t('exams.title')} description={t('exams.description')} actions={<Link to={`/teach/courses/${courseId}`}>{t('shared.backToCourse')}</Link>} />
      {notPublished ? <Alert tone="info">{t('exams.courseNotPublished')}</Alert> : (
        <>
          <Card title={t('exams.newHeading')}>
            <form className="stack" onSubmit={create}>
              <ActionProblem error={action.error} />
              <div className="form-grid">
                <TextField label={t('exams.examTitle')} name="title" required maxLength={200} />
                <SelectField label={t('exams.category')} name="category" defaultValue="exam" options={CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))} />
              </div>
              <div><Button type="submit" busy={action.running === 'create'}>{t('exams.create')}</Button></div>
            </form>
          </Card>
          <h2>{t('exams.listHeading')}</h2>
          <ResourceView resource={exams}>
            {(data) => data.items.length === 0 ? <EmptyState>{t('exams.empty')}</EmptyState> : (
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{t('exams.listHeading')}</caption>
                  <thead><tr><th scope="col">{t('exams.examTitle')}</th><th scope="col">{t('exams.category')}</th><th scope="col">{t('exams.status')}</th><th scope="col">{t('exams.window')}</th><th scope="col">{t('exams.more')}</th></tr></thead>
                  <tbody>
                    {data.items.map((exam) => (
                      <tr key={exam.id}>
                        <td><Link to={`/teach/exams/${exam.id}`}>{exam.title}</Link></td>
                        <td>{t(`category.${exam.category}`)}</td>
                        <td><StatusBadge status={exam.status} /></td>
                        <td>{exam.settings.opensAt || exam.settings.closesAt ? `${formatDateTime(exam.settings.opensAt, i18n.language) || '…'} – ${formatDateTime(exam.settings.closesAt, i18n.language) || '…'}` : t('exams.alwaysOpen')}</td>
                        <td className="row"><Link to={`/teach/exams/${exam.id}/grading`} aria-label={t('exams.gradingOf', { title: exam.title })}>{t('exams.grading')}</Link><Link to={`/teach/exams/${exam.id}/analysis`} aria-label={t('exams.analysisOf', { title: exam.title })}>{t('exams.analysis')}</Link></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </ResourceView>
        </>
      )}
    </>
  );
}
