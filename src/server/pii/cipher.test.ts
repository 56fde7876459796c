import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiiCipher } from './cipher.js';

describe('personal data at rest', () => {
  const pii = new PiiCipher(crypto.randomBytes(32));

  it('decrypts what it encrypts, and never yields the same ciphertext twice', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const a = pii.encrypt(s);
      expect(pii.decrypt(a)).toBe(s);
      expect(pii.encrypt(s)).not.toBe(a);
    }));
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = pii.encrypt('330102198503071234');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => pii.decrypt(`v1.${raw.toString('base64')}`)).toThrow();
  });

  it('hashes deterministically per field, and differently per key', () => {
    expect(pii.hash('idNumber', 'x')).toBe(pii.hash('idNumber', 'x'));
    expect(pii.hash('idNumber', 'x')).not.toBe(pii.hash('phone', 'x'));
    expect(new PiiCipher(crypto.randomBytes(32)).hash('idNumber', 'x')).not.toBe(pii.hash('idNumber', 'x'));
  });

  it('draws distinct IVs across pool refills', () => {
    const ivs = new Set(Array.from({ length: 3000 }, () => pii.encrypt('a').slice(3, 19)));
    expect(ivs.size).toBe(3000);
  });
});
