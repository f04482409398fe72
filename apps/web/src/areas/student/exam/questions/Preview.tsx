import { useTranslation } from 'react-i18next';
import { GAP_MARKER, type Choice, type DeliveredItem } from '../items';
import { ServerSanitizedHtml } from '../../../../ui';

/** A question shown read-only: what it asks and the choices it offers, without any input. */
export function QuestionPreview({ item }: { item: DeliveredItem }) {
  const { t } = useTranslation('student');
  const stem = item.type === 'cloze' ? item.stem.replace(GAP_MARKER, '<span class="gap-blank">______</span>') : item.stem;
  return (
    <div className="question-preview">
      <ServerSanitizedHtml className="question-stem" html={stem} />
      <PreviewBody item={item} />
      {item.type === 'unknown' ? null : <p className="muted small">{t(`question.kind.${item.type}`)}</p>}
    </div>
  );
}

function PreviewBody({ item }: { item: DeliveredItem }) {
  const { t } = useTranslation('student');
  switch (item.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'ordering':
      return <ChoiceList choices={item.type === 'ordering' ? item.choices : item.options} />;
    case 'true_false':
      return <ul className="choice-list"><li>{t('question.true')}</li><li>{t('question.false')}</li></ul>;
    case 'matching':
      return (
        <div className="matching-preview">
          <ChoiceList choices={item.sources} />
          <ChoiceList choices={item.targets} />
        </div>
      );
    case 'code':
      return item.starterCode ? <pre className="code"><code>{item.starterCode}</code></pre> : null;
    case 'unknown':
      return <p className="muted">{t('question.unsupported', { type: item.declaredType })}</p>;
    default:
      return null;
  }
}

function ChoiceList({ choices }: { choices: Choice[] }) {
  return (
    <ul className="choice-list">
      {choices.map((choice) => <li key={choice.id}><ServerSanitizedHtml as="span" html={choice.text} /></li>)}
    </ul>
  );
}
