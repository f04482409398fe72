import { useTranslation } from 'react-i18next';
import { EmptyState, TableWrap } from '../../../ui';
import type { ResponseOf } from '../lib/api-types';
import { useInsightFormat } from './format';

export type ClassMastery = ResponseOf<'/api/v1/adaptive/courses/{courseId}/mastery', 'get'>;

type Band = 'none' | 'low' | 'mid' | 'high' | 'mastered';
const BANDS: Band[] = ['low', 'mid', 'high', 'mastered', 'none'];

function bandOf(value: number | null, threshold: number): Band {
  if (value === null) return 'none';
  if (value >= threshold) return 'mastered';
  if (value >= 0.7) return 'high';
  return value >= 0.4 ? 'mid' : 'low';
}

/**
 * The class's mastery as a table: one row per student, one column per skill, each cell coloured by band
 * and showing its number (colour is never the only cue), the class average in the footer.
 */
export function MasteryHeatMap({ data, nameOf }: { data: ClassMastery; nameOf: (userId: string) => string }) {
  const { t } = useTranslation('instructor');
  const format = useInsightFormat();
  const threshold = data.masteryThreshold;
  if (data.skills.length === 0) return <EmptyState>{t('adaptive.noSkills')}</EmptyState>;
  if (data.students.length === 0) return <EmptyState>{t('adaptive.noStudents')}</EmptyState>;
  const caption = t('adaptive.heatCaption', { threshold: format.chance(threshold) });
  const cell = (value: number | null, key: string) => (
    <td key={key} className={`heat ${bandOf(value, threshold)}`}>
      {value === null ? <><span aria-hidden="true">—</span><span className="sr-only">{t('adaptive.notPractised')}</span></> : format.chance(value)}
      {value !== null && value >= threshold ? <span className="sr-only"> {t('adaptive.mastered')}</span> : null}
    </td>
  );
  return (
    <div className="stack">
      <TableWrap label={caption}>
        <table className="heat-map">
          <caption>{caption}</caption>
          <thead>
            <tr><th scope="col">{t('adaptive.student')}</th>{data.skills.map((skill) => <th scope="col" key={skill.id}>{skill.name}</th>)}</tr>
          </thead>
          <tbody>
            {data.students.map((row) => (
              <tr key={row.userId}>
                <th scope="row">{nameOf(row.userId)}</th>
                {row.mastery.map((value, index) => cell(value, data.skills[index]?.id ?? String(index)))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row">{t('adaptive.classAverage')}</th>{data.average.map((value, index) => cell(value, data.skills[index]?.id ?? String(index)))}</tr>
          </tfoot>
        </table>
      </TableWrap>
      <ul className="heat-legend" aria-label={t('adaptive.legend')}>
        {BANDS.map((band) => <li key={band}><span className={`heat-swatch heat ${band}`} aria-hidden="true" />{t(`adaptive.band.${band}`, { threshold: format.chance(threshold) })}</li>)}
      </ul>
    </div>
  );
}
