import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditActionsMatching, auditEntitiesMatching, auditEntityLabel } from './labels';

describe('audit action labels', () => {
  it('names actions of newer modules from their entity and verb, and leaves an unknown one as it is', () => {
    expect(auditActionLabel('campaign.create', 'zh')).toBe('新建技能月活动');
    expect(auditActionLabel('campaign.create', 'en')).toBe('Campaign created');
    expect(auditActionLabel('mystery.thing')).toBe('mystery.thing');
    expect(auditEntityLabel('notice_objection')).toBe('公示异议');
  });

  it('finds actions by key, Chinese or English label', () => {
    expect(auditActionsMatching('证书')).toEqual(['certificate.issue', 'certificate.revoke', 'selection.certificates', 'training.certificate.issue']);
    expect(auditActionsMatching('certificate')).toEqual(['certificate.issue', 'certificate.revoke', 'selection.certificates', 'training.certificate.issue']);
    expect(auditActionsMatching('REVOKED')).toEqual(['certificate.revoke']);
    expect(auditActionsMatching('活动', ['campaign.create'])).toEqual(['campaign.create']);
    expect(auditActionsMatching('  ')).toEqual([]);
    expect(auditEntitiesMatching('证书')).toEqual(['certificate']);
    expect(Object.keys(AUDIT_ACTION_LABELS).length).toBeGreaterThan(40);
  });
});
