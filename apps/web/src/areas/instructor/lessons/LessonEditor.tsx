import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { withEtag } from '../../../api/versioned';
import { Button, Card, EmptyState, Loading, PageHeader, ResourceView, TextAreaField, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { SortableList } from '../components/SortableList';
import { Check } from '../items/editors/shared';
import { moved } from '../items/item-model';
import { loadAllSkills, type Skill } from '../lib/skills';
import { useChangeQueue } from '../lib/use-change-queue';
import { AddBlock } from './AddBlock';
import { addBlock, changeBlock, deleteBlock, loadBlocks, type BlockChanges, type NewBlock } from './blocks-api';
import { BlockCard } from './BlockCard';
import type { Block, LessonDraft } from './lesson-types';
import '../instructor.css';

/** `/teach/lessons/:lessonId`: a lesson's title, skills and content blocks (text, video, file, question). */
export default function LessonEditor() {
  const { lessonId = '' } = useParams();
  const lesson = useResource(() => withEtag(api.GET('/api/v1/lessons/{lessonId}', { params: { path: { lessonId }, query: { view: 'draft' } } })), [lessonId]);
  const skills = useResource(loadAllSkills, []);
  return (
    <ResourceView resource={lesson}>
      {({ data, etag }) => {
        const draft = data as LessonDraft;
        return (
          <>
            <LessonDetails key={etag} lesson={draft} etag={etag} skills={skills.state.status === 'ready' ? skills.state.data : []} onSaved={(saved) => lesson.update(() => saved)} onReload={lesson.reload} />
            <Blocks lessonId={lessonId} />
          </>
        );
      }}
    </ResourceView>
  );
}

function LessonDetails({ lesson, etag, skills, onSaved, onReload }: { lesson: LessonDraft; etag: string; skills: Skill[]; onSaved: (saved: { data: LessonDraft; etag: string }) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const [chosen, setChosen] = useState(lesson.skills);
  const action = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void action.run('save', async () => {
      const saved = await withEtag(api.PATCH('/api/v1/lessons/{lessonId}', { params: { path: { lessonId: lesson.id }, header: { 'if-match': etag } }, body: {
        title: String(form.get('title') ?? '').trim(), summary: String(form.get('summary') ?? ''), skills: chosen,
      } }));
      onSaved(saved);
      toast(t('lesson.saved'));
    });
  };
  return (
    <>
      <PageHeader title={lesson.title} description={t('lesson.description')} actions={<Link to={`/teach/courses/${lesson.courseId}`}>{t('shared.backToCourse')}</Link>} />
      <Card title={t('lesson.details')}>
        <form onSubmit={submit} className="stack">
          <ActionProblem error={action.error} onReload={onReload} />
          <TextField label={t('lesson.title')} name="title" defaultValue={lesson.title} required maxLength={200} />
          <TextAreaField label={t('lesson.summary')} name="summary" defaultValue={lesson.summary} maxLength={4000} rows={3} />
          {skills.length > 0 ? (
            <fieldset className="stack">
              <legend>{t('lesson.skills')}</legend>
              {skills.map((skill) => <Check key={skill.id} label={skill.name} checked={chosen.includes(skill.id)} onChange={(on) => setChosen((list) => (on ? [...list, skill.id] : list.filter((id) => id !== skill.id)))} />)}
            </fieldset>
          ) : null}
          <div><Button type="submit" busy={action.running === 'save'}>{t('lesson.save')}</Button></div>
        </form>
      </Card>
    </>
  );
}

/**
 * The lesson's blocks: changes show at once and are sent one after another (each with the version the
 * one before left); a failure reloads the blocks and says why.
 */
function Blocks({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation('instructor');
  const { items: blocks, error, change, latest } = useChangeQueue<Block>(() => loadBlocks(lessonId), lessonId);
  const replaceOne = (current: Block[], saved: Block) => current.map((entry) => (entry.id === saved.id ? saved : entry));
  const move = (from: number, to: number) => void change((current) => moved(current, from, to), async (current) => {
    const block = current[to];
    return block ? replaceOne(current, await changeBlock(block, { position: to + 1 })) : current;
  });
  const edit = (blockId: string, changes: BlockChanges) => change(null, async (current) => {
    const block = current.find((entry) => entry.id === blockId);
    if (!block) return current;
    const saved = await changeBlock(block, changes);
    toast(t('blocks.saved'));
    return replaceOne(current, saved);
  });
  const remove = (blockId: string) => {
    if (!window.confirm(t('blocks.confirmDelete'))) return;
    const block = latest().find((entry) => entry.id === blockId);
    void change((current) => current.filter((entry) => entry.id !== blockId), async (current) => {
      if (block) await deleteBlock(block);
      return current;
    });
  };
  const create = (block: NewBlock) => change(null, async (current) => {
    const created = await addBlock(lessonId, block);
    toast(t('blocks.added'));
    return [...current, created];
  });

  return (
    <section className="section-gap stack" aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">{t('blocks.title')}</h2>
      <ActionProblem error={error} />
      {blocks === null ? <Loading /> : blocks.length === 0 ? <EmptyState>{t('blocks.empty')}</EmptyState> : (
        <SortableList items={blocks} idOf={(block) => block.id} nameOf={(block) => block.title ?? t(`blocks.kind.${block.kind}`)} label={t('blocks.title')} onMove={move}
          renderItem={(block, index) => <BlockCard block={block} index={index} disabled={false} onChange={(changes) => edit(block.id, changes)} onDelete={() => remove(block.id)} />} />
      )}
      <AddBlock onAdd={create} />
    </section>
  );
}
