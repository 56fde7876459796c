import { AuditEntry, AuditQuery, AuditVerifyResult } from '../../../shared/contracts/audit.js';
import { listOf } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { requireRole } from '../../policy.js';
import { listAudit, verifyAuditChain } from './service.js';

export function auditRoutes(app: App, deps: Deps): void {
  app.get('/api/audit', {
    config: { access: ['admin'] },
    schema: { tags: ['audit'], summary: '审计日志 The audit log', querystring: AuditQuery, response: { 200: listOf(AuditEntry) } },
    handler: (req) => {
      const ctx = ctxOf(deps, req);
      requireRole(ctx, 'admin');
      return listAudit(ctx.db, req.query);
    },
  });
  app.get('/api/audit/verify', {
    config: { access: ['admin'] },
    schema: { tags: ['audit'], summary: '校验哈希链 Recompute the hash chain', response: { 200: AuditVerifyResult } },
    handler: (req) => {
      const ctx = ctxOf(deps, req);
      requireRole(ctx, 'admin');
      return verifyAuditChain(ctx.db);
    },
  });
}
