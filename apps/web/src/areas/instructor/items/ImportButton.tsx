import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import { useAction } from '../../../api/use-action';
import { toast } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';
import type { BodyOf } from '../lib/api-types';

type ImportBody = BodyOf<'/api/v1/items/import', 'post'>;

/**
 * Imports items as drafts from a file: a Tessera JSON export, a QTI export (JSON with the XML of each
 * item), or one QTI XML document. The API takes all of them or none.
 */
export function ImportButton({ onImported }: { onImported: (count: number) => void }) {
  const { t } = useTranslation('instructor');
  const id = useId();
  const action = useAction();
  const importFile = (file: File) => void action.run('import', async () => {
    const body = bodyOf(file.name, await file.text());
    const result = await unwrap(api.POST('/api/v1/items/import', { body }));
    toast(t('items.imported', { count: result.items.length }));
    onImported(result.items.length);
  });
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={id}>{t('items.importLabel')}</label>
        <input id={id} type="file" accept=".json,.xml,application/json,application/xml,text/xml" disabled={action.busy} onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) importFile(file);
          event.target.value = '';
        }} />
        <span className="hint">{t('items.importHint')}</span>
      </div>
      {action.busy ? <p role="status">{t('items.importing')}</p> : null}
      <ActionProblem error={action.error} />
    </div>
  );
}

function bodyOf(name: string, text: string): ImportBody {
  if (/\.xml$/i.test(name) || text.trimStart().startsWith('<')) return { format: 'qti', content: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError({ title: 'invalid file', status: 400, detail: 'The file is neither JSON nor QTI XML.' });
  }
  const content = (Array.isArray(parsed) ? { items: parsed } : parsed) as { format?: string };
  return (content.format === 'qti' ? { format: 'qti', content } : { format: 'json', content }) as ImportBody;
}
