import { useTranslation } from 'react-i18next';
import type { ItemResponse } from '../../api-types';
import type { DeliveredItem } from '../items';
import { MultipleChoice, SingleChoice, TrueFalse } from './Choices';
import { Cloze } from './Cloze';
import { Matching } from './Matching';
import { Ordering } from './Ordering';
import { CodeAnswer, Essay, NumericAnswer, ShortText } from './TextAnswers';

interface Props {
  item: DeliveredItem;
  response: ItemResponse | null;
  onChange(response: ItemResponse | null): void;
  labelledBy: string;
  idBase: string;
  stemId: string;
}

/** The answer control of any item type. */
export function QuestionInput({ item, ...props }: Props) {
  const { t } = useTranslation('student');
  switch (item.type) {
    case 'single_choice': return <SingleChoice item={item} {...props} />;
    case 'multiple_choice': return <MultipleChoice item={item} {...props} />;
    case 'true_false': return <TrueFalse item={item} {...props} />;
    case 'numeric': return <NumericAnswer item={item} {...props} />;
    case 'short_text': return <ShortText item={item} {...props} />;
    case 'ordering': return <Ordering item={item} {...props} />;
    case 'matching': return <Matching item={item} {...props} />;
    case 'cloze': return <Cloze item={item} {...props} />;
    case 'essay': return <Essay item={item} {...props} />;
    case 'code': return <CodeAnswer item={item} {...props} />;
    default: return <p className="muted">{t('question.unsupported', { type: item.declaredType })}</p>;
  }
}
