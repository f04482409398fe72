import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import { ApiError } from '../../../api/problem';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type PhoneNumber = Json<paths['/api/v1/notifications/phone']['get']['responses'][200]>;

/** The user's number for SMS, or null when they have none (the API answers 404). */
export async function fetchPhone(): Promise<PhoneNumber | null> {
  try {
    return await unwrap(api.GET('/api/v1/notifications/phone'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Sets the number (E.164); the API texts it a code to verify it with. */
export function setPhone(phone: string): Promise<PhoneNumber> {
  return unwrap(api.PUT('/api/v1/notifications/phone', { body: { phone } }));
}

export function verifyPhone(code: string): Promise<PhoneNumber> {
  return unwrap(api.POST('/api/v1/notifications/phone/verify', { body: { code } }));
}

export async function removePhone(): Promise<void> {
  await unwrap(api.DELETE('/api/v1/notifications/phone'));
}
