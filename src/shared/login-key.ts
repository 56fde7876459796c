import { isValidPhone, normalizePhone } from './phone.js';

/**
 * A mainland mobile number however it was typed: full-width digits, spaces, dashes, dots,
 * brackets and a +86 / 0086 / 86 prefix are all ignored. Null when it is not a mobile number.
 */
export function canonicalMobile(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[\s\u3000\-.()（）]/g, '');
  const m = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(digits);
  return m ? m[1]! : null;
}

/**
 * The one key a login is counted under by the sign-in throttle: every spelling of one phone number
 * gives the same key, and usernames are compared without case or surrounding space.
 */
export function loginKey(raw: string): string {
  const mobile = canonicalMobile(raw);
  if (mobile) return `p:${mobile}`;
  const phone = normalizePhone(raw.normalize('NFKC').trim());
  if (isValidPhone(phone)) return `p:${phone.replace(/-/g, '')}`;
  return `u:${raw.normalize('NFKC').trim().toLowerCase()}`;
}
