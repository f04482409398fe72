import { useMemo, type HTMLAttributes } from 'react';
import { sanitizeHtml } from './sanitize-html';

/**
 * HTML the API sanitised on the way in (rich text blocks, question stems and options: the catalog runs its
 * sanitiser on every write, whatever a client sent), shown as it came. Never pass anything else here:
 * HTML that has not been through the API goes to `BrowserSanitizedHtml`.
 */
export function ServerSanitizedHtml({ html, as: Tag = 'div', ...rest }: { html: string; as?: 'div' | 'span' } & Omit<HTMLAttributes<HTMLElement>, 'dangerouslySetInnerHTML' | 'children'>) {
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * HTML cleaned in the browser by an allow-list before it is shown: previews of what an author is typing,
 * which the API has not sanitised yet (also used for authoring views of what it has).
 */
export function BrowserSanitizedHtml({ html, className }: { html: string; className?: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  // Sanitised just above: only the allow-listed tags and safe links remain.
  return <div className={className ?? 'rich-text'} dangerouslySetInnerHTML={{ __html: clean }} />;
}
