import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { etagOf, withEtag, type Versioned } from '../../../api/versioned';
import { useSession } from '../../../auth/use-session';
import { Button, PageHeader, ResourceView, TextField, toast, useLeaveWarning } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { StatusBadge } from '../components/StatusBadge';
import { loadAllSkills, type Skill } from '../lib/skills';
import { blankItem, ITEM_TYPES, itemFromApi, type ItemBody, type ItemSummary, type ItemType } from './item-model';
import { ItemForm } from './ItemForm';
import { ItemReviewHistory } from './ItemReviewHistory';
import { ExportButtons } from './ExportButtons';
import { requestBody } from './request-body';
import '../instructor.css';

interface Meta {
  id: string;
  status: string;
  version: number;
  publishedVersion: number | null;
}

/** `/teach/items/new` and `/teach/items/:itemId`: write a question of any type with its live preview. */
export default function ItemEdit() {
  const { itemId } = useParams();
  const skills = useResource(loadAllSkills, []);
  const skillList = skills.state.status === 'ready' ? skills.state.data : [];
  return itemId ? <ExistingItem itemId={itemId} skills={skillList} /> : <NewItem skills={skillList} />;
}

function NewItem({ skills }: { skills: Skill[] }) {
  const { t } = useTranslation('instructor');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const wanted = params.get('type') as ItemType | null;
  const [item, setItem] = useState<ItemBody>(() => blankItem(wanted && ITEM_TYPES.includes(wanted) ? wanted : 'single_choice'));
  const action = useAction();
  const create = () => action.run('create', async () => {
    const created = await unwrap(api.POST('/api/v1/items', { body: requestBody(item) }));
    toast(t('items.created'));
    navigate(`/teach/items/${created.id}`, { replace: true });
  });
  return (
    <>
      <PageHeader title={t('items.newTitle')} description={t('items.newDescription')} actions={<Link to="/teach/items">{t('items.backToBank')}</Link>} />
      <ActionProblem error={action.error} />
      <ItemForm item={item} onChange={setItem} typeLocked={false} skills={skills} />
      <div className="row sticky-actions">
        <Button busy={action.running === 'create'} onClick={() => void create()}>{t('items.saveDraft')}</Button>
      </div>
    </>
  );
}

function ExistingItem({ itemId, skills }: { itemId: string; skills: Skill[] }) {
  const resource = useResource(async () => {
    const { data, etag } = await withEtag(api.GET('/api/v1/items/{itemId}', { params: { path: { itemId } } }));
    return { item: itemFromApi(data), meta: { id: data.id, status: data.status ?? 'draft', version: data.version, publishedVersion: data.publishedVersion ?? null }, etag };
  }, [itemId]);
  return (
    <ResourceView resource={resource}>
      {(loaded) => <LoadedItem key={`${loaded.meta.id}-${loaded.etag}`} initial={loaded} skills={skills} onReload={resource.reload} />}
    </ResourceView>
  );
}

