/**
 * 证书编号: `SM09-XXXXX-XXXXX-XXXXX-XXXXC`. "SM" + the two-digit year of issue, then 19 random
 * Crockford base32 symbols (95 bits from a cryptographic source, so no serial can be guessed from
 * another) and one check symbol, in groups of five for reading aloud or typing from paper.
 *
 * The check symbol makes every symbol string (prefix included) a multiple of a polynomial over
 * GF(32): Σ sₖ·αⁿ⁻ᵏ = 0 with α = x in GF(2)[x]/(x⁵+x²+1). A change of any one symbol, and any swap
 * of two neighbours (or of symbols one apart), changes that sum, so it is caught before a look-up.
 */
export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SERIAL_RANDOM_SYMBOLS = 19;
const PREFIX = 'SM';
const GROUP = 5;
const SYMBOLS = new Map([...SERIAL_ALPHABET].map((c, i) => [c, i]));

/** Multiplies by α in GF(32) (primitive polynomial x⁵+x²+1). */
const timesAlpha = (v: number) => (v & 0x10 ? ((v << 1) ^ 0b100101) : v << 1);

/** Horner's sum over the symbols; 0 for a valid serial (check symbol included). */
function syndrome(values: number[]): number {
  let h = 0;
  for (const v of values) h = timesAlpha(h) ^ v;
  return h;
}

/** The check symbol that brings the syndrome of `body` + check to zero. */
export function checkSymbol(body: string): string {
  return SERIAL_ALPHABET[timesAlpha(syndrome([...body].map((c) => SYMBOLS.get(c)!)))]!;
}

/** Groups the compact form (24 symbols) for printing. */
function grouped(compact: string): string {
  const head = compact.slice(0, 4);
  const rest = compact.slice(4).match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? [];
  return [head, ...rest].join('-');
}

/**
 * A new serial for a certificate issued in `year`. `random` yields uniform bytes (crypto by
 * default; 256 is a multiple of 32, so `byte & 31` is unbiased).
 */
export function newSerial(year: number, random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const yy = String(year % 100).padStart(2, '0');
  const body = PREFIX + yy + [...random(SERIAL_RANDOM_SYMBOLS)].map((b) => SERIAL_ALPHABET[b & 31]).join('');
  return grouped(body + checkSymbol(body));
}

/**
 * The canonical serial for what someone typed or scanned, or null when it cannot be one. Case,
 * spaces and hyphens do not matter; O reads as 0 and I, L as 1 (Crockford's decoding).
 */
export function parseSerial(input: string): string | null {
  if (input.length > 64) return null;
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== 4 + SERIAL_RANDOM_SYMBOLS + 1 || !compact.startsWith(PREFIX) || !/^\d\d$/.test(compact.slice(2, 4))) return null;
  const values: number[] = [];
  for (const c of compact) {
    const v = SYMBOLS.get(c);
    if (v === undefined) return null;
    values.push(v);
  }
  return syndrome(values) === 0 ? grouped(compact) : null;
}

export const isSerial = (s: string) => parseSerial(s) === s;
