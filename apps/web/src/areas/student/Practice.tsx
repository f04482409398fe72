import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { Button, EmptyState, PageHeader, ResourceView } from '../../ui';
import type { MasteryChange, NextPractice, PracticeResult } from './api-types';
import { useFormat } from './components/format';
import { coursePath, learningPathPath } from './components/status';
import { deliveredItem } from './exam/items';
import { CheckableQuestion } from './practice/CheckableQuestion';
import { courseTitle, loadMastery, withChanges } from './practice/load';
import { MasteryPanel } from './practice/MasteryPanel';
import { useReasonText } from './practice/reasons';
import { ReviewSettings } from './practice/ReviewSettings';
import './student.css';

/**
 * `/learn/courses/:courseId/practice`: one item at a time, chosen by the adaptive service, with the reason
 * and the predicted chance of success; "Check" grades it at once and the mastery bars move.
 */
export default function Practice() {
  const { t } = useTranslation('student');
  const { courseId = '' } = useParams();
  const title = useResource(() => courseTitle(courseId), [courseId]);
  const mastery = useResource(() => loadMastery(courseId), [courseId]);
  const [round, setRound] = useState(0);
  const [changes, setChanges] = useState<MasteryChange[]>([]);
  const answered = (result: PracticeResult) => {
    mastery.update((data) => withChanges(data, result.mastery));
    setChanges(result.mastery);
    mastery.reload();
  };
  return (
    <>
      <PageHeader title={t('practice.title')} description={title.state.data}
        actions={<nav aria-label={t('practice.related')} className="row"><Link to={learningPathPath(courseId)}>{t('path.title')}</Link><Link to={coursePath(courseId)}>{t('lesson.backToCourse')}</Link></nav>} />
      <div className="practice-layout">
        {/* A new round mounts afresh: the next item loads with its own state, none of the last answer's. */}
        <PracticeRound key={round} courseId={courseId} first={round === 0} onAnswered={answered} onNext={() => setRound(round + 1)} />
        <ResourceView resource={mastery}>{(data) => <MasteryPanel mastery={data} changes={changes} />}</ResourceView>
      </div>
      <ReviewSettings />
    </>
  );
}

function PracticeRound({ courseId, first, onAnswered, onNext }: { courseId: string; first: boolean; onAnswered: (result: PracticeResult) => void; onNext: () => void }) {
  const { t } = useTranslation('student');
  const next = useResource(() => unwrap(api.GET('/api/v1/adaptive/next', { params: { query: { courseId } } })), [courseId]);
  return (
    <section className="card practice-main" aria-label={t('practice.question')}>
      <ResourceView resource={next} loadingLabel={t('practice.choosing')}>
        {(data) => data.item ? <PracticeItem next={data} courseId={courseId} first={first} onAnswered={onAnswered} onNext={onNext} /> : <NothingToPractise next={data} courseId={courseId} />}
      </ResourceView>
    </section>
  );
}

function PracticeItem({ next, courseId, first, onAnswered, onNext }: { next: NextPractice; courseId: string; first: boolean; onAnswered: (result: PracticeResult) => void; onNext: () => void }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const reasonText = useReasonText();
  const item = useMemo(() => deliveredItem(next.item!), [next.item]);
  const reason = reasonText({ code: next.reason?.code ?? null, text: next.reason?.text ?? null, skill: next.skill?.name ?? null, forSkill: next.reason?.forSkill?.name ?? null });
  return (
    <div className="stack">
      <div className="practice-reason">
        {reason ? <p data-testid="practice-reason"><span className="muted">{t('practice.why')}</span> <strong>{reason}</strong></p> : null}
        <p className="row muted small">
          {next.predictedSuccess === null ? null : <span data-testid="predicted-success">{t('practice.predicted', { chance: format.chance(next.predictedSuccess) })}</span>}
          {next.dueReviews > 0 ? <span>{t('practice.dueReviews', { count: next.dueReviews })}</span> : null}
        </p>
      </div>
      <CheckableQuestion item={item} courseId={courseId} idBase="practice" focusHeading={!first}
        heading={item.title || t('practice.question')} onChecked={onAnswered}
        after={() => <div className="row"><Button onClick={onNext}>{t('practice.next')}</Button></div>} />
    </div>
  );
}

function NothingToPractise({ next, courseId }: { next: NextPractice; courseId: string }) {
  const { t } = useTranslation('student');
  return (
    <>
      <h2>{t('practice.nothingHeading')}</h2>
      <EmptyState action={<Link to={learningPathPath(courseId)}>{t('practice.seePath')}</Link>}>{next.message ?? t('practice.nothing')}</EmptyState>
    </>
  );
}
