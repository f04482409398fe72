import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useResource } from '../../api/use-resource';
import { Badge, EmptyState, PageHeader, ResourceView } from '../../ui';
import type { LearningPath as Path, PathStep } from './api-types';
import { useFormat } from './components/format';
import { coursePath, lessonPath, placementPath, practicePath } from './components/status';
import { courseTitle } from './practice/load';
import { MasteryBar } from './practice/MasteryBar';
import './student.css';

const STATUS_TONE = { mastered: 'success', ready: undefined, locked: 'warning' } as const;

/**
 * `/learn/courses/:courseId/path`: the course's skills in prerequisite order, each with its status, P(known),
 * the questions it is expected to take and the lessons that teach it.
 */
export default function LearningPath() {
  const { t } = useTranslation('student');
  const { courseId = '' } = useParams();
  const title = useResource(() => courseTitle(courseId), [courseId]);
  const path = useResource(() => unwrap(api.GET('/api/v1/adaptive/paths', { params: { query: { courseId } } })), [courseId]);
  return (
    <>
      <PageHeader title={t('path.title')} description={title.state.data}
        actions={<nav aria-label={t('practice.related')} className="row"><Link className="btn" to={practicePath(courseId)}>{t('recommend.practise')}</Link><Link to={placementPath(courseId)}>{t('placement.title')}</Link><Link to={coursePath(courseId)}>{t('lesson.backToCourse')}</Link></nav>} />
      <ResourceView resource={path}>{(data) => <PathSteps path={data} courseId={courseId} />}</ResourceView>
    </>
  );
}

function PathSteps({ path, courseId }: { path: Path; courseId: string }) {
  const { t } = useTranslation('student');
  if (path.steps.length === 0) return <EmptyState>{t('path.empty')}</EmptyState>;
  return (
    <div className="stack">
      <p>{path.itemsRemaining === 0 ? t('path.allMastered') : t('path.remaining', { count: path.itemsRemaining })}</p>
      <ol className="path-steps">
        {path.steps.map((step, index) => <Step key={step.skill.id} step={step} number={index + 1} courseId={courseId} />)}
      </ol>
    </div>
  );
}

function Step({ step, number, courseId }: { step: PathStep; number: number; courseId: string }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const headingId = `step-${step.skill.id}`;
  return (
    <li className={`card path-step ${step.status}`}>
      <div className="row spread">
        <h2 id={headingId} className="path-skill">{t('path.step', { number, skill: step.skill.name })}</h2>
        <Badge tone={STATUS_TONE[step.status]}>{t(`path.status.${step.status}`)}</Badge>
      </div>
      {step.status === 'locked' ? <p className="muted small">{t('path.lockedHint')}</p> : null}
      <MasteryBar value={step.pKnown} mastered={step.status === 'mastered'} label={t('mastery.of', { skill: step.skill.name })} />
      <p className="row muted small">
        <span>{t('path.known', { chance: format.chance(step.pKnown) })}</span>
        <span>{step.status === 'mastered' ? t('path.done') : t('path.itemsLeft', { count: step.itemsRemaining })}</span>
      </p>
      {step.lessons.length > 0 ? (
        <div>
          <h3 className="small">{t('path.lessons')}</h3>
          <ul className="path-lessons">
            {step.lessons.map((lesson) => <li key={lesson.lessonId}><Link to={lessonPath(courseId, lesson.lessonId)}>{lesson.title}</Link></li>)}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
