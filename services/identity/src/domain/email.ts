/** The sign-in key of an email address: NFKC-normalised, trimmed and lower-cased, so look-alikes collide. */
export function emailKey(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** A display name as stored: NFKC-normalised with inner whitespace collapsed. */
export function cleanName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
