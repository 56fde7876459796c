/**
 * The one masking rule for personal data in lists (公示, exports, every table that does not need
 * the full value): keep a short head and tail, star the middle, keep the length.
 *   ID number 110101199003071234 → 110***********1234
 *   phone     13812341234        → 138****1234
 *   bank account 6222021234567890123 → 6222***********0123 (the full number only in the payment list)
 * Names are kept (a published list must name people).
 */
export function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

export type PersonalField = 'idNumber' | 'phone' | 'bankAccount';

const RULES: Record<PersonalField, [head: number, tail: number]> = {
  idNumber: [3, 4],
  phone: [3, 4],
  bankAccount: [4, 4],
};

export function mask(field: PersonalField, value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  const [head, tail] = RULES[field];
  return maskMiddle(value, head, tail);
}
