import type { HTMLAttributes } from 'react';

/**
 * HTML the API sanitised on the way in (rich text blocks, question stems and options: the catalog runs its
 * sanitiser on every write, whatever a client sent). Never pass anything else here.
 */
export function SafeHtml({ html, as: Tag = 'div', ...rest }: { html: string; as?: 'div' | 'span' } & Omit<HTMLAttributes<HTMLElement>, 'dangerouslySetInnerHTML' | 'children'>) {
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: html }} />;
}
