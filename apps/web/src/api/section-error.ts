/**
 * A section of an aggregated answer (the student BFF's `GET /me/home`) whose service failed: the other
 * sections still hold their content.
 */
export interface SectionError {
  error: { status: number; title: string };
}

export function isSectionError(section: unknown): section is SectionError {
  return typeof section === 'object' && section !== null && 'error' in section;
}
