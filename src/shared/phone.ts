/** Mainland mobile numbers (11 digits starting 1[3-9]) and landlines such as 0571-87654321. */
export function normalizePhone(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^\+?86[\s-]?/, '')
    .replace(/[\s\u3000]/g, '');
}

export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}
