import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { etagOf, withEtag } from '../../../api/versioned';
import { useSession } from '../../../auth/use-session';
import { Button, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { ReviewHistory } from '../components/ReviewHistory';
import type { CourseDraft } from './course-types';

/**
 * Review and publishing: authors submit a draft for review; reviewers (admins, who hold the review
 * permission) approve, reject, publish directly or archive. A course that cannot be published is refused
 * with every problem listed.
 */
export function Publishing({ course, etag, onChanged, onReload }: { course: CourseDraft; etag: string; onChanged: (course: CourseDraft, etag: string) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const session = useSession();
  const reviewer = Boolean(session?.roles.includes('tenant_admin'));
  const [comment, setComment] = useState('');
  const [nonce, setNonce] = useState(0);
  const action = useAction();
  const history = useResource(() => unwrap(api.GET('/api/v1/courses/{courseId}/review', { params: { path: { courseId: course.id } } })), [course.id, nonce]);
  const path = { courseId: course.id };
  const header = { 'if-match': etag };
  const body = comment.trim() ? { comment: comment.trim() } : {};

  /** Publishing answers with the published course; the draft (status, version, ETag) is read again after it. */
  const refreshDraft = async () => {
    const fresh = await withEtag(api.GET('/api/v1/courses/{courseId}', { params: { path, query: { view: 'draft' } } }));
    onChanged(fresh.data as CourseDraft, fresh.etag);
  };
  const step = (name: string, work: () => Promise<void>, done: string) => void action.run(name, async () => {
    await work();
    setComment('');
    setNonce((n) => n + 1);
    toast(done);
  });
  const submit = () => step('submit', async () => {
    const saved = await withEtag(api.POST('/api/v1/courses/{courseId}/review', { params: { path, header }, body }));
    onChanged({ ...course, ...saved.data }, saved.etag || etagOf(saved.data.version));
  }, t('publishing.submitted'));
  const approve = () => step('approve', async () => {
    await unwrap(api.POST('/api/v1/courses/{courseId}/review/approve', { params: { path, header }, body }));
    await refreshDraft();
  }, t('publishing.published'));
  const reject = () => step('reject', async () => {
    const saved = await withEtag(api.POST('/api/v1/courses/{courseId}/review/reject', { params: { path, header }, body: { comment: comment.trim() || t('publishing.rejectDefault') } }));
    onChanged({ ...course, ...saved.data }, saved.etag || etagOf(saved.data.version));
  }, t('publishing.rejected'));
  const publish = () => step('publish', async () => {
    await unwrap(api.POST('/api/v1/courses/{courseId}/publish', { params: { path, header }, body }));
    await refreshDraft();
  }, t('publishing.published'));
  const archive = () => step('archive', async () => {
    const saved = await withEtag(api.POST('/api/v1/courses/{courseId}/archive', { params: { path, header }, body }));
    onChanged({ ...course, ...saved.data }, saved.etag || etagOf(saved.data.version));
  }, t('publishing.archived'));

  // A published course that is changed becomes a draft again, so only drafts go to review.
  const canSubmit = course.status === 'draft';
  return (
    <div className="stack">
      <h2>{t('course.tab.publishing')}</h2>
      <p>{t(`publishing.explain.${course.status}`)}</p>
      {!reviewer ? <p className="muted">{t('publishing.reviewerNote')}</p> : null}
      <ActionProblem error={action.error} onReload={onReload} />
      <TextField label={t('publishing.comment')} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={4000} />
      <div className="row">
        <Button busy={action.running === 'submit'} disabled={!canSubmit} onClick={submit}>{t('publishing.submit')}</Button>
        {reviewer && course.status === 'in_review' ? <Button busy={action.running === 'approve'} onClick={approve}>{t('publishing.approve')}</Button> : null}
        {reviewer && course.status === 'in_review' ? <Button variant="secondary" busy={action.running === 'reject'} onClick={reject}>{t('publishing.reject')}</Button> : null}
        {reviewer && course.status !== 'in_review' && course.status !== 'archived' ? <Button variant="secondary" busy={action.running === 'publish'} onClick={publish}>{t('publishing.publishNow')}</Button> : null}
        {reviewer && course.status !== 'archived' ? <Button variant="danger" busy={action.running === 'archive'} onClick={archive}>{t('publishing.archive')}</Button> : null}
      </div>
      <h3>{t('review.history')}</h3>
      <ReviewHistory history={history} />
    </div>
  );
}
