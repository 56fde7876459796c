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

describe('sealing many values at once (imports)', () => {
  const pii = new PiiCipher(crypto.randomBytes(32));

  it('gives what encrypt() and hash() give, on the helper thread', async () => {
    const values = ['330102198503071234', '13800001234', '', '名字 with ünïcode 𠀀', 'a\u0000b'];
    const { enc, hash } = await pii.sealMany('phone', values);
    expect(enc.map((e) => pii.decrypt(e))).toEqual(values);
    expect(hash).toEqual(values.map((v) => pii.hash('phone', v)));
    expect(new Set(enc).size).toBe(values.length);
    const again = await pii.sealMany('phone', values);
    expect(again.enc).not.toEqual(enc); // fresh IVs
    expect(again.hash).toEqual(hash);
  });

  it('keeps batches apart when many are in flight', async () => {
    const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 500 }, (_, i) => `${b}-${i}`));
    const out = await Promise.all(batches.map((v) => pii.sealMany('idNumber', v)));
    out.forEach((o, b) => expect(o.enc.map((e) => pii.decrypt(e))).toEqual(batches[b]));
    expect(new Set(out.flatMap((o) => o.enc.map((e) => e.slice(3, 19)))).size).toBe(3000); // no IV twice
  });
});
