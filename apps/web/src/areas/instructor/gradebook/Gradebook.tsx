import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { Alert, Card, EmptyState, PageHeader, ResourceView, useCursorPaging } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { PageButtons } from '../components/PageButtons';
import type { ResponseOf } from '../lib/api-types';
import { shortId } from '../lib/dates';
import { SchemeEditor } from './SchemeEditor';
import '../instructor.css';

type Page = ResponseOf<'/api/v1/courses/{courseId}/gradebook', 'get'>;

/** `/teach/courses/:courseId/gradebook`: a page of students at a time, the grading scheme, the CSV download. */
export default function Gradebook() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation('instructor');
  const paging = useCursorPaging();
  const { cursor } = paging;
  const page = useResource(() => unwrap(api.GET('/api/v1/courses/{courseId}/gradebook', { params: { path: { courseId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } } })), [courseId, cursor]);
  const scheme = useResource(() => unwrap(api.GET('/api/v1/courses/{courseId}/gradebook/scheme', { params: { path: { courseId } } })), [courseId]);
  const download = useAction();
  const csvPath = `/api/v1/courses/${courseId}/gradebook.csv`;
  const notPublished = page.state.status === 'error' && page.state.error.code === 'ASSESSMENT.COURSE_NOT_FOUND';
  return (
    <>
      <PageHeader title={t('gradebook.title')} description={t('gradebook.description')} actions={<Link to={`/teach/courses/${courseId}`}>{t('shared.backToCourse')}</Link>} />
      {notPublished ? <Alert tone="info">{t('exams.courseNotPublished')}</Alert> : (
        <>
          <div className="row">
            <a className="btn secondary" href={csvPath} download="gradebook.csv" onClick={(event) => {
              // The API takes a bearer token only, so the link downloads through fetch (see downloadFile).
              event.preventDefault();
              void download.run('csv', () => downloadFile(csvPath, 'gradebook.csv'));
            }}>{t('gradebook.csv')}</a>
          </div>
          <ActionProblem error={download.error} />
          <ResourceView resource={page}>
            {(data) => data.items.length === 0 && paging.page === 1 ? <EmptyState>{t('gradebook.empty')}</EmptyState> : (
              <div className="stack">
                <GradeTable data={data} />
                <PageButtons paging={paging} nextCursor={data.nextCursor} />
              </div>
            )}
          </ResourceView>
          <div className="section-gap">
            <Card title={t('gradebook.schemeHeading')}>
              <ResourceView resource={scheme}>
                {(data) => <SchemeEditor key={data.version} courseId={courseId} scheme={data} onSaved={(saved) => { scheme.update(() => saved); page.reload(); }} onReload={scheme.reload} />}
              </ResourceView>
            </Card>
          </div>
        </>
      )}
    </>
  );
}

function GradeTable({ data }: { data: Page }) {
  const { t, i18n } = useTranslation('instructor');
  const percent = (value: number | null) => (value === null ? '—' : `${new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value)} %`);
  const categories = data.scheme.categories.map((entry) => entry.category);
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t('gradebook.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.student')}</th>
            {data.exams.map((exam) => <th scope="col" key={exam.id}>{exam.title}</th>)}
            {categories.map((category) => <th scope="col" key={category}>{t(`category.${category}`)}</th>)}
            <th scope="col">{t('gradebook.course')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((row) => (
            <tr key={row.userId}>
              <th scope="row" title={row.userId}>{t('shared.student', { id: shortId(row.userId) })}</th>
              {row.exams.map((cell) => (
                <td key={cell.examId}>{cell.pending ? t('gradebook.pending') : percent(cell.percent)}{cell.percent !== null && !cell.released ? <span className="muted"> {t('gradebook.unreleased')}</span> : null}</td>
              ))}
              {categories.map((category) => {
                const cell = row.categories.find((entry) => entry.category === category);
                return <td key={category}>{percent(cell?.percent ?? null)}{cell && cell.dropped.length > 0 ? <span className="muted"> {t('gradebook.dropped', { count: cell.dropped.length })}</span> : null}</td>;
              })}
              <td><strong>{percent(row.percent)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
