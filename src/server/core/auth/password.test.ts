import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { argon2Cost, hashPassword, PRODUCTION_COST, verifyPassword } from './password.js';

describe('argon2 cost', () => {
  it('is the library defaults (m = 64 MiB, t = 3, p = 4) everywhere but in the unit tests', async () => {
    expect(PRODUCTION_COST).toEqual({ memoryCost: 65_536, timeCost: 3, parallelism: 4 });
    for (const env of [{}, { NODE_ENV: 'production' }, { SKILLMONTH_TEST_ARGON2: 'cheap' }, { NODE_ENV: 'production', SKILLMONTH_TEST_ARGON2: 'cheap' }, { NODE_ENV: 'test' }]) {
      expect(argon2Cost(env)).toEqual(PRODUCTION_COST);
    }
    // The constant is what the library does by itself (the hashes made before it existed).
    const libraryDefault = await argon2.hash('Passw0rd-test', { type: argon2.argon2id });
    expect(libraryDefault.startsWith('$argon2id$v=19$m=65536,p=4,t=3$')).toBe(true);
  });

  it('hashes with the production parameters, and such a hash verifies', async () => {
    const hash = await hashPassword('Passw0rd-test', argon2Cost({ NODE_ENV: 'production' }));
    expect(hash.startsWith('$argon2id$v=19$m=65536,p=4,t=3$')).toBe(true);
    expect(await verifyPassword(hash, 'Passw0rd-test')).toBe(true);
    expect(await verifyPassword(hash, 'Passw0rd-tesT')).toBe(false);
  });

  it('is cheap only under vitest with the knob set (vitest.config.ts)', async () => {
    expect(argon2Cost({ NODE_ENV: 'test', SKILLMONTH_TEST_ARGON2: 'cheap' })).toEqual({ memoryCost: 1_024, timeCost: 1, parallelism: 1 });
    expect((await hashPassword('x')).startsWith('$argon2id$v=19$m=1024,p=1,t=1$')).toBe(true);
  });
});
