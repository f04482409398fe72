import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { Button, Card, EmptyState, PageHeader, SelectField, TextField, textOfHtml } from '../../../ui';
import { PagedTable } from '../components/PagedTable';
import { StatusBadge } from '../components/StatusBadge';
import { loadAllSkills } from '../lib/skills';
import { useMorePages } from '../lib/use-more-pages';
import { ExportButtons } from './ExportButtons';
import { ImportButton } from './ImportButton';
import { ITEM_TYPES, type ItemSummary, type ItemType } from './item-model';
import '../instructor.css';

type Status = NonNullable<ItemSummary['status']>;
const STATUSES: Status[] = ['draft', 'in_review', 'published', 'archived'];

/** `/teach/items`: the question bank, filtered by type, status, skill and words; import and export. */
export default function ItemBank() {
  const { t } = useTranslation('instructor');
  const [params, setParams] = useSearchParams();
  const filters = { type: params.get('type') ?? '', status: params.get('status') ?? '', skill: params.get('skill') ?? '', q: params.get('q') ?? '' };
  const [words, setWords] = useState(filters.q);
  const [selected, setSelected] = useState<string[]>([]);
  const [nonce, setNonce] = useState(0);
  const skills = useResource(loadAllSkills, []);
  const loadPage = (cursor?: string) => {
    const query = {
      limit: 50,
      ...(cursor ? { cursor } : {}),
      ...(filters.type ? { type: filters.type as ItemType } : {}),
      ...(filters.status ? { status: filters.status as Status } : {}),
      ...(filters.skill ? { skill: filters.skill } : {}),
      ...(filters.q ? { q: filters.q } : {}),
    };
    return unwrap(api.GET('/api/v1/items', { params: { query } }));
  };
  const list = useResource(() => loadPage(), [filters.type, filters.status, filters.skill, filters.q, nonce]);
  const more = useMorePages(loadPage);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    more.reset();
  };
  const toggle = (id: string, on: boolean) => setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  return (
    <>
      <PageHeader title={t('items.bankTitle')} description={t('items.bankDescription')} actions={<Link className="btn" to="/teach/items/new">{t('items.new')}</Link>} />
      <Card title={t('items.filters')}>
        <form className="form-grid" role="search" onSubmit={(event) => { event.preventDefault(); setFilter('q', words.trim()); }}>
          <TextField label={t('items.search')} type="search" value={words} onChange={(event) => setWords(event.target.value)} />
          <SelectField label={t('items.typeFilter')} value={filters.type} onChange={(event) => setFilter('type', event.target.value)} options={[{ value: '', label: t('items.anyType') }, ...ITEM_TYPES.map((type) => ({ value: type, label: t(`itemType.${type}`) }))]} />
          <SelectField label={t('items.statusFilter')} value={filters.status} onChange={(event) => setFilter('status', event.target.value)} options={[{ value: '', label: t('items.anyStatus') }, ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]} />
          <SelectField label={t('items.skillFilter')} value={filters.skill} onChange={(event) => setFilter('skill', event.target.value)} options={[{ value: '', label: t('items.anySkill') }, ...(skills.state.status === 'ready' ? skills.state.data : []).map((skill) => ({ value: skill.id, label: skill.name }))]} />
          <div className="field"><span aria-hidden="true">&nbsp;</span><Button type="submit" variant="secondary">{t('items.applySearch')}</Button></div>
        </form>
      </Card>
      <h2>{t('items.results')}</h2>
      <PagedTable resource={list} more={more} caption={t('items.results')} empty={<EmptyState action={<Link to="/teach/items/new">{t('items.new')}</Link>}>{t('items.empty')}</EmptyState>}
        columns={[<span className="sr-only">{t('items.select')}</span>, t('items.title'), t('items.typeLabel'), t('items.statusFilter'), t('items.version')]}
        row={(item) => (
          <tr key={item.id}>
            <td><input type="checkbox" aria-label={t('items.selectOne', { title: item.title })} checked={selected.includes(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} /></td>
            <td><Link to={`/teach/items/${item.id}`}>{item.title}</Link><div className="muted clamp">{textOfHtml(item.stem)}</div></td>
            <td>{t(`itemType.${item.type}`)}</td>
            <td><StatusBadge status={item.status ?? 'draft'} /></td>
            <td>{item.version}</td>
          </tr>
        )} />
      <div className="section-gap">
        <Card title={t('items.importExport')}>
          <div className="stack">
            <ImportButton onImported={() => { more.reset(); setNonce((n) => n + 1); }} />
            <p className="muted">{t('items.exportHint', { count: selected.length })}</p>
            <ExportButtons ids={selected} />
          </div>
        </Card>
      </div>
    </>
  );
}
