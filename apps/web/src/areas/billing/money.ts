/**
 * Money as the billing API speaks it: integer minor units of a currency (cents for EUR, yen for JPY). Amounts
 * are never held as floats here: formatting divides only inside Intl, and parsing splits the typed text.
 */

/** How many decimals `currency` has (2 for EUR, 0 for JPY, 3 for BHD); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `amountMinor` of `currency` as the reader's locale writes it: 4999 EUR → "€49.99" (en) or "49,99 €" (fr). */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  try {
    // Intl takes a decimal string exactly, so no float rounding creeps into large amounts.
    const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    return formatter.format(decimalString(amountMinor, digits) as Intl.StringNumericLiteral);
  } catch {
    return `${decimalString(amountMinor, digits)} ${currency}`;
  }
}

/** `4999`, 2 digits → `"49.99"`; `-5` → `"-0.05"`. */
export function decimalString(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const whole = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const units = digits === 0 ? whole : `${whole.slice(0, -digits)}.${whole.slice(-digits)}`;
  return negative ? `-${units}` : units;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'tooLarge' };

const AMOUNT = /^(\d+)(?:[.,](\d*))?$/;

/**
 * What a person typed ("49.99", "49,9", "1 200", "49") in minor units of a currency with `digits` decimals.
 * More decimals than the currency has are refused rather than rounded: "49.999" EUR is a typo, not 50.00.
 */
export function parseAmount(text: string, digits: number): ParsedAmount {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  const match = AMOUNT.exec(compact);
  if (!match) return { ok: false, reason: 'format' };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, reason: 'decimals' };
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, minor };
}

/** `text` as an amount of `currency` (its own number of decimals). */
export function parseMoney(text: string, currency: string): ParsedAmount {
  return parseAmount(text, currencyDigits(currency));
}

/** A percentage typed as "20" or "12.5" in basis points (2000, 1250): two decimals at most. */
export function parsePercent(text: string): ParsedAmount {
  return parseAmount(text, 2);
}

/** Basis points as the percentage a person reads and types back: 1250 → "12.5", 2000 → "20". */
export function percentText(basisPoints: number): string {
  return decimalString(basisPoints, 2).replace(/\.?0+$/, '');
}
