import type { ItemBody } from '../item-model';
import { ClozeEditor } from './cloze';
import { CodeEditor } from './code';
import { EssayEditor } from './essay';
import { MatchingEditor } from './matching';
import { MultipleChoiceEditor } from './multiple-choice';
import { NumericEditor } from './numeric';
import { OrderingEditor } from './ordering';
import { ShortTextEditor } from './short-text';
import { SingleChoiceEditor } from './single-choice';
import { TrueFalseEditor } from './true-false';

/** The answer part of the editor for the item's type (title and question text are common to all). */
export function TypeEditor({ item, onChange }: { item: ItemBody; onChange: (next: ItemBody) => void }) {
  switch (item.type) {
    case 'single_choice': return <SingleChoiceEditor item={item} onChange={onChange} />;
    case 'multiple_choice': return <MultipleChoiceEditor item={item} onChange={onChange} />;
    case 'true_false': return <TrueFalseEditor item={item} onChange={onChange} />;
    case 'numeric': return <NumericEditor item={item} onChange={onChange} />;
    case 'short_text': return <ShortTextEditor item={item} onChange={onChange} />;
    case 'ordering': return <OrderingEditor item={item} onChange={onChange} />;
    case 'matching': return <MatchingEditor item={item} onChange={onChange} />;
    case 'cloze': return <ClozeEditor item={item} onChange={onChange} />;
    case 'essay': return <EssayEditor item={item} onChange={onChange} />;
    case 'code': return <CodeEditor item={item} onChange={onChange} />;
  }
}

