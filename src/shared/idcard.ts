/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
 * and a check character computed with ISO 7064 MOD 11-2.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes (first two digits) in use. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 91,
]);

export type IdNumberProblem = 'empty' | 'length' | 'characters' | 'region' | 'birthDate' | 'checkCharacter';

export type IdNumberCheck =
  | { ok: true; value: string; birthDate: string; gender: 'M' | 'F' }
  | { ok: false; problem: IdNumberProblem; value: string };

/** Full-width digits and letters become ASCII, lower-case x becomes X, spaces go. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Validates a resident ID number. `today` bounds the birth date (no one is born in the future
 * or more than 130 years ago).
 */
export function checkIdNumber(raw: string, today: Date = new Date()): IdNumberCheck {
  const value = normalizeIdNumber(raw);
  if (value === '') return { ok: false, problem: 'empty', value };
  if (value.length !== 18) return { ok: false, problem: 'length', value };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters', value };
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return { ok: false, problem: 'region', value };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = Date.UTC(y, m - 1, d);
  const thisYear = today.getUTCFullYear();
  if (!isRealDate(y, m, d) || birth > today.getTime() || y < thisYear - 130) {
    return { ok: false, problem: 'birthDate', value };
  }
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checkCharacter', value };
  const seq = Number(value[16]);
  return {
    ok: true,
    value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    gender: seq % 2 === 1 ? 'M' : 'F',
  };
}

/** Builds a valid number from its parts; used by the demo data and by tests. */
export function makeIdNumber(region: string, birth: string, sequence: number, gender: 'M' | 'F'): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (gender === 'M')) seq = (seq + 1) % 1000;
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
