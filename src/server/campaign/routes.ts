import { Campaign, Dashboard } from '../../shared/contracts/campaign.js';
import { ctxOf, type App, type Deps } from '../http/types.js';
import { dashboard, publicCampaign, staffCampaign } from './service.js';

export function campaignRoutes(app: App, deps: Deps): void {
  app.get('/api/public/campaign', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: '活动首页 The campaign, for the public site', response: { 200: Campaign } },
    handler: (req) => publicCampaign(ctxOf(deps, req)),
  });
  app.get('/api/campaign', {
    config: { access: 'authenticated' },
    schema: { tags: ['campaign'], summary: '活动方案 The campaign with its plan and documents', response: { 200: Campaign } },
    handler: (req) => staffCampaign(ctxOf(deps, req)),
  });
  app.get('/api/dashboard', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['campaign'], summary: '概览 The campaign at a glance', response: { 200: Dashboard } },
    handler: (req) => dashboard(ctxOf(deps, req)),
  });
}
