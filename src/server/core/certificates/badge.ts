import crypto from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json.js';
import type { CertificateVerification } from '../../../shared/contracts/certificates.js';
import type { PiiCipher } from '../pii/cipher.js';

/**
 * Open Badges 3.0: a certificate as an OpenBadgeCredential for the same achievement, signed with
 * an Ed25519 DataIntegrityProof (cryptosuite eddsa-jcs-2022: the JCS-canonical proof options and
 * document, each SHA-256-hashed, concatenated and signed). The key is derived from the server's
 * secret (the same master key as the PII cipher, under its own label), so every instance and every
 * restart signs with the same key; its public half is published as a Multikey in the issuer's
 * profile. The holder is named only by a salted hash of their name (no ID number).
 */
export const OB_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
const ISSUER_NAME = '技能月组委会（培训平台）';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** base58btc (the multibase 'z' alphabet): leading zero bytes as '1'. */
export function base58btc(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (const b of bytes.subarray(zeros)) {
    let carry = b;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! * 256;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry) { digits.push(carry % 58); carry = Math.floor(carry / 58); }
  }
  return '1'.repeat(zeros) + digits.reverse().map((d) => B58[d]).join('');
}
export function base58Decode(s: string): Buffer {
  let zeros = 0;
  while (s[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (const ch of s.slice(zeros)) {
    let carry = B58.indexOf(ch);
    if (carry < 0) throw new Error('not base58');
    for (let i = 0; i < bytes.length; i++) { carry += bytes[i]! * 58; bytes[i] = carry & 0xff; carry >>= 8; }
    while (carry) { bytes.push(carry & 0xff); carry >>= 8; }
  }
  return Buffer.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

export interface BadgeKey { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject; multibase: string }

const keys = new WeakMap<PiiCipher, BadgeKey>();
/** The issuer's Ed25519 key: the seed is the keyed hash of a fixed label under the server's secret. */
export function badgeKey(pii: PiiCipher): BadgeKey {
  const hit = keys.get(pii);
  if (hit) return hit;
  const seed = Buffer.from(pii.hash('badge-signing-key', 'ed25519 v1'), 'base64url');
  const privateKey = crypto.createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]), format: 'der', type: 'pkcs8' });
  const publicKey = crypto.createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const key = { privateKey, publicKey, multibase: `z${base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]))}` };
  keys.set(pii, key);
  return key;
}

/** A Multikey's public key (from its publicKeyMultibase), for verifying. */
export function publicKeyOf(multibase: string): crypto.KeyObject {
  const bytes = base58Decode(multibase.slice(1));
  if (bytes[0] !== 0xed || bytes[1] !== 0x01 || bytes.length !== 34) throw new Error('not an Ed25519 Multikey');
  return crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), bytes.subarray(2)]), format: 'der', type: 'spki' });
}

const issuerUrl = (base: string) => `${base.replace(/\/+$/, '')}/api/public/badge-issuer`;

/** The issuer's profile, with its verification key as a Multikey. */
export function issuerProfile(pii: PiiCipher, base: string) {
  const id = issuerUrl(base);
  return {
    '@context': [...OB_CONTEXT, 'https://w3id.org/security/multikey/v1'], id, type: ['Profile'], name: ISSUER_NAME, url: base.replace(/\/+$/, ''),
    verificationMethod: [{ id: `${id}#key-1`, type: 'Multikey', controller: id, publicKeyMultibase: badgeKey(pii).multibase }],
  };
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

/** The data the proof signs: SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document without proof)). */
function signedBytes(doc: Record<string, unknown>, options: Record<string, unknown>): Buffer {
  const { proof: _p, ...unsecured } = doc;
  const { proofValue: _v, ...config } = options;
  return Buffer.concat([sha256(canonicalJson({ ...config, '@context': doc['@context'] })), sha256(canonicalJson(unsecured))]);
}

/** The credential for a (valid) certificate, signed. */
export function badgeCredential(pii: PiiCipher, base: string, v: CertificateVerification, now: Date) {
  const root = base.replace(/\/+$/, '');
  const issuer = issuerProfile(pii, base);
  const salt = crypto.createHash('sha256').update(`salt:${v.serial}`).digest('hex').slice(0, 16);
  const doc: Record<string, unknown> = {
    '@context': [...OB_CONTEXT],
    id: `${root}/api/public/certificates/${v.serial}/badge.json`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: `${v.issuedOn}T00:00:00+08:00`,
    name: `${v.title}：${v.eventName}`,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: true, identityHash: `sha256$${crypto.createHash('sha256').update(v.holderName + salt).digest('hex')}`, salt }],
      achievement: {
        id: `${root}/verify/${v.serial}#achievement`,
        type: ['Achievement'],
        name: v.title,
        description: `${v.eventName}（${v.tradeName}）`,
        criteria: { narrative: v.source === 'training-completion'
          ? `参加${v.eventName}（${v.tradeName}）培训，出勤及考核达到结业条件，准予结业。`
          : v.source === 'training-plan' ? `创业计划书《${v.tradeName}》经评审组评审，在${v.eventName}中被评为优秀创业计划书。` : `在${v.eventName}中取得「${v.title}」。` },
      },
    },
  };
  const options = {
    type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: `${issuer.id}#key-1`, proofPurpose: 'assertionMethod',
  };
  const signature = crypto.sign(null, signedBytes(doc, options), badgeKey(pii).privateKey);
  return { ...doc, proof: { ...options, proofValue: `z${base58btc(signature)}` } };
}

/** Checks a credential's proof against a Multikey (what any verifier does with the published key). */
export function verifyBadge(doc: Record<string, unknown>, publicKeyMultibase: string): boolean {
  const proof = doc.proof as Record<string, unknown> | undefined;
  if (!proof || proof.cryptosuite !== 'eddsa-jcs-2022' || typeof proof.proofValue !== 'string' || !proof.proofValue.startsWith('z')) return false;
  try {
    return crypto.verify(null, signedBytes(doc, proof), publicKeyOf(publicKeyMultibase), base58Decode(proof.proofValue.slice(1)));
  } catch {
    return false;
  }
}
