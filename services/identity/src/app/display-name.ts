import { AppError } from '@tessera/platform';
import { cleanName } from '../domain/email.js';

/** A name as stored (see `cleanName`), refused when nothing but spaces is left of it. */
export function storedName(name: string, pointer = '/body/name'): string {
  const cleaned = cleanName(name);
  if (cleaned === '') {
    throw new AppError('invalid', 'IDENTITY.NAME_EMPTY', 'The name is empty', { errors: [{ pointer, detail: 'must contain more than spaces' }] });
  }
  return cleaned;
}
