import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../../shared/audit/labels.js';

/** Every literal action the server records (recordAudit(..., { action: 'x.y' })). */
function recordedActions(): string[] {
  const root = path.resolve(__dirname, '../..');
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/action: '([a-z_.]+)'/g)) found.add(m[1]!);
    }
  };
  walk(root);
  return [...found].sort();
}

describe('the audit log names what the server records', () => {
  it('names every action the server records, in Chinese and English (it showed certificate.issue raw)', () => {
    const actions = recordedActions();
    expect(actions).toContain('certificate.issue');
    for (const a of actions) {
      expect(auditActionLabel(a, 'zh'), a).not.toBe(a);
      expect(auditActionLabel(a, 'zh'), a).not.toMatch(/[a-z]/);
      expect(auditActionLabel(a, 'en'), a).not.toBe(a);
    }
    expect(auditActionLabel('certificate.issue')).toBe('颁发证书');
  });

});
