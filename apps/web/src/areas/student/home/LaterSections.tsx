import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Section } from '../../../ui';
import type { Home } from '../api-types';

/**
 * Sections that other services add to `GET /me/home` once they run (notifications from notify). Shown only
 * when the response has them; their entries are read defensively since their contract is not settled yet.
 */
const LATER = ['notifications'] as const;

interface Entry {
  key: string;
  text: string;
  href: string | null;
}

export function LaterSections({ home }: { home: Home }) {
  const { t } = useTranslation('student');
  const extra = home as Home & Partial<Record<(typeof LATER)[number], unknown>>;
  return (
    <>
      {LATER.filter((name) => extra[name] !== undefined && extra[name] !== null).map((name) => (
        <Section key={name} title={t(`home.${name}`)} section={extra[name] as object}>
          {(content) => <EntryList entries={entriesOf(content)} />}
        </Section>
      ))}
    </>
  );
}

function EntryList({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation('student');
  if (entries.length === 0) return <EmptyState>{t('home.nothingNew')}</EmptyState>;
  return (
    <ul className="plain-list">
      {entries.map((entry) => (
        <li key={entry.key}>{entry.href?.startsWith('/') && !entry.href.startsWith('//') ? <Link to={entry.href}>{entry.text}</Link> : entry.text}</li>
      ))}
    </ul>
  );
}

function entriesOf(content: unknown): Entry[] {
  const items = (content as { items?: unknown }).items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) => {
    if (typeof item !== 'object' || item === null) return [];
    const record = item as Record<string, unknown>;
    const text = [record.title, record.text, record.message, record.name].find((value): value is string => typeof value === 'string');
    if (!text) return [];
    const href = [record.href, record.url, record.link].find((value): value is string => typeof value === 'string') ?? null;
    return [{ key: typeof record.id === 'string' ? record.id : String(index), text, href }];
  });
}
