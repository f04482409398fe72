import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { withEtag, type Versioned } from '../../../api/versioned';
import { Button, Card, PageHeader, ResourceView, SelectField, TextField, toast, useLeaveWarning } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { StatusBadge } from '../components/StatusBadge';
import { Accommodations } from './Accommodations';
import { CATEGORIES, type Category, type Exam, type ExamBody } from './exam-types';
import { ExamSections } from './ExamSections';
import { ExamSettingsFields } from './ExamSettingsFields';
import '../instructor.css';

/** `/teach/exams/:examId`: an exam's questions, points, schedule and rules; publish, release, accommodations. */
export default function ExamBuilder() {
  const { examId = '' } = useParams();
  const exam = useResource(() => withEtag(api.GET('/api/v1/exams/{examId}', { params: { path: { examId } } })), [examId]);
  return (
    <ResourceView resource={exam}>
      {(loaded) => <LoadedExam key={loaded.etag} loaded={loaded} onSaved={(next) => exam.update(() => next)} onReload={exam.reload} />}
    </ResourceView>
  );
}

function bodyOf(exam: Exam): ExamBody {
  return { title: exam.title, category: exam.category, settings: exam.settings, sections: exam.sections };
}

function LoadedExam({ loaded, onSaved, onReload }: { loaded: Versioned<Exam>; onSaved: (next: Versioned<Exam>) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const exam = loaded.data;
  const [draft, setDraft] = useState<ExamBody>(() => bodyOf(exam));
  const [dirty, setDirty] = useState(false);
  const action = useAction();
  const path = { examId: exam.id };
  const edit = (next: ExamBody) => {
    setDraft(next);
    setDirty(true);
  };
  useLeaveWarning(dirty);

  const save = async (): Promise<Versioned<Exam>> => withEtag(api.PUT('/api/v1/exams/{examId}', { params: { path, header: { 'if-match': loaded.etag } }, body: draft }));
  const actions = {
    save: () => void action.run('save', async () => {
      onSaved(await save());
      toast(t('exam.saved'));
    }),
    publish: () => void action.run('publish', async () => {
      const current = dirty ? await save() : loaded;
      onSaved(await withEtag(api.POST('/api/v1/exams/{examId}/publish', { params: { path, header: { 'if-match': current.etag } } })));
      toast(t('exam.published'));
    }),
    archive: () => void action.run('archive', async () => {
      if (!window.confirm(t('exam.confirmArchive'))) return;
      onSaved(await withEtag(api.POST('/api/v1/exams/{examId}/archive', { params: { path, header: { 'if-match': loaded.etag } } })));
      toast(t('exam.archived'));
    }),
    release: () => void action.run('release', async () => {
      await unwrap(api.POST('/api/v1/exams/{examId}/release', { params: { path }, body: { results: true, feedback: true } }));
      toast(t('exam.released'));
    }),
  };
  return (
    <>
      <PageHeader title={draft.title || exam.title} description={<span className="row"><StatusBadge status={exam.status} /><span>{t('exam.versionLine', { version: exam.version, published: exam.publishedVersion ?? '—' })}</span></span>}
        actions={<nav aria-label={t('exam.related')} className="row"><Link to={`/teach/courses/${exam.courseId}/exams`}>{t('exam.backToExams')}</Link><Link to={`/teach/exams/${exam.id}/grading`}>{t('exams.grading')}</Link><Link to={`/teach/exams/${exam.id}/analysis`}>{t('exams.analysis')}</Link></nav>} />
      <ActionProblem error={action.error} onReload={onReload} />
      <Card title={t('exam.basics')}>
        <div className="form-grid">
          <TextField label={t('exams.examTitle')} value={draft.title} required maxLength={200} onChange={(event) => edit({ ...draft, title: event.target.value })} />
          <SelectField label={t('exams.category')} value={draft.category ?? 'exam'} onChange={(event) => edit({ ...draft, category: event.target.value as Category })} options={CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))} />
        </div>
      </Card>
      <Card title={t('exam.questions')}>
        <ExamSections sections={draft.sections as Exam['sections']} onChange={(sections) => edit({ ...draft, sections })} />
      </Card>
      <Card title={t('exam.rules')}>
        <ExamSettingsFields settings={{ ...exam.settings, ...draft.settings } as Exam['settings']} onChange={(settings) => edit({ ...draft, settings })} />
      </Card>
      <section className="card stack" aria-labelledby="exam-actions-heading">
        <h2 id="exam-actions-heading">{t('exam.publishing')}</h2>
        <p role="status" className="muted">{dirty ? t('items.unsaved') : t('items.allSaved')}</p>
        <div className="row">
          <Button busy={action.running === 'save'} disabled={!dirty} onClick={actions.save}>{t('exam.save')}</Button>
          <Button variant="secondary" busy={action.running === 'publish'} disabled={exam.status === 'archived'} onClick={actions.publish}>{t('exam.publish')}</Button>
          <Button variant="secondary" busy={action.running === 'release'} disabled={exam.publishedVersion === null} onClick={actions.release}>{t('exam.releaseNow')}</Button>
          <Button variant="danger" busy={action.running === 'archive'} disabled={exam.status === 'archived'} onClick={actions.archive}>{t('exam.archive')}</Button>
        </div>
        <p className="muted">{t('exam.releaseHint')}</p>
      </section>
      <Accommodations examId={exam.id} courseId={exam.courseId} />
    </>
  );
}
