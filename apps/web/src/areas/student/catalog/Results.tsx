import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../ui';
import { coursePath, lessonPath } from '../components/status';
import { useFacetLabels } from './labels';
import type { CatalogEntry } from './load';
import { Snippet } from './snippet';

export function Results({ entries }: { entries: CatalogEntry[] }) {
  return (
    <ol className="plain-list catalog-results">
      {entries.map((entry) => <ResultEntry key={entry.key} entry={entry} />)}
    </ol>
  );
}

function ResultEntry({ entry }: { entry: CatalogEntry }) {
  const { t } = useTranslation('student');
  const labels = useFacetLabels();
  const href = entry.kind === 'lesson' && entry.courseId ? lessonPath(entry.courseId, entry.id) : entry.kind === 'course' ? coursePath(entry.id) : null;
  return (
    <li className="card">
      <div className="row spread">
        <h3 className="result-title">{href ? <Link to={href}>{entry.title}</Link> : entry.title}</h3>
        <Badge>{labels.kind(entry.kind)}</Badge>
      </div>
      {'marked' in entry.snippet ? (
        entry.snippet.marked ? <p className="snippet"><Snippet snippet={entry.snippet.marked} /></p> : null
      ) : entry.snippet.plain ? <p className="snippet">{entry.snippet.plain}</p> : null}
      <ul className="facts" aria-label={t('catalog.details')}>
        {entry.category ? <li>{entry.category}</li> : null}
        {entry.level ? <li>{labels.level(entry.level)}</li> : null}
        {entry.language ? <li>{labels.language(entry.language)}</li> : null}
        {entry.tags.map((tag) => <li key={tag}>#{tag}</li>)}
      </ul>
    </li>
  );
}
