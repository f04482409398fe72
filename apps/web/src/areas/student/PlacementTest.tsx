import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useAction } from '../../api/use-action';
import { useResource } from '../../api/use-resource';
import { Alert, Button, PageHeader, ProblemAlert, ResourceView, ServerSanitizedHtml } from '../../ui';
import type { AdaptiveTest, ItemResponse } from './api-types';
import { useFormat } from './components/format';
import { learningPathPath, practicePath } from './components/status';
import { deliveredItem } from './exam/items';
import { QuestionInput } from './exam/questions/QuestionInput';
import './student.css';

/**
 * `/learn/courses/:courseId/placement`: a computerized adaptive test of the course's skills. Each question is
 * the most informative at the current estimate of the student's level; the test stops once the estimate is
 * precise enough or the questions run out. The session id stays in the address, so a reload resumes it.
 */
export default function PlacementTest() {
  const { t } = useTranslation('student');
  const { courseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('session');
  const start = useAction();
  const begin = () => start.run(async () => {
    const session = await unwrap(api.POST('/api/v1/adaptive/tests', { body: { courseId } }));
    setParams({ session: session.id }, { replace: true });
  });
  return (
    <>
      <PageHeader title={t('placement.title')} description={t('placement.description')}
        actions={<nav aria-label={t('practice.related')} className="row"><Link to={learningPathPath(courseId)}>{t('path.title')}</Link><Link to={practicePath(courseId)}>{t('practice.title')}</Link></nav>} />
      {sessionId ? <Session key={sessionId} sessionId={sessionId} courseId={courseId} /> : (
        <section className="card stack" aria-labelledby="placement-start-heading">
          <h2 id="placement-start-heading">{t('placement.startHeading')}</h2>
          <p>{t('placement.intro')}</p>
          <ProblemAlert error={start.error} />
          <div><Button busy={start.busy} onClick={begin}>{t('placement.start')}</Button></div>
        </section>
      )}
    </>
  );
}

function Session({ sessionId, courseId }: { sessionId: string; courseId: string }) {
  const session = useResource(() => unwrap(api.GET('/api/v1/adaptive/tests/{sessionId}', { params: { path: { sessionId } } })), [sessionId]);
  return (
    <ResourceView resource={session}>
      {(data) => (data.status === 'finished' || !data.item
        ? <Finished session={data} courseId={courseId} />
        : <Asking key={data.answered} session={data} onAnswered={(next) => session.update(() => next)} />)}
    </ResourceView>
  );
}

function Asking({ session, onAnswered }: { session: AdaptiveTest; onAnswered: (next: AdaptiveTest) => void }) {
  const { t } = useTranslation('student');
  const item = useMemo(() => deliveredItem(session.item!), [session.item]);
  const [response, setResponse] = useState<ItemResponse | null>(null);
  const action = useAction();
  // A skipped question is sent as no answer: the test counts it wrong and moves on.
  const send = (name: 'submit' | 'skip', answer: ItemResponse | null) => action.run(name, async () => {
    onAnswered(await unwrap(api.POST('/api/v1/adaptive/tests/{sessionId}/answers', { params: { path: { sessionId: session.id } }, body: { itemId: item.id, response: answer } })));
  });
  const ids = { heading: 'placement-heading', stem: 'placement-stem' };
  const heading = useRef<HTMLHeadingElement>(null);
  // Each new question takes the focus from the button that sent the last answer (which is gone).
  useEffect(() => {
    if (session.answered > 0) heading.current?.focus();
  }, [session.answered]);
  return (
    <section className="card stack checkable-question" aria-labelledby={ids.heading}>
      <p className="muted small" data-testid="placement-progress">{t('placement.progress', { number: session.answered + 1, max: session.maxItems })}</p>
      <h2 id={ids.heading} ref={heading} className="question-title" tabIndex={-1}>{item.title || t('practice.question')}</h2>
      {item.type === 'cloze' ? null : <ServerSanitizedHtml id={ids.stem} className="question-stem" html={item.stem} />}
      <QuestionInput item={item} response={response} onChange={setResponse} labelledBy={`${ids.heading} ${ids.stem}`} idBase={`placement-${session.answered}`} stemId={ids.stem} />
      <ProblemAlert error={action.error} />
      <div className="row">
        <Button busy={action.running === 'submit'} disabled={response === null || action.busy} onClick={() => send('submit', response)}>{t('placement.submit')}</Button>
        <Button variant="secondary" busy={action.running === 'skip'} disabled={action.busy} onClick={() => send('skip', null)}>{t('placement.skip')}</Button>
      </div>
    </section>
  );
}

/** The result: the level on the model's scale in words, how precise it is, and why the test stopped. */
function Finished({ session, courseId }: { session: AdaptiveTest; courseId: string }) {
  const { t } = useTranslation('student');
  const format = useFormat();
  const level = session.theta < -1 ? 'beginning' : session.theta > 1 ? 'advanced' : 'onTrack';
  return (
    <section className="card stack" aria-labelledby="placement-result-heading">
      <h2 id="placement-result-heading">{t('placement.resultHeading')}</h2>
      <Alert tone="success">
        <p className="answer-verdict" data-testid="placement-level">{t(`placement.level.${level}`)}</p>
        <p>{t('placement.estimate', { theta: format.number(session.theta), se: format.number(session.se), count: session.answered })}</p>
      </Alert>
      {session.stopReason ? <p className="muted">{t(`placement.stop.${session.stopReason}`)}</p> : null}
      <div className="row">
        <Link className="btn" to={practicePath(courseId)}>{t('course.practise')}</Link>
        <Link className="btn secondary" to={learningPathPath(courseId)}>{t('course.path')}</Link>
      </div>
    </section>
  );
}
