import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, EmptyState } from '../../../ui';
import type { ResponseOf } from '../lib/api-types';
import { useInsightFormat } from './format';

type ItemFit = ResponseOf<'/api/v1/adaptive/courses/{courseId}/item-fit', 'get'>;

/** The items whose parameters look wrong, each flag said in words with what to check. */
export function ItemFitTable({ data }: { data: ItemFit }) {
  const { t } = useTranslation('instructor');
  const format = useInsightFormat();
  const flagged = data.items.filter((item) => item.flags.length > 0);
  if (flagged.length === 0) return <EmptyState>{t('adaptive.noMisfits', { count: data.items.length })}</EmptyState>;
  return (
    <div className="stack">
      <p className="muted">{t('adaptive.misfitSummary', { count: data.items.length, flagged: flagged.length })}</p>
      <DataTable caption={t('adaptive.itemFitCaption')} columns={[
        t('adaptive.item'), t('adaptive.responses'), t('adaptive.pCorrect'), t('adaptive.discrimination'), t('adaptive.difficulty'), t('adaptive.infit'), t('adaptive.pointBiserial'), t('adaptive.whatLooksWrong'),
      ]}>
        {flagged.map((item) => (
          <tr key={item.itemId}>
            <th scope="row"><Link to={`/teach/items/${item.itemId}`}>{item.title ?? t('adaptive.untitledItem')}</Link></th>
            <td>{item.responses}</td>
            <td>{format.chance(item.pCorrect)}</td>
            <td>{format.number(item.a)}</td>
            <td>{format.number(item.b)}</td>
            <td>{format.number(item.infit)}</td>
            <td>{format.number(item.pointBiserial)}</td>
            <td><ul className="flag-list">{item.flags.map((flag) => <li key={flag}>{t(`adaptive.flag.${flag}`)}</li>)}</ul></td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
