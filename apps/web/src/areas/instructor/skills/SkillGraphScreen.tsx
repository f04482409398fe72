import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { etagOf, withEtag } from '../../../api/versioned';
import { Button, Card, EmptyState, PageHeader, ResourceView, SelectField, TextAreaField, TextField, toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import { SkillGraph } from '../components/SkillGraph';
import { Check } from '../items/editors/shared';
import { loadAllSkills, type Skill } from '../lib/skills';
import '../instructor.css';

/** `/teach/skills`: the tenant's skills, their prerequisites, and the graph they make. */
export default function SkillGraphScreen() {
  const { t } = useTranslation('instructor');
  const skills = useResource(loadAllSkills, []);
  const [selected, setSelected] = useState<string | null>(null);
  const replace = (saved: Skill) => skills.update((list) => (list.some((skill) => skill.id === saved.id) ? list.map((skill) => (skill.id === saved.id ? saved : skill)) : [...list, saved].sort((a, b) => a.name.localeCompare(b.name))));
  return (
    <>
      <PageHeader title={t('skills.title')} description={t('skills.description')} />
      <ResourceView resource={skills}>
        {(list) => (
          <div className="stack">
            <NewSkill onCreated={(skill) => { replace(skill); setSelected(skill.id); }} />
            {list.length === 0 ? <EmptyState>{t('skills.empty')}</EmptyState> : (
              <>
                <Prerequisites skills={list} selected={selected ?? list[0]?.id ?? null} onSelect={setSelected} onSaved={replace} onReload={skills.reload} />
                <Card title={t('skills.graphHeading')}>
                  <SkillGraph nodes={list.map((skill) => ({ id: skill.id, name: skill.name, requires: skill.prerequisites }))} selected={selected} />
                </Card>
              </>
            )}
          </div>
        )}
      </ResourceView>
    </>
  );
}

function NewSkill({ onCreated }: { onCreated: (skill: Skill) => void }) {
  const { t } = useTranslation('instructor');
  const action = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const description = String(form.get('description') ?? '').trim();
    void action.run('create', async () => {
      const created = await unwrap(api.POST('/api/v1/skills', { body: { name: String(form.get('name') ?? '').trim(), ...(description ? { description } : {}) } }));
      formElement.reset();
      toast(t('skills.created', { name: created.name }));
      onCreated(created);
    });
  };
  return (
    <Card title={t('skills.newHeading')}>
      <form className="stack" onSubmit={submit}>
        <ActionProblem error={action.error} />
        <TextField label={t('skills.name')} name="name" required maxLength={120} />
        <TextAreaField label={t('skills.skillDescription')} name="description" rows={2} maxLength={4000} />
        <div><Button type="submit" busy={action.running === 'create'}>{t('skills.create')}</Button></div>
      </form>
    </Card>
  );
}

/** The skills one skill directly requires, saved with If-Match; a cycle is refused by the API and explained. */
function Prerequisites({ skills, selected, onSelect, onSaved, onReload }: { skills: Skill[]; selected: string | null; onSelect: (id: string) => void; onSaved: (skill: Skill) => void; onReload: () => void }) {
  const { t } = useTranslation('instructor');
  const skill = skills.find((entry) => entry.id === selected) ?? skills[0];
  const [chosen, setChosen] = useState<string[]>(skill?.prerequisites ?? []);
  const [shownFor, setShownFor] = useState(skill?.id);
  const action = useAction();
  if (skill && shownFor !== skill.id) {
    // Another skill was picked: start from its own prerequisites.
    setShownFor(skill.id);
    setChosen(skill.prerequisites);
    action.setError(null);
  }
  if (!skill) return null;
  const save = (event: FormEvent) => {
    event.preventDefault();
    void action.run('save', async () => {
      const saved = await withEtag(api.PUT('/api/v1/skills/{skillId}/prerequisites', { params: { path: { skillId: skill.id }, header: { 'if-match': etagOf(skill.version) } }, body: { requires: chosen } }));
      onSaved(saved.data);
      toast(t('skills.saved', { name: skill.name }));
    });
  };
  return (
    <Card title={t('skills.prerequisitesHeading')}>
      <form className="stack" onSubmit={save}>
        <SelectField label={t('skills.skill')} value={skill.id} onChange={(event) => onSelect(event.target.value)} options={skills.map((entry) => ({ value: entry.id, label: entry.name }))} />
        {skill.description ? <p className="muted">{skill.description}</p> : null}
        <fieldset className="stack">
          <legend>{t('skills.requires', { name: skill.name })}</legend>
          {skills.filter((other) => other.id !== skill.id).map((other) => (
            <Check key={other.id} label={other.name} checked={chosen.includes(other.id)} onChange={(on) => setChosen((list) => (on ? [...list, other.id] : list.filter((id) => id !== other.id)))} />
          ))}
          {skills.length === 1 ? <p className="muted">{t('skills.onlyOne')}</p> : null}
        </fieldset>
        <ActionProblem error={action.error} onReload={onReload} />
        <div><Button type="submit" busy={action.running === 'save'}>{t('skills.savePrerequisites')}</Button></div>
      </form>
    </Card>
  );
}
