import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { useAction } from '../../../api/use-action';
import { Button } from '../../../ui';
import { ActionProblem } from '../components/ActionProblem';

/** Downloads the items `ids` as Tessera JSON or as QTI 3.0 (at most 100 at a time, as the API allows). */
export function ExportButtons({ ids }: { ids: string[] }) {
  const { t } = useTranslation('instructor');
  const action = useAction();
  const chosen = ids.slice(0, 100);
  const query = `ids=${chosen.join(',')}`;
  const exportAs = (format: 'json' | 'qti') => void action.run(format, () => downloadFile(`/api/v1/items/export?format=${format}&${query}`, `tessera-items.${format === 'json' ? 'json' : 'qti.json'}`));
  return (
    <div className="stack">
      <div className="row">
        <Button variant="secondary" small disabled={chosen.length === 0} busy={action.running === 'json'} onClick={() => exportAs('json')}>{t('items.exportJson', { count: chosen.length })}</Button>
        <Button variant="secondary" small disabled={chosen.length === 0} busy={action.running === 'qti'} onClick={() => exportAs('qti')}>{t('items.exportQti', { count: chosen.length })}</Button>
      </div>
      <ActionProblem error={action.error} />
    </div>
  );
}
