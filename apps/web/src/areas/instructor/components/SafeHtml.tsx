import { useMemo } from 'react';
import { sanitizeHtml } from '../lib/safe-html';

/** HTML from an author (or the API) shown after the browser-side allow-list has cleaned it. */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  // Sanitised just above: only the allow-listed tags and safe links remain.
  return <div className={className ?? 'rich-text'} dangerouslySetInnerHTML={{ __html: clean }} />;
}
