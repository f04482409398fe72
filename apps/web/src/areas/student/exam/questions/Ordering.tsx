import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ServerSanitizedHtml } from '../../../../ui';
import { plainText } from './plain-text';
import { responseOf, type AnswerProps } from './types';

/** Put the choices in order with "move up" / "move down" buttons: works with the keyboard and screen readers. */
export function Ordering({ item, response, onChange, labelledBy }: AnswerProps<'ordering'>) {
  const { t } = useTranslation('student');
  const [announcement, setAnnouncement] = useState('');
  const saved = responseOf(response, 'ordering')?.order;
  const order = saved && saved.length === item.choices.length ? saved : item.choices.map((choice) => choice.id);
  const byId = new Map(item.choices.map((choice) => [choice.id, choice]));

  const move = (index: number, step: -1 | 1) => {
    const target = index + step;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target]!, next[index]!];
    onChange({ type: 'ordering', order: next });
    setAnnouncement(t('question.movedTo', { text: plainText(byId.get(order[index]!)?.text ?? ''), position: target + 1, total: order.length }));
  };

  return (
    <div role="group" aria-labelledby={labelledBy}>
      <ol className="ordering">
        {order.map((id, index) => {
          const text = byId.get(id)?.text ?? id;
          const name = plainText(text);
          return (
            <li key={id}>
              <ServerSanitizedHtml as="span" className="ordering-text" html={text} />
              <span className="row ordering-buttons">
                <Button variant="secondary" small disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('question.moveUp', { text: name })}>↑</Button>
                <Button variant="secondary" small disabled={index === order.length - 1} onClick={() => move(index, 1)} aria-label={t('question.moveDown', { text: name })}>↓</Button>
              </span>
            </li>
          );
        })}
      </ol>
      {saved ? null : <Button variant="secondary" small onClick={() => onChange({ type: 'ordering', order })}>{t('question.keepOrder')}</Button>}
      <p className="sr-only" aria-live="polite">{announcement}</p>
    </div>
  );
}
