import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { asApiError, type ApiError } from '../../../api/problem';
import { Alert, Badge, Button, ProblemAlert, ProgressBar, toast } from '../../../ui';
import { formatDuration, useFormat } from '../components/format';
import { enrollmentTone, lessonPath } from '../components/status';
import { LEARNING } from './enrollment';
import { firstLesson, type CoursePage } from './load';

/** Where the student stands with the course, and the one thing to do next (enroll, continue, wait, pay). */
export function EnrollPanel({ data, onChanged }: { data: CoursePage; onChanged: () => void }) {
  const { t } = useTranslation('student');
  const { enrollment } = data;
  const ended = !enrollment || enrollment.status === 'cancelled' || enrollment.status === 'expired';
  return (
    <section className="card" aria-labelledby="enrollment-heading">
      <h2 id="enrollment-heading">{t('course.yourPlace')}</h2>
      {ended ? <EnrollButton data={data} onChanged={onChanged} /> : <EnrollmentState data={data} />}
    </section>
  );
}

function EnrollButton({ data, onChanged }: { data: CoursePage; onChanged: () => void }) {
  const { t } = useTranslation('student');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const enroll = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await unwrap(api.POST('/api/v1/courses/{courseId}/enroll', { params: { path: { courseId: data.course.id } }, body: {} }));
      toast(t(`enroll.done.${created.status}`, { defaultValue: t('enroll.done.other') }));
      onChanged();
    } catch (caught) {
      const problem = asApiError(caught);
      // Enrolled meanwhile (another tab, a double click): show where things stand.
      if (problem.code === 'ENROLLMENT.ALREADY_ENROLLED') onChanged();
      else setError(problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {data.enrollment ? <p>{t(`enroll.ended.${data.enrollment.status}`)}</p> : <p>{t('enroll.notEnrolled')}</p>}
      {data.course.priceRef ? <p className="muted">{t('enroll.paidNotice')}</p> : null}
      <ProblemAlert error={error} />
      <Button busy={busy} onClick={enroll}>{t('enroll.action')}</Button>
    </>
  );
}

function EnrollmentState({ data }: { data: CoursePage }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const enrollment = data.enrollment!;
  const badge = <Badge tone={enrollmentTone(enrollment.status)}>{t(`status.${enrollment.status}`)}</Badge>;
  if (LEARNING.includes(enrollment.status)) return <Learning data={data} badge={badge} />;
  if (enrollment.status === 'waitlisted') {
    return (
      <>
        {badge}
        <Alert tone="info">{enrollment.waitlistPosition ? t('enroll.waitlistedAt', { position: enrollment.waitlistPosition }) : t('enroll.waitlisted')}</Alert>
      </>
    );
  }
  if (enrollment.status === 'pending_payment') {
    return (
      <>
        {badge}
        <Alert tone="warning">
          <p>{t('enroll.paymentRequired')}</p>
          <p>{enrollment.paymentDueAt ? t('enroll.paymentHeldUntil', { when: format.dateTime(enrollment.paymentDueAt) }) : t('enroll.paymentLater')}</p>
        </Alert>
      </>
    );
  }
  return (
    <>
      {badge}
      <Alert tone="info">{t('enroll.requested')}</Alert>
    </>
  );
}

function Learning({ data, badge }: { data: CoursePage; badge: ReactNode }) {
  const { t } = useTranslation('student');
  const progress = data.progress;
  const resume = progress?.resumeLessonId ?? firstLesson(data.structure);
  const started = (progress?.completedLessons ?? 0) > 0 || progress?.resumeLessonId;
  return (
    <div className="stack">
      <div className="row">{badge}</div>
      {progress ? (
        <>
          <ProgressBar value={progress.percent / 100} label={t('course.progressOf', { title: data.course.title })} />
          <p className="muted">
            {t('course.lessonsDone', { done: progress.completedLessons, total: progress.totalLessons })}
            {progress.secondsSpent > 0 ? ` · ${t('course.timeSpent', { time: formatDuration(progress.secondsSpent, t) })}` : ''}
          </p>
        </>
      ) : null}
      {resume ? <div className="row"><Link className="btn" to={lessonPath(data.course.id, resume)}>{started ? t('course.continue') : t('course.start')}</Link></div> : null}
    </div>
  );
}
