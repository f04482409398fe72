import { useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface MorePages<T> {
  /** The first page with the pages loaded after it, and the cursor of the next one (null at the end). */
  after(first: Page<T>): { items: T[]; cursor: string | null };
  loadMore(cursor: string): Promise<void>;
  reset(): void;
}

/**
 * "Load more" under a list whose first page is the screen's resource: the later pages pile up here until
 * the list itself changes (new filters, an import), when `reset` drops them.
 */
export function useMorePages<T>(fetchPage: (cursor: string) => Promise<Page<T>>): MorePages<T> {
  const [more, setMore] = useState<{ items: T[]; cursor: string | null } | null>(null);
  return {
    after: (first) => ({ items: [...first.items, ...(more?.items ?? [])], cursor: more ? more.cursor : first.nextCursor }),
    async loadMore(cursor) {
      const page = await fetchPage(cursor);
      setMore((previous) => ({ items: [...(previous?.items ?? []), ...page.items], cursor: page.nextCursor }));
    },
    reset: () => setMore(null),
  };
}
