import { AppError, type CredentialVerifier } from '@tessera/platform';
import type { IdentityDeps } from './deps.js';

/** (being written) Verifies `tsk_` API keys. */
export function apiKeyVerifier(_deps: IdentityDeps): CredentialVerifier {
  return {
    prefix: 'tsk_',
    async verify() {
      throw new AppError('unauthorized', 'AUTH.INVALID_API_KEY', 'The API key is not valid');
    },
  };
}
