import { IdParam } from '../../../shared/contracts/common.js';
import { ApprovalInput, Approvals } from '../../../shared/contracts/selection-cuts.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { decideApproval, listApprovals } from './approvals.js';

export function selectionApprovalRoutes(app: App, deps: Deps): void {
  const tags = ['selection'];
  app.get('/api/selection/rounds/:id/approvals', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '评审委员会审定情况 Who approved the final list', params: IdParam, response: { 200: Approvals } },
    handler: (req) => listApprovals(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/selection/rounds/:id/approvals', {
    config: { access: ['committee'] },
    schema: { tags, summary: '委员审定（同意或提出异议） A committee member approves or objects', params: IdParam, body: ApprovalInput, response: { 200: Approvals } },
    handler: (req) => decideApproval(ctxOf(deps, req), req.params.id, req.body),
  });
}
