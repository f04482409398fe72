/**
 * The key an email is looked up by: identity's sign-in key (NFKC-normalised, trimmed, lower-cased), so a roster
 * naming `Ann@Example.test ` finds the user identity knows as `ann@example.test`.
 */
export function emailKey(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}
