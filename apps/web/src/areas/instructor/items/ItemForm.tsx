import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../ui';
import type { Skill } from '../lib/skills';
import { TypeEditor } from './editors';
import { Check, NumberField, TextList } from './editors/shared';
import { blankItem, ITEM_TYPES, type ItemBody, type ItemType } from './item-model';
import { itemProblems } from './item-problems';
import { ItemPreview } from './ItemPreview';

/**
 * The whole item editor: type, title and question text, the type's own editor, what is still missing
 * before it can be published, and the live preview beside it. `onChange` gets the item as the API takes it.
 */
export function ItemForm({ item, onChange, typeLocked, skills, disabled }: { item: ItemBody; onChange: (next: ItemBody) => void; typeLocked: boolean; skills: Skill[]; disabled?: boolean }) {
  const { t } = useTranslation('instructor');
  const problems = itemProblems(item);
  return (
    <div className="editor-layout">
      <section className="editor-pane" aria-labelledby="item-editor-heading">
        <h2 id="item-editor-heading">{t('items.editorHeading')}</h2>
        <fieldset className="plain stack" disabled={disabled}>
        <legend className="sr-only">{t('items.editorHeading')}</legend>
        {typeLocked ? (
          <p><strong>{t('items.typeLabel')}</strong> {t(`itemType.${item.type}`)}</p>
        ) : (
          <SelectField label={t('items.typeLabel')} value={item.type} onChange={(event) => onChange(blankItem(event.target.value as ItemType, { title: item.title, stem: item.stem }))}
            options={ITEM_TYPES.map((type) => ({ value: type, label: t(`itemType.${type}`) }))} />
        )}
        <TextField label={t('items.title')} value={item.title} maxLength={200} required onChange={(event) => onChange({ ...item, title: event.target.value })} />
        <TextAreaField label={t('items.stem')} value={item.stem} hint={item.type === 'cloze' ? t('items.stemClozeHint', { first: '{{gap1}}', second: '{{gap2}}' }) : t('items.stemHint')} onChange={(event) => onChange({ ...item, stem: event.target.value })} />
        <h3>{t('items.answerHeading')}</h3>
        <TypeEditor item={item} onChange={onChange} />
        <MoreSettings item={item} onChange={onChange} skills={skills} />
        <section className={`checklist${problems.length === 0 ? ' ready' : ''}`} aria-labelledby="item-problems-heading">
          <h3 id="item-problems-heading">{problems.length === 0 ? t('items.ready') : t('items.notReady', { count: problems.length })}</h3>
          {problems.length > 0 ? <ul>{problems.map((problem, index) => <li key={index}>{t(`itemProblem.${problem.key}`, problem.values ?? {})}</li>)}</ul> : null}
        </section>
        </fieldset>
      </section>
      <section className="preview-pane card" aria-labelledby="item-preview-heading">
        <h2 id="item-preview-heading">{t('items.preview')}</h2>
        <ItemPreview item={item} />
      </section>
    </div>
  );
}

/** Skills, difficulty, feedback and hints: optional, folded away until wanted. */
function MoreSettings({ item, onChange, skills }: { item: ItemBody; onChange: (next: ItemBody) => void; skills: Skill[] }) {
  const { t } = useTranslation('instructor');
  const chosen = item.skills ?? [];
  const feedback = item.feedback ?? {};
  const setFeedback = (field: 'general' | 'correct' | 'incorrect', text: string) => onChange({ ...item, feedback: { ...feedback, [field]: text } });
  return (
    <details className="more-settings">
      <summary>{t('items.moreSettings')}</summary>
      <div className="stack">
        {skills.length > 0 ? (
          <fieldset className="stack">
            <legend>{t('items.skills')}</legend>
            {skills.map((skill) => (
              <Check key={skill.id} label={skill.name} checked={chosen.includes(skill.id)} onChange={(checked) => onChange({ ...item, skills: checked ? [...chosen, skill.id] : chosen.filter((id) => id !== skill.id) })} />
            ))}
          </fieldset>
        ) : null}
        <NumberField label={t('items.difficulty')} hint={t('items.difficultyHint')} value={item.difficulty ?? null} min={0} max={1} onChange={(difficulty) => onChange({ ...item, difficulty })} />
        <TextField label={t('items.feedbackCorrect')} value={feedback.correct ?? ''} onChange={(event) => setFeedback('correct', event.target.value)} />
        <TextField label={t('items.feedbackIncorrect')} value={feedback.incorrect ?? ''} onChange={(event) => setFeedback('incorrect', event.target.value)} />
        <TextField label={t('items.feedbackGeneral')} value={feedback.general ?? ''} onChange={(event) => setFeedback('general', event.target.value)} />
        <TextList legend={t('items.hints')} itemLabel={(n) => t('items.hint', { n })} addLabel={t('items.addHint')} values={item.hints ?? []} onChange={(hints) => onChange({ ...item, hints })} />
      </div>
    </details>
  );
}
