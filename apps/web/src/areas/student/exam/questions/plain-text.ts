import { unescapeHtml } from '../../catalog/snippet';

/** The text of a small piece of sanitised HTML, for places that take text only (<option>, aria-label). */
export function plainText(html: string): string {
  return unescapeHtml(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}
