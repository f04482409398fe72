import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { BrowserSanitizedHtml, Button, EmptyState, PageHeader, ResourceView, TextAreaField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { NumberField } from '../items/editors/shared';
import type { ResponseOf } from '../lib/api-types';
import { formatDateTime, shortId } from '../lib/dates';
import '../instructor.css';

type Entry = ResponseOf<'/api/v1/exams/{examId}/grading-queue', 'get'>['items'][number];

/** `/teach/exams/:examId/grading`: essays waiting for a grader, oldest first, graded with the item's rubric. */
export default function GradingQueue() {
  const { examId = '' } = useParams();
  const { t } = useTranslation('instructor');
  const [nonce, setNonce] = useState(0);
  const queue = useResource(() => unwrap(api.GET('/api/v1/exams/{examId}/grading-queue', { params: { path: { examId }, query: { limit: 20 } } })), [examId, nonce]);
  const release = useAction();
  const done = (entry: Entry) => queue.update((data) => ({ ...data, items: data.items.filter((other) => !(other.submissionId === entry.submissionId && other.slot === entry.slot)) }));
  return (
    <>
      <PageHeader title={t('grading.title')} description={t('grading.description')}
        actions={<nav aria-label={t('exam.related')} className="row"><Link to={`/teach/exams/${examId}`}>{t('grading.backToExam')}</Link><Link to={`/teach/exams/${examId}/analysis`}>{t('exams.analysis')}</Link></nav>} />
      <ActionProblem error={release.error} />
      <div className="row">
        <Button variant="secondary" busy={release.running === 'release'} onClick={() => void release.run('release', async () => {
          await unwrap(api.POST('/api/v1/exams/{examId}/release', { params: { path: { examId } }, body: { results: true, feedback: true } }));
          toast(t('exam.released'));
        })}>{t('grading.release')}</Button>
        <Button variant="secondary" onClick={() => setNonce((n) => n + 1)}>{t('grading.refresh')}</Button>
      </div>
      <ResourceView resource={queue}>
        {(data) => data.items.length === 0 ? <EmptyState>{t('grading.empty')}</EmptyState> : (
          <div className="stack">
            <p role="status">{t('grading.waiting', { count: data.items.length })}</p>
            {data.items.map((entry) => <GradeCard key={`${entry.submissionId}-${entry.slot}`} entry={entry} onGraded={() => done(entry)} />)}
            {data.nextCursor ? <p className="muted">{t('grading.more')}</p> : null}
          </div>
        )}
      </ResourceView>
    </>
  );
}

/** One essay: the question, the student's answer, a score per rubric criterion and a comment. */
function GradeCard({ entry, onGraded }: { entry: Entry; onGraded: () => void }) {
  const { t, i18n } = useTranslation('instructor');
  const [scores, setScores] = useState<Array<number | null>>(entry.item.rubric.map(() => null));
  const [comment, setComment] = useState('');
  const action = useAction();
  const rubricPoints = entry.item.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
  const earned = scores.reduce<number>((sum, score) => sum + (score ?? 0), 0);
  const slotScore = rubricPoints > 0 ? Math.round((earned / rubricPoints) * entry.maxScore * 100) / 100 : 0;
  const complete = scores.every((score, index) => score !== null && score >= 0 && score <= (entry.item.rubric[index]?.points ?? 0));
  const words = (entry.answer ?? '').trim().split(/\s+/).filter(Boolean).length;
  const title = entry.item.title ?? t('grading.untitled');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run('grade', async () => {
      const result = await unwrap(api.PUT('/api/v1/submissions/{submissionId}/grades/{slot}', { params: { path: { submissionId: entry.submissionId, slot: entry.slot } }, body: {
        rubric: scores.map((points, criterion) => ({ criterion, points: points ?? 0 })),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      } }));
      toast(t('grading.graded', { score: result.score, max: result.maxScore }));
      onGraded();
    });
  };
  return (
    <article className="card stack" aria-labelledby={`grade-${entry.submissionId}-${entry.slot}`}>
      <h2 id={`grade-${entry.submissionId}-${entry.slot}`}>{t('grading.cardTitle', { title, id: shortId(entry.userId) })}</h2>
      <p className="muted">{t('grading.submittedAt', { at: formatDateTime(entry.submittedAt, i18n.language), slot: entry.slot, points: entry.maxScore })}</p>
      {entry.item.stem ? <BrowserSanitizedHtml html={entry.item.stem} /> : null}
      <h3>{t('grading.answer')}</h3>
      {entry.answer ? <div className="answer-text">{entry.answer}</div> : <p className="muted">{t('grading.noAnswer')}</p>}
      <p className="muted">{entry.item.expectedWords ? t('grading.wordsExpected', { count: words, expected: entry.item.expectedWords }) : t('grading.words', { count: words })}</p>
      <form className="stack" onSubmit={submit}>
        <fieldset className="stack">
          <legend>{t('grading.rubric')}</legend>
          {entry.item.rubric.map((criterion, index) => (
            <div className="rubric-row" key={index}>
              <NumberField label={t('grading.criterionScore', { criterion: criterion.criterion, max: criterion.points })} value={scores[index] ?? null} min={0} max={criterion.points} step="0.5"
                onChange={(value) => setScores((list) => list.map((score, i) => (i === index ? value : score)))} />
            </div>
          ))}
        </fieldset>
        <p role="status">{t('grading.total', { earned, rubric: rubricPoints, score: slotScore, max: entry.maxScore })}</p>
        <TextAreaField label={t('grading.comment')} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={10000} />
        <ActionProblem error={action.error} />
        <div><Button type="submit" busy={action.running === 'grade'} disabled={!complete}>{t('grading.save')}</Button></div>
      </form>
    </article>
  );
}
