import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, EmptyState, Loading, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { SortableList } from '../components/SortableList';
import { moved } from '../items/item-model';
import { useChangeQueue } from '../lib/use-change-queue';
import type { CourseLesson, OutlineModule } from './course-types';
import { InlineRename } from './InlineRename';
import { addLesson, addModule, changeLesson, changeModule, deleteLesson, deleteModule, loadOutline } from './outline-api';

/**
 * The modules and lessons of a course draft. Changes show at once (optimistically) and are sent one after
 * another, each with the version the previous one left, so quick moves never race each other; when one
 * fails, the outline is read again from the server and the problem shown.
 */
export function Outline({ courseId, locked, onChanged }: { courseId: string; locked: boolean; onChanged: () => void }) {
  const { t } = useTranslation('instructor');
  const { items: modules, error, saving, change, latest } = useChangeQueue<OutlineModule>(() => loadOutline(courseId), courseId, onChanged);

  const moveModule = (from: number, to: number) => change(
    (current) => moved(current, from, to),
    async (current) => {
      const module = current[to];
      if (!module) return current;
      const saved = await changeModule(module, { position: to + 1 });
      return current.map((entry) => (entry.id === saved.id ? { ...entry, ...saved } : entry));
    },
  );
  const renameModule = (moduleId: string, title: string) => change(
    (current) => current.map((entry) => (entry.id === moduleId ? { ...entry, title } : entry)),
    async (current) => {
      const module = current.find((entry) => entry.id === moduleId);
      if (!module) return current;
      const saved = await changeModule(module, { title });
      return current.map((entry) => (entry.id === saved.id ? { ...entry, ...saved } : entry));
    },
  );
  const removeModule = (moduleId: string) => {
    if (!window.confirm(t('outline.confirmDeleteModule'))) return;
    const module = latest().find((entry) => entry.id === moduleId);
    change((current) => current.filter((entry) => entry.id !== moduleId), async (current) => {
      if (module) await deleteModule(module);
      return current;
    });
  };
  const createModule = (title: string) => change(null, async (current) => {
    const created = await addModule(courseId, title);
    toast(t('outline.moduleAdded', { title }));
    return [...current, { ...created, lessons: [] }];
  });

  const withLessons = (current: OutlineModule[], moduleId: string, lessons: (list: CourseLesson[]) => CourseLesson[]) =>
    current.map((entry) => (entry.id === moduleId ? { ...entry, lessons: lessons(entry.lessons) } : entry));
  const moveLesson = (moduleId: string, from: number, to: number) => change(
    (current) => withLessons(current, moduleId, (lessons) => moved(lessons, from, to)),
    async (current) => {
      const lesson = current.find((entry) => entry.id === moduleId)?.lessons[to];
      if (!lesson) return current;
      const saved = await changeLesson(lesson, { position: to + 1 });
      return withLessons(current, moduleId, (lessons) => lessons.map((entry) => (entry.id === saved.id ? saved : entry)));
    },
  );
  const renameLesson = (moduleId: string, lessonId: string, title: string) => change(
    (current) => withLessons(current, moduleId, (lessons) => lessons.map((entry) => (entry.id === lessonId ? { ...entry, title } : entry))),
    async (current) => {
      const lesson = current.find((entry) => entry.id === moduleId)?.lessons.find((entry) => entry.id === lessonId);
      if (!lesson) return current;
      const saved = await changeLesson(lesson, { title });
      return withLessons(current, moduleId, (lessons) => lessons.map((entry) => (entry.id === saved.id ? saved : entry)));
    },
  );
  const removeLesson = (moduleId: string, lessonId: string) => {
    if (!window.confirm(t('outline.confirmDeleteLesson'))) return;
    const lesson = latest().find((entry) => entry.id === moduleId)?.lessons.find((entry) => entry.id === lessonId);
    change((current) => withLessons(current, moduleId, (lessons) => lessons.filter((entry) => entry.id !== lessonId)), async (current) => {
      if (lesson) await deleteLesson(lesson);
      return current;
    });
  };
  const createLesson = (moduleId: string, title: string) => change(null, async (current) => {
    const created = await addLesson(moduleId, title);
    toast(t('outline.lessonAdded', { title }));
    return withLessons(current, moduleId, (lessons) => [...lessons, created]);
  });

  if (!modules) return error ? <ActionProblem error={error} /> : <Loading />;
  return (
    <div className="stack">
      <h2>{t('course.tab.outline')}</h2>
      <p role="status" className="muted">{saving ? t('outline.saving') : t('outline.saved')}</p>
      <ActionProblem error={error} />
      {modules.length === 0 ? <EmptyState>{t('outline.noModules')}</EmptyState> : (
        <SortableList items={modules} idOf={(module) => module.id} nameOf={(module) => module.title} label={t('outline.modules')} disabled={locked} onMove={moveModule}
          renderItem={(module, index) => (
            <section className="outline-module stack" aria-label={module.title}>
              <InlineRename name={module.title} label={t('outline.moduleTitle')} disabled={locked} onRename={(title) => renameModule(module.id, title)}>
                <h3>{t('outline.moduleHeading', { n: index + 1, title: module.title })}</h3>
              </InlineRename>
              {module.lessons.length === 0 ? <p className="muted">{t('outline.noLessons')}</p> : (
                <SortableList items={module.lessons} idOf={(lesson) => lesson.id} nameOf={(lesson) => lesson.title} label={t('outline.lessonsOf', { title: module.title })} disabled={locked}
                  onMove={(from, to) => moveLesson(module.id, from, to)}
                  renderItem={(lesson) => (
                    <InlineRename name={lesson.title} label={t('outline.lessonTitle')} disabled={locked} onRename={(title) => renameLesson(module.id, lesson.id, title)}>
                      <div className="row">
                        <Link to={`/teach/lessons/${lesson.id}`}>{lesson.title}</Link>
                        <Button variant="secondary" small disabled={locked} onClick={() => removeLesson(module.id, lesson.id)} aria-label={t('outline.deleteNamed', { name: lesson.title })}>{t('outline.delete')}</Button>
                      </div>
                    </InlineRename>
                  )} />
              )}
              <AddForm label={t('outline.newLesson', { title: module.title })} button={t('outline.addLesson')} disabled={locked} onAdd={(title) => createLesson(module.id, title)} />
              <div><Button variant="danger" small disabled={locked} onClick={() => removeModule(module.id)} aria-label={t('outline.deleteNamed', { name: module.title })}>{t('outline.deleteModule')}</Button></div>
            </section>
          )} />
      )}
      <AddForm label={t('outline.newModule')} button={t('outline.addModule')} disabled={locked} onAdd={createModule} />
    </div>
  );
}

function AddForm({ label, button, onAdd, disabled }: { label: string; button: string; onAdd: (title: string) => void; disabled: boolean }) {
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    onAdd(title.trim());
    setTitle('');
  };
  return (
    <form className="row list-row" onSubmit={submit}>
      <div className="grow"><TextField label={label} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} disabled={disabled} /></div>
      <Button type="submit" variant="secondary" small disabled={disabled || !title.trim()}>{button}</Button>
    </form>
  );
}
