import { useTranslation } from 'react-i18next';
import { Button, SelectField, TextAreaField } from '../../../../ui';
import { replaced } from '../item-model';
import { Check, RowActions, type EditorProps } from './shared';

/** Languages offered; an item imported with another (valid) language keeps it. */
const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'c', 'cpp', 'c#', 'go', 'rust', 'ruby', 'php', 'kotlin', 'swift', 'sql'];

/** Code: the language, the code students start from, and test cases (input, expected output, hidden or shown). */
export function CodeEditor({ item, onChange }: EditorProps<'code'>) {
  const { t } = useTranslation('instructor');
  const languages = LANGUAGES.includes(item.language) ? LANGUAGES : [item.language, ...LANGUAGES];
  const setCases = (testCases: typeof item.testCases) => onChange({ ...item, testCases });
  return (
    <div className="stack">
      <SelectField label={t('editor.language')} value={item.language} onChange={(event) => onChange({ ...item, language: event.target.value })} options={languages.map((language) => ({ value: language, label: language }))} />
      <TextAreaField label={t('editor.starterCode')} className="code" spellCheck={false} value={item.starterCode ?? ''} onChange={(event) => {
        const { starterCode: _old, ...rest } = item;
        onChange(event.target.value ? { ...rest, starterCode: event.target.value } : rest);
      }} />
      <fieldset className="stack">
        <legend>{t('editor.testCases')}</legend>
        {item.testCases.map((testCase, index) => {
          const name = t('editor.testCase', { n: index + 1 });
          return (
            <div className="card option-row" key={index}>
              <p className="row-title">{name}</p>
              <TextAreaField label={t('editor.testInput', { n: index + 1 })} className="code" spellCheck={false} value={testCase.input} onChange={(event) => setCases(replaced(item.testCases, index, { ...testCase, input: event.target.value }))} />
              <TextAreaField label={t('editor.testExpected', { n: index + 1 })} className="code" spellCheck={false} value={testCase.expected} onChange={(event) => setCases(replaced(item.testCases, index, { ...testCase, expected: event.target.value }))} />
              <Check label={t('editor.testHidden', { n: index + 1 })} checked={testCase.hidden} onChange={(hidden) => setCases(replaced(item.testCases, index, { ...testCase, hidden }))} />
              <RowActions list={item.testCases} index={index} name={name} onChange={setCases} />
            </div>
          );
        })}
        <div><Button variant="secondary" small disabled={item.testCases.length >= 100} onClick={() => setCases([...item.testCases, { input: '', expected: '', hidden: false }])}>{t('editor.addTestCase')}</Button></div>
      </fieldset>
    </div>
  );
}
