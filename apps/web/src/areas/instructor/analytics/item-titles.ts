import { useResource } from '../../../api/use-resource';
import { api, unwrap } from '../../../api/client';

const NO_TITLES = new Map<string, string>();

/**
 * Titles of items by id, read from the item bank once per set of ids (the analytics service knows ids only).
 * An item the viewer may not read keeps its short id: titles are a convenience.
 */
export function useItemTitles(itemIds: string[]): Map<string, string> {
  const key = [...itemIds].sort().join(',');
  const titles = useResource(() => itemTitles(key ? key.split(',') : []), [key]);
  return titles.state.data ?? NO_TITLES;
}

async function itemTitles(itemIds: string[]): Promise<Map<string, string>> {
  const answers = await Promise.allSettled(itemIds.map((itemId) => unwrap(api.GET('/api/v1/items/{itemId}', { params: { path: { itemId } } }))));
  const titles = new Map<string, string>();
  answers.forEach((answer, index) => {
    if (answer.status === 'fulfilled' && answer.value.title) titles.set(itemIds[index]!, answer.value.title);
  });
  return titles;
}
