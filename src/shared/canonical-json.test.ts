import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonical JSON (what the audit chain hashes)', () => {
  it('does not depend on key order and survives a JSON round trip', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const json = JSON.parse(JSON.stringify(v));
      expect(canonicalJson(json)).toBe(canonicalJson(JSON.parse(canonicalJson(json))));
    }));
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: null }] })).toBe('{"a":[2,{"c":null,"d":1}],"b":1}');
  });
});
