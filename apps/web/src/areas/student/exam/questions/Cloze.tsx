import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { GAP_MARKER, type Gap } from '../items';
import { plainText } from './plain-text';
import { responseOf, type AnswerProps } from './types';
import { ServerSanitizedHtml } from '../../../../ui';

/**
 * Fill in the gaps where the stem has them: each `{{gapId}}` becomes an empty placeholder element in the
 * (sanitised) stem, and the gap's control is rendered into it through a portal.
 */
export function Cloze({ item, response, onChange, idBase, stemId }: AnswerProps<'cloze'> & { stemId: string }) {
  const { t } = useTranslation('student');
  const stem = useRef<HTMLDivElement>(null);
  const [slots, setSlots] = useState<Map<string, Element>>(new Map());
  const html = useMemo(() => item.stem.replace(GAP_MARKER, (_marker, id: string) => `<span class="gap" data-gap="${id}"></span>`), [item.stem]);
  const gaps = responseOf(response, 'cloze')?.gaps ?? {};

  useLayoutEffect(() => {
    const found = new Map<string, Element>();
    stem.current?.querySelectorAll('[data-gap]').forEach((element) => {
      const id = element.getAttribute('data-gap');
      if (id && !found.has(id)) found.set(id, element);
    });
    setSlots(found);
  }, [html]);

  const fill = (id: string, value: string) => {
    const next = { ...gaps, [id]: value };
    if (value === '') delete next[id];
    onChange(Object.keys(next).length > 0 ? { type: 'cloze', gaps: next } : null);
  };
  const control = (gap: Gap, index: number): ReactNode => {
    const label = t('question.gap', { number: index + 1 });
    const id = `${idBase}-gap-${gap.id}`;
    if (gap.kind === 'choice') {
      return (
        <select id={id} aria-label={label} value={gaps[gap.id] ?? ''} onChange={(event) => fill(gap.id, event.target.value)}>
          <option value="">{t('question.chooseGap')}</option>
          {gap.choices.map((choice) => <option key={choice.id} value={choice.id}>{plainText(choice.text)}</option>)}
        </select>
      );
    }
    return <input id={id} aria-label={label} className="gap-input" autoComplete="off" value={gaps[gap.id] ?? ''} maxLength={200} onChange={(event) => fill(gap.id, event.target.value)} />;
  };
  const outside = item.gaps.filter((gap) => !slots.has(gap.id));

  return (
    <div>
      <div ref={stem}><ServerSanitizedHtml id={stemId} className="question-stem" html={html} /></div>
      {item.gaps.map((gap, index) => {
        const slot = slots.get(gap.id);
        return slot ? createPortal(control(gap, index), slot, gap.id) : null;
      })}
      {/* A gap the stem does not mark still gets its control, after the text. */}
      {outside.length > 0 ? (
        <div className="row">{outside.map((gap) => <span key={gap.id}>{control(gap, item.gaps.indexOf(gap))}</span>)}</div>
      ) : null}
    </div>
  );
}
