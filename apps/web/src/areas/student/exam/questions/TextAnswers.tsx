import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { responseOf, type AnswerProps } from './types';

/** A number, typed freely ("3.", "-", "2,5") and sent once it reads as one. */
export function NumericAnswer({ item, response, onChange, labelledBy, idBase }: AnswerProps<'numeric'>) {
  const { t } = useTranslation('student');
  const saved = responseOf(response, 'numeric');
  const [text, setText] = useState(saved ? String(saved.value) : '');
  const value = text.trim() === '' ? null : Number(text.trim().replace(',', '.'));
  const invalid = value !== null && !Number.isFinite(value);
  const change = (next: string) => {
    setText(next);
    const parsed = next.trim() === '' ? null : Number(next.trim().replace(',', '.'));
    if (parsed === null) onChange(null);
    else if (Number.isFinite(parsed)) onChange({ type: 'numeric', value: parsed });
  };
  return (
    <div className="field">
      <div className="row">
        <input id={`${idBase}-value`} inputMode="decimal" autoComplete="off" value={text} onChange={(event) => change(event.target.value)}
          aria-labelledby={`${labelledBy} ${idBase}-label`} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${idBase}-error` : undefined} className="numeric-input" />
        <span id={`${idBase}-label`} className="muted">{item.unit ? t('question.inUnit', { unit: item.unit }) : t('question.number')}</span>
      </div>
      {invalid ? <span id={`${idBase}-error`} className="error" role="alert">{t('question.notANumber')}</span> : null}
    </div>
  );
}

export function ShortText({ response, onChange, labelledBy, idBase }: AnswerProps<'short_text'>) {
  const text = responseOf(response, 'short_text')?.text ?? '';
  return (
    <input id={`${idBase}-text`} className="text-answer" autoComplete="off" value={text} maxLength={500} aria-labelledby={labelledBy}
      onChange={(event) => onChange(event.target.value === '' ? null : { type: 'short_text', text: event.target.value })} />
  );
}

export function Essay({ item, response, onChange, labelledBy, idBase }: AnswerProps<'essay'>) {
  const { t } = useTranslation('student');
  const text = responseOf(response, 'essay')?.text ?? '';
  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
  return (
    <div className="field">
      <textarea id={`${idBase}-essay`} className="essay" rows={10} value={text} aria-labelledby={labelledBy} aria-describedby={`${idBase}-words`}
        onChange={(event) => onChange(event.target.value === '' ? null : { type: 'essay', text: event.target.value })} />
      <span id={`${idBase}-words`} className="hint">
        {item.expectedWords ? t('question.wordsOf', { count: words, expected: item.expectedWords }) : t('question.words', { count: words })}
      </span>
    </div>
  );
}

export function CodeAnswer({ item, response, onChange, labelledBy, idBase }: AnswerProps<'code'>) {
  const { t } = useTranslation('student');
  const source = responseOf(response, 'code')?.source ?? item.starterCode;
  return (
    <div className="field">
      <span id={`${idBase}-language`} className="hint">{t('question.language', { language: item.language })}</span>
      <textarea id={`${idBase}-code`} className="code" rows={14} spellCheck={false} autoCapitalize="off" autoCorrect="off" value={source}
        aria-labelledby={labelledBy} aria-describedby={`${idBase}-language`}
        onChange={(event) => onChange({ type: 'code', source: event.target.value, ...(item.language ? { language: item.language } : {}) })} />
      {item.testCases.length > 0 ? (
        <details>
          <summary>{t('question.examples', { count: item.testCases.length })}</summary>
          {item.testCases.map((test, index) => (
            <dl key={index} className="test-case">
              <dt>{t('question.input')}</dt><dd><pre>{test.input}</pre></dd>
              <dt>{t('question.expected')}</dt><dd><pre>{test.expected}</pre></dd>
            </dl>
          ))}
        </details>
      ) : null}
    </div>
  );
}
