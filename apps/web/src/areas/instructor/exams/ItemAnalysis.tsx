import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { BarChart, Card, EmptyState, PageHeader, ResourceView, textOfHtml } from '../../../ui';
import { Histogram } from '../components/Histogram';
import type { ResponseOf } from '../lib/api-types';
import '../instructor.css';

type Analysis = ResponseOf<'/api/v1/exams/{examId}/analysis', 'get'>;
type ItemStats = Analysis['items'][number];

/**
 * `/teach/exams/:examId/analysis`: how the exam and each question performed: the score distribution and
 * reliability, facility and discrimination per question, and how often each option was chosen.
 */
export default function ItemAnalysis() {
  const { examId = '' } = useParams();
  const { t } = useTranslation('instructor');
  const analysis = useResource(() => unwrap(api.GET('/api/v1/exams/{examId}/analysis', { params: { path: { examId } } })), [examId]);
  return (
    <>
      <PageHeader title={t('analysis.title')} description={t('analysis.description')}
        actions={<nav aria-label={t('exam.related')} className="row"><Link to={`/teach/exams/${examId}`}>{t('grading.backToExam')}</Link><Link to={`/teach/exams/${examId}/grading`}>{t('exams.grading')}</Link></nav>} />
      <ResourceView resource={analysis}>
        {(data) => data.exam.n === 0 ? <EmptyState>{t('analysis.empty')}</EmptyState> : <AnalysisView data={data} />}
      </ResourceView>
    </>
  );
}

/** Option texts by item and option id, so the distractor charts name answers rather than identifiers. */
async function optionTexts(items: ItemStats[]): Promise<Map<string, Map<string, string>>> {
  const withOptions = items.filter((item) => item.choices.some((choice) => choice.choice !== 'blank' && choice.choice !== 'true' && choice.choice !== 'false'));
  const loaded = await Promise.all(withOptions.map(async (item) => {
    const data = await unwrap(api.GET('/api/v1/items/{itemId}', { params: { path: { itemId: item.itemId } } })).catch(() => null);
    const options = (data as { options?: Array<{ id: string; text: string }> } | null)?.options ?? [];
    return [item.itemId, new Map(options.map((option) => [option.id, textOfHtml(option.text)]))] as const;
  }));
  return new Map(loaded);
}

function AnalysisView({ data }: { data: Analysis }) {
  const { t, i18n } = useTranslation('instructor');
  const texts = useResource(() => optionTexts(data.items), [data]);
  const choiceLabel = (itemId: string, choice: string) => {
    if (choice === 'blank') return t('analysis.blank');
    if (choice === 'true' || choice === 'false') return t(`editor.${choice}`);
    const text = texts.state.status === 'ready' ? texts.state.data.get(itemId)?.get(choice) : undefined;
    return text ? t('analysis.optionLabel', { id: choice, text }) : choice;
  };
  const number = (value: number | null, digits = 2) => (value === null ? '—' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value));
  const percent = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value));
  const { exam } = data;
  const titleOf = (item: ItemStats, index: number) => item.title ?? t('analysis.itemN', { n: index + 1 });
  return (
    <div className="stack">
      <Card title={t('analysis.examHeading')}>
        <dl className="stats">
          <div><dt>{t('analysis.n')}</dt><dd>{exam.n}</dd></div>
          <div><dt>{t('analysis.mean')}</dt><dd>{number(exam.meanTotal)}</dd></div>
          <div><dt>{t('analysis.sd')}</dt><dd>{number(exam.standardDeviation)}</dd></div>
          <div><dt>{t('analysis.range')}</dt><dd>{number(exam.minTotal)}–{number(exam.maxTotal)}{exam.minTotalMayBeStale || exam.maxTotalMayBeStale ? '*' : ''}</dd></div>
          <div><dt>{t('analysis.median')}</dt><dd>{exam.medianPercentEstimate === null ? '—' : `${number(exam.medianPercentEstimate, 0)} %`}</dd></div>
          <div><dt>{t('analysis.passRate')}</dt><dd>{percent(exam.passRate)}</dd></div>
          <div><dt>{t('analysis.alpha')}</dt><dd>{number(exam.cronbachAlpha)}</dd></div>
          <div><dt>{t('analysis.sem')}</dt><dd>{number(exam.standardErrorOfMeasurement)}</dd></div>
        </dl>
        {exam.minTotalMayBeStale || exam.maxTotalMayBeStale ? <p className="muted">{t('analysis.staleRange')}</p> : null}
        {exam.cronbachAlpha === null ? <p className="muted">{t('analysis.alphaNeedsMore')}</p> : null}
        <Histogram title={t('analysis.distribution')} xLabel={t('analysis.scorePercent')} yLabel={t('analysis.attempts')}
          bins={exam.histogram.map((bin) => ({ label: `${number(bin.fromPercent, 0)}–${number(bin.toPercent, 0)}`, count: bin.count }))} />
      </Card>
      <Card title={t('analysis.itemsHeading')}>
        <div className="stack">
          <BarChart title={t('analysis.facilityChart')} max={1} bars={data.items.map((item, index) => ({ label: titleOf(item, index), value: item.facility ?? 0 }))} format={(value) => percent(value)} />
          <div className="table-wrap">
            <table>
              <caption>{t('analysis.itemTable')}</caption>
              <thead><tr><th scope="col">{t('analysis.item')}</th><th scope="col">{t('analysis.n')}</th><th scope="col">{t('analysis.meanScore')}</th><th scope="col">{t('analysis.facility')}</th><th scope="col">{t('analysis.discrimination')}</th><th scope="col">{t('analysis.itemRest')}</th></tr></thead>
              <tbody>{data.items.map((item, index) => (
                <tr key={item.itemId}>
                  <th scope="row">{titleOf(item, index)}</th><td>{item.n}</td><td>{number(item.meanScore)} / {number(item.maxScore)}</td><td>{percent(item.facility)}</td><td>{number(item.discrimination)}</td><td>{number(item.itemRestCorrelation)}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
          <p className="muted">{t('analysis.legend')}</p>
        </div>
      </Card>
      <Card title={t('analysis.distractorsHeading')}>
        <div className="stack">
          {data.items.filter((item) => item.choices.length > 0).map((item, index) => (
            <BarChart key={item.itemId} title={t('analysis.choicesOf', { title: titleOf(item, index) })} bars={item.choices.map((choice) => ({ label: choiceLabel(item.itemId, choice.choice), value: choice.count }))} />
          ))}
          {data.items.every((item) => item.choices.length === 0) ? <p className="muted">{t('analysis.noDistractors')}</p> : null}
        </div>
      </Card>
    </div>
  );
}
