import { useTranslation } from 'react-i18next';
import { plainText } from './plain-text';
import { responseOf, type AnswerProps } from './types';
import { ServerSanitizedHtml } from '../../../../ui';

/** Each left-hand entry gets its match from a list of the right-hand ones. */
export function Matching({ item, response, onChange, labelledBy, idBase }: AnswerProps<'matching'>) {
  const { t } = useTranslation('student');
  const pairs = responseOf(response, 'matching')?.pairs ?? [];
  const matchOf = (source: string) => pairs.find((pair) => pair.source === source)?.target ?? '';
  const choose = (source: string, target: string) => {
    const next = item.sources
      .map((entry) => ({ source: entry.id, target: entry.id === source ? target : matchOf(entry.id) }))
      .filter((pair) => pair.target !== '');
    onChange(next.length > 0 ? { type: 'matching', pairs: next } : null);
  };
  return (
    <div role="group" aria-labelledby={labelledBy} className="matching">
      {item.sources.map((source) => (
        <div className="field" key={source.id}>
          <label htmlFor={`${idBase}-${source.id}`}><ServerSanitizedHtml as="span" html={source.text} /></label>
          <select id={`${idBase}-${source.id}`} value={matchOf(source.id)} onChange={(event) => choose(source.id, event.target.value)}>
            <option value="">{t('question.chooseMatch')}</option>
            {item.targets.map((target) => <option key={target.id} value={target.id}>{plainText(target.text)}</option>)}
          </select>
        </div>
      ))}
    </div>
  );
}
