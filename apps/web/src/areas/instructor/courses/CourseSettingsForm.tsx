import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { withEtag } from '../../../api/versioned';
import { Button, SelectField, TextAreaField, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import type { BodyOf } from '../lib/api-types';
import type { CourseDraft } from './course-types';

type Changes = BodyOf<'/api/v1/courses/{courseId}', 'patch'>;

/** Title, description, category, language, level, tags and visibility of a course draft (If-Match). */
export function CourseSettingsForm({ course, etag, onSaved, onReload }: { course: CourseDraft; etag: string; onSaved: (course: CourseDraft, etag: string) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const action = useAction();
  const [tags, setTags] = useState(course.tags.join(', '));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const category = String(form.get('category') ?? '').trim();
    const body: Changes = {
      title: String(form.get('title') ?? '').trim(),
      summary: String(form.get('summary') ?? ''),
      category: category || null,
      language: String(form.get('language') ?? 'en').trim(),
      level: form.get('level') as Changes['level'],
      visibility: form.get('visibility') as Changes['visibility'],
      tags: [...new Set(tags.split(',').map((tag) => tag.trim()).filter(Boolean))],
    };
    void action.run('save', async () => {
      const saved = await withEtag(api.PATCH('/api/v1/courses/{courseId}', { params: { path: { courseId: course.id }, header: { 'if-match': etag } }, body }));
      onSaved({ ...course, ...saved.data }, saved.etag);
      toast(t('course.settingsSaved'));
    });
  };
  return (
    <form onSubmit={submit} className="stack">
      <h2>{t('course.tab.settings')}</h2>
      <ActionProblem error={action.error} onReload={onReload} />
      <TextField label={t('courses.courseTitle')} name="title" defaultValue={course.title} required maxLength={200} />
      <TextAreaField label={t('course.descriptionField')} name="summary" defaultValue={course.summary} maxLength={4000} />
      <div className="form-grid">
        <TextField label={t('course.category')} name="category" defaultValue={course.category ?? ''} maxLength={100} />
        <TextField label={t('courses.language')} name="language" defaultValue={course.language} required pattern="[a-z]{2,3}(-[A-Za-z0-9]{2,8})*" hint={t('courses.languageHint')} />
        <SelectField label={t('courses.level')} name="level" defaultValue={course.level} options={['beginner', 'intermediate', 'advanced'].map((level) => ({ value: level, label: t(`level.${level}`) }))} />
        <SelectField label={t('course.visibility')} name="visibility" defaultValue={course.visibility} options={['public', 'tenant', 'unlisted'].map((visibility) => ({ value: visibility, label: t(`visibility.${visibility}`) }))} hint={t('course.visibilityHint')} />
      </div>
      <TextField label={t('course.tags')} value={tags} onChange={(event) => setTags(event.target.value)} hint={t('course.tagsHint')} />
      <div><Button type="submit" busy={action.running === 'save'}>{t('course.saveSettings')}</Button></div>
    </form>
  );
}