function LoadedItem({ initial, skills, onReload }: { initial: { item: ItemBody; meta: Meta; etag: string }; skills: Skill[]; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const navigate = useNavigate();
  const session = useSession();
  const isReviewer = Boolean(session?.roles.includes('tenant_admin'));
  const [item, setItem] = useState(initial.item);
  const [meta, setMeta] = useState(initial.meta);
  const [etag, setEtag] = useState(initial.etag);
  const [dirty, setDirty] = useState(false);
  const [comment, setComment] = useState('');
  const [historyNonce, setHistoryNonce] = useState(0);
  const action = useAction();
  const path = { itemId: meta.id };
  const inReview = meta.status === 'in_review';

  useLeaveWarning(dirty);

  const accept = ({ data, etag: next }: Versioned<ItemSummary>) => {
    setMeta({ id: data.id, status: data.status ?? 'draft', version: data.version, publishedVersion: data.publishedVersion ?? null });
    setEtag(next || etagOf(data.version));
    setHistoryNonce((n) => n + 1);
  };
  const save = async () => {
    const result = await withEtag(api.PUT('/api/v1/items/{itemId}', { params: { path, header: { 'if-match': etag } }, body: requestBody(item) }));
    accept(result);
    setDirty(false);
    return result.etag;
  };
  const run = (name: string, work: () => Promise<void>) => void action.run(name, work);

  const actions = {
    save: () => run('save', async () => {
      await save();
      toast(t('items.saved'));
    }),
    publish: () => run('publish', async () => {
      const current = dirty ? await save() : etag;
      accept(await withEtag(api.POST('/api/v1/items/{itemId}/publish', { params: { path, header: { 'if-match': current } } })));
      toast(t('items.published'));
    }),
    review: () => run('review', async () => {
      const current = dirty ? await save() : etag;
      accept(await withEtag(api.POST('/api/v1/items/{itemId}/review', { params: { path, header: { 'if-match': current } }, body: comment ? { comment } : {} })));
      setComment('');
      toast(t('items.submitted'));
    }),
    approve: () => run('approve', async () => {
      accept(await withEtag(api.POST('/api/v1/items/{itemId}/review/approve', { params: { path, header: { 'if-match': etag } }, body: comment ? { comment } : {} })));
      toast(t('items.published'));
    }),
    reject: () => run('reject', async () => {
      accept(await withEtag(api.POST('/api/v1/items/{itemId}/review/reject', { params: { path, header: { 'if-match': etag } }, body: { comment: comment || t('items.rejectDefault') } })));
      toast(t('items.rejected'));
    }),
    archive: () => run('archive', async () => {
      accept(await withEtag(api.POST('/api/v1/items/{itemId}/archive', { params: { path, header: { 'if-match': etag } }, body: {} })));
      toast(t('items.archived'));
    }),
    remove: () => run('delete', async () => {
      if (!window.confirm(t('items.confirmDelete'))) return;
      await unwrap(api.DELETE('/api/v1/items/{itemId}', { params: { path, header: { 'if-match': etag } } }));
      toast(t('items.deleted'));
      navigate('/teach/items');
    }),
  };

  return (
    <>
      <PageHeader title={item.title || t('items.untitled')} description={<span className="row"><StatusBadge status={meta.status} /><span>{t('items.versionLine', { version: meta.version, published: meta.publishedVersion ?? '—' })}</span></span>} actions={<Link to="/teach/items">{t('items.backToBank')}</Link>} />
      <ActionProblem error={action.error} onReload={onReload} />
      {inReview ? <p className="alert info">{t('items.inReviewNote')}</p> : null}
      <ItemForm item={item} onChange={(next) => { setItem(next); setDirty(true); }} typeLocked skills={skills} disabled={inReview} />
      <section className="card stack" aria-labelledby="item-workflow-heading">
        <h2 id="item-workflow-heading">{t('items.workflow')}</h2>
        <p role="status" className="muted">{dirty ? t('items.unsaved') : t('items.allSaved')}</p>
        <TextField label={t('items.reviewComment')} value={comment} onChange={(event) => setComment(event.target.value)} />
        <div className="row">
          <Button busy={action.running === 'save'} disabled={!dirty || inReview} onClick={actions.save}>{t('items.saveDraft')}</Button>
          <Button variant="secondary" busy={action.running === 'publish'} disabled={inReview || (meta.status === 'published' && !dirty)} onClick={actions.publish}>{t('items.publish')}</Button>
          <Button variant="secondary" busy={action.running === 'review'} disabled={inReview || (meta.status === 'published' && !dirty)} onClick={actions.review}>{t('items.submitForReview')}</Button>
          {isReviewer && inReview ? <Button variant="secondary" busy={action.running === 'approve'} onClick={actions.approve}>{t('items.approve')}</Button> : null}
          {isReviewer && inReview ? <Button variant="secondary" busy={action.running === 'reject'} onClick={actions.reject}>{t('items.reject')}</Button> : null}
          {isReviewer && meta.status !== 'archived' ? <Button variant="danger" busy={action.running === 'archive'} onClick={actions.archive}>{t('items.archive')}</Button> : null}
          {meta.publishedVersion === null ? <Button variant="danger" busy={action.running === 'delete'} onClick={actions.remove}>{t('items.delete')}</Button> : null}
        </div>
        <ExportButtons ids={[meta.id]} />
      </section>
      <ItemReviewHistory itemId={meta.id} nonce={historyNonce} />
    </>
  );
}
