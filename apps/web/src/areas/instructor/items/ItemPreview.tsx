import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moved, type ItemBody, type ItemOf } from './item-model';
import { GAP_MARKER } from './item-problems';
import { BrowserSanitizedHtml, textOfHtml } from '../../../ui';

/**
 * The question as a student will meet it, updated as the author types: the answer controls work (so the
 * author can try them) but nothing is graded and the correct answers are not shown.
 */
export function ItemPreview({ item }: { item: ItemBody }) {
  const { t } = useTranslation('instructor');
  return (
    <div className="item-preview stack">
      {item.title ? <p className="preview-title">{item.title}</p> : null}
      {item.type === 'cloze' ? <ClozePreview item={item} /> : item.stem ? <BrowserSanitizedHtml html={item.stem} /> : <p className="muted">{t('preview.noStem')}</p>}
      <AnswerPreview item={item} />
    </div>
  );
}

function AnswerPreview({ item }: { item: ItemBody }) {
  const { t } = useTranslation('instructor');
  const name = useId();
  switch (item.type) {
    case 'single_choice':
    case 'multiple_choice':
      return (
        <fieldset>
          <legend>{item.type === 'single_choice' ? t('preview.pickOne') : t('preview.pickAny')}</legend>
          {item.options.map((option) => (
            <PreviewChoice key={option.id} type={item.type === 'single_choice' ? 'radio' : 'checkbox'} name={name} label={textOfHtml(option.text) || t('preview.emptyOption', { id: option.id })} />
          ))}
        </fieldset>
      );
    case 'true_false':
      return (
        <fieldset>
          <legend>{t('preview.trueOrFalse')}</legend>
          <PreviewChoice type="radio" name={name} label={t('editor.true')} />
          <PreviewChoice type="radio" name={name} label={t('editor.false')} />
        </fieldset>
      );
    case 'numeric': return <NumericPreview item={item} />;
    case 'short_text': return <PreviewInput label={t('preview.yourAnswer')} />;
    case 'ordering': return <OrderingPreview item={item} />;
    case 'matching': return <MatchingPreview item={item} />;
    case 'cloze': return null;
    case 'essay': return <EssayPreview item={item} />;
    case 'code': return <CodePreview item={item} />;
  }
}

function PreviewChoice({ type, name, label }: { type: 'radio' | 'checkbox'; name: string; label: string }) {
  const id = useId();
  return <div className="choice"><input id={id} type={type} name={`preview-${name}`} /><label htmlFor={id}>{label}</label></div>;
}

function PreviewInput({ label, suffix }: { label: string; suffix?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row"><input id={id} type="text" />{suffix ? <span>{suffix}</span> : null}</div>
    </div>
  );
}

function NumericPreview({ item }: { item: ItemOf<'numeric'> }) {
  const { t } = useTranslation('instructor');
  return <PreviewInput label={item.unit ? t('preview.numberIn', { unit: item.unit }) : t('preview.number')} {...(item.unit ? { suffix: item.unit } : {})} />;
}

/** Students see the choices shuffled; the preview shows them reversed, so it never gives the answer away. */
function OrderingPreview({ item }: { item: ItemOf<'ordering'> }) {
  const { t } = useTranslation('instructor');
  const [order, setOrder] = useState<string[] | null>(null);
  const texts = new Map(item.choices.map((choice) => [choice.id, textOfHtml(choice.text) || choice.id]));
  const shown = (order ?? [...item.choices].reverse().map((choice) => choice.id)).filter((id) => texts.has(id));
  return (
    <fieldset>
      <legend>{t('preview.putInOrder')}</legend>
      <ol className="stack">
        {shown.map((id, index) => (
          <li key={id} className="row">
            <span className="grow">{texts.get(id)}</span>
            <button type="button" className="btn secondary small" disabled={index === 0} onClick={() => setOrder(moved(shown, index, index - 1))} aria-label={t('sortable.moveUp', { name: texts.get(id) })}>↑</button>
            <button type="button" className="btn secondary small" disabled={index === shown.length - 1} onClick={() => setOrder(moved(shown, index, index + 1))} aria-label={t('sortable.moveDown', { name: texts.get(id) })}>↓</button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

function MatchingPreview({ item }: { item: ItemOf<'matching'> }) {
  const { t } = useTranslation('instructor');
  return (
    <fieldset className="stack">
      <legend>{t('preview.match')}</legend>
      {item.sources.map((source) => <MatchRow key={source.id} label={textOfHtml(source.text) || source.id} targets={item.targets.map((target) => textOfHtml(target.text) || target.id)} />)}
    </fieldset>
  );
}

function MatchRow({ label, targets }: { label: string; targets: string[] }) {
  const { t } = useTranslation('instructor');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} defaultValue="">
        <option value="">{t('preview.choose')}</option>
        {targets.map((target, index) => <option key={index} value={String(index)}>{target}</option>)}
      </select>
    </div>
  );
}

/** The text with a field (or a list) where each gap is; formatting is left out of this preview. */
function ClozePreview({ item }: { item: ItemOf<'cloze'> }) {
  const { t } = useTranslation('instructor');
  const text = textOfHtml(item.stem);
  const parts = text.split(GAP_MARKER);
  const gaps = new Map(item.gaps.map((gap) => [gap.id, gap]));
  if (!text) return <p className="muted">{t('preview.noStem')}</p>;
  return (
    <p className="cloze-preview">
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        const gap = gaps.get(part);
        const label = t('preview.gap', { id: part });
        if (gap?.kind === 'choice') {
          return (
            <select key={index} aria-label={label} defaultValue="">
              <option value="">{t('preview.choose')}</option>
              {gap.choices.map((choice) => <option key={choice.id} value={choice.id}>{textOfHtml(choice.text) || choice.id}</option>)}
            </select>
          );
        }
        return <input key={index} type="text" aria-label={label} size={10} />;
      })}
    </p>
  );
}

function EssayPreview({ item }: { item: ItemOf<'essay'> }) {
  const { t } = useTranslation('instructor');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('preview.essay')}</label>
      <textarea id={id} rows={6} />
      {item.expectedWords ? <span className="hint">{t('preview.expectedWords', { count: item.expectedWords })}</span> : null}
    </div>
  );
}

function CodePreview({ item }: { item: ItemOf<'code'> }) {
  const { t } = useTranslation('instructor');
  const id = useId();
  const shown = item.testCases.filter((testCase) => !testCase.hidden);
  const hidden = item.testCases.length - shown.length;
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={id}>{t('preview.code', { language: item.language })}</label>
        <textarea id={id} className="code" rows={8} spellCheck={false} defaultValue={item.starterCode ?? ''} key={item.starterCode ?? ''} />
      </div>
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('preview.examples')}</caption>
            <thead><tr><th scope="col">{t('preview.input')}</th><th scope="col">{t('preview.output')}</th></tr></thead>
            <tbody>{shown.map((testCase, index) => <tr key={index}><td><pre>{testCase.input}</pre></td><td><pre>{testCase.expected}</pre></td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
      {hidden > 0 ? <p className="muted">{t('preview.hiddenTests', { count: hidden })}</p> : null}
    </div>
  );
}
