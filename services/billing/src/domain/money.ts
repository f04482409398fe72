/**
 * Money is an integer count of a currency's minor unit (cents, yen, fils): never a float, so sums and
 * splits are exact and every amount fits a JS number as a safe integer.
 */

/** The largest single price or charge, in minor units; with rates ≤ 10 000 bp it keeps every product safe. */
export const MAX_AMOUNT_MINOR = 100_000_000_00;

const CURRENCY_SHAPE = /^[A-Z]{3}$/;

let supportedCurrencies: ReadonlySet<string> | null = null;
const exponents = new Map<string, number>();

/** An ISO 4217 code, upper case, that this runtime's Intl knows (so it can also format and size it). */
export function isCurrency(code: string): boolean {
  if (!CURRENCY_SHAPE.test(code)) return false;
  supportedCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return supportedCurrencies.has(code);
}

/** How many minor-unit digits the currency has: JPY 0, USD 2, KWD 3. Throws on an unknown code. */
export function currencyExponent(code: string): number {
  const known = exponents.get(code);
  if (known !== undefined) return known;
  if (!isCurrency(code)) throw new RangeError(`Not an ISO 4217 currency code: ${JSON.stringify(code)}`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
  // ICU always reports the digits for a currency style; the fallback only satisfies the optional type.
  const exponent = digits ?? 2;
  exponents.set(code, exponent);
  return exponent;
}

/** A storable amount: a safe, non-negative integer count of minor units. */
export function isMinorAmount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/**
 * Formats a (possibly negative, e.g. a balance) amount for display. The amount goes to Intl as a decimal
 * string rather than `minor / 10 ** exponent`, so even amounts near 2^53 print exactly.
 */
export function formatMoney(minor: number, currency: string, locale = 'en'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not a safe integer amount: ${minor}`);
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toDecimalString(minor, exponent));
}

function toDecimalString(minor: number, exponent: number): `${number}` {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}` as `${number}`;
  const cut = digits.length - exponent;
  return `${sign}${digits.slice(0, cut)}.${digits.slice(cut)}` as `${number}`;
}

/**
 * round-half-up(a × b / d) for non-negative integers. The product goes through BigInt: a refund's share
 * multiplies two amounts (up to ~10^20), beyond what a JS number holds exactly. Throws when the result
 * would not be a safe integer.
 */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  if (!isMinorAmount(a) || !isMinorAmount(b) || !isMinorAmount(d) || d === 0) {
    throw new RangeError(`mulDivRoundHalfUp needs non-negative safe integers and d > 0 (got ${a}, ${b}, ${d})`);
  }
  const denominator = BigInt(d) * 2n;
  const result = Number((BigInt(a) * BigInt(b) * 2n + BigInt(d)) / denominator);
  if (!Number.isSafeInteger(result)) throw new RangeError(`mulDivRoundHalfUp result exceeds a safe integer`);
  return result;
}
