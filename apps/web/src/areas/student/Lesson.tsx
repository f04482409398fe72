import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageView } from '../../analytics/use-page-view';
import { api, unwrap } from '../../api/client';
import { asApiError } from '../../api/problem';
import { CONTENT_LOCKED, LockedLesson } from '../billing/lesson/LockedLesson';
import { useResource } from '../../api/use-resource';
import { Alert, Badge, Button, PageHeader, ProblemAlert, ResourceView, toast } from '../../ui';
import type { MyCourse, NextLesson, PublishedLesson } from './api-types';
import { coursePath, lessonPath } from './components/status';
import { findMyCourse, LEARNING } from './course/enrollment';
import { Blocks } from './lesson/Blocks';
import { useLessonProgress } from './lesson/use-lesson-progress';
import './student.css';

interface LessonPage {
  lesson: PublishedLesson;
  next: NextLesson;
  mine: MyCourse | null;
}

/** A paid course's lesson the student may not open (yet: a fresh place opens it a moment later). */
interface LockedPage {
  locked: true;
  learning: boolean;
}

async function loadLesson(courseId: string, lessonId: string): Promise<LessonPage | LockedPage> {
  const mine = await findMyCourse(courseId);
  const learning = mine !== null && LEARNING.includes(mine.status);
  // A student in progress follows the course version they enrolled in.
  const query = mine && learning ? { version: mine.courseVersion } : {};
  try {
    const [lesson, next] = await Promise.all([
      unwrap(api.GET('/api/v1/lessons/{lessonId}', { params: { path: { lessonId }, query } })),
      unwrap(api.GET('/api/v1/lessons/{lessonId}/next', { params: { path: { lessonId }, query } })),
    ]);
    if (!('blocks' in lesson)) throw new Error('not a published lesson');
    return { lesson, next, mine };
  } catch (error) {
    if (asApiError(error).code === CONTENT_LOCKED) return { locked: true, learning };
    throw error;
  }
}

/** The lesson player: the lesson's blocks, time spent reported, "mark complete" and the next lesson; a paid course's lesson the student may not open offers to buy it. */
export default function Lesson() {
  const { t } = useTranslation('student');
  const { courseId = '', lessonId = '' } = useParams();
  const page = useResource(() => loadLesson(courseId, lessonId), [courseId, lessonId]);
  const shown = page.state.data && !('locked' in page.state.data) ? page.state.data : null;
  return (
    <>
      <PageHeader title={shown?.lesson.title ?? t('lesson.title')} description={shown?.lesson.summary || undefined}
        actions={<Link to={coursePath(courseId)}>{t('lesson.backToCourse')}</Link>} />
      <ResourceView resource={page}>
        {(data) => ('locked' in data
          ? <LockedLesson key={lessonId} courseId={courseId} lessonId={lessonId} placeTaken={data.learning} onOpened={page.reload} />
          : <LessonBody key={lessonId} data={data} courseId={courseId} />)}
      </ResourceView>
    </>
  );
}

function LessonBody({ data, courseId }: { data: LessonPage; courseId: string }) {
  const { t } = useTranslation('student');
  const { lesson, next, mine } = data;
  const learning = mine !== null && LEARNING.includes(mine.status);
  const progress = useLessonProgress(learning ? mine.enrollmentId : null, lesson.id);
  usePageView(courseId, lesson.id);
  return (
    <div className="stack">
      {learning ? null : (
        <Alert tone="info">{t('lesson.notEnrolled')} <Link to={coursePath(courseId)}>{t('lesson.toCourse')}</Link></Alert>
      )}
      <Blocks blocks={lesson.blocks} lessonId={lesson.id} version={lesson.version} courseId={courseId} checkable={learning} />
      <section className="card" aria-labelledby="lesson-end-heading">
        <h2 id="lesson-end-heading">{t('lesson.finish')}</h2>
        <ProblemAlert error={progress.error} />
        {learning ? <CompleteControl progress={progress} /> : null}
        <div className="row">
          {next.next ? (
            <Link className={progress.completed || !learning ? 'btn' : 'btn secondary'} to={lessonPath(courseId, next.next.lessonId)}>{t('lesson.next', { title: next.next.title })}</Link>
          ) : (
            <Link className="btn secondary" to={coursePath(courseId)}>{t('lesson.lastDone')}</Link>
          )}
        </div>
      </section>
    </div>
  );
}

function CompleteControl({ progress }: { progress: ReturnType<typeof useLessonProgress> }) {
  const { t } = useTranslation('student');
  const [busy, setBusy] = useState(false);
  const markComplete = async () => {
    setBusy(true);
    if (await progress.complete()) toast(t('lesson.completedToast'));
    setBusy(false);
  };
  if (progress.completed) {
    return (
      <p role="status">
        <Badge tone="success">{t('lesson.done')}</Badge>{' '}
        {progress.progress ? t('course.lessonsDone', { done: progress.progress.completedLessons, total: progress.progress.totalLessons }) : null}
      </p>
    );
  }
  return <p><Button busy={busy} disabled={!progress.progress} onClick={markComplete}>{t('lesson.markComplete')}</Button></p>;
}
