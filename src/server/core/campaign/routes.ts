import { z } from 'zod';
import { Campaign, CampaignInput, CampaignSummary, CampaignUpdate, Dashboard } from '../../../shared/contracts/campaign.js';
import { IdParam } from '../../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../../http/types.js';
import { createCampaign, dashboard, getCampaign, listCampaigns, publicCampaign, staffCampaign, updateCampaign } from './service.js';

export function campaignRoutes(app: App, deps: Deps): void {
  app.get('/api/public/campaign', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: '活动首页 The campaign, for the public site', response: { 200: Campaign } },
    handler: (req) => publicCampaign(ctxOf(deps, req)),
  });
  app.get('/api/campaign', {
    config: { access: 'authenticated' },
    schema: { tags: ['campaign'], summary: '活动方案 The current campaign with its plan and documents', response: { 200: Campaign } },
    handler: (req) => staffCampaign(ctxOf(deps, req)),
  });
  app.get('/api/campaigns', {
    config: { access: 'authenticated' },
    schema: { tags: ['campaign'], summary: '历年活动 Every campaign, the latest first', response: { 200: z.array(CampaignSummary) } },
    handler: (req) => listCampaigns(ctxOf(deps, req)),
  });
  app.get('/api/campaigns/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['campaign'], summary: '活动详情 A campaign with its plan and documents', params: IdParam, response: { 200: Campaign } },
    handler: (req) => getCampaign(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/campaigns', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['campaign'], summary: '建立活动 Create a campaign (administrators and the committee office)', body: CampaignInput, response: { 200: Campaign } },
    handler: (req) => createCampaign(ctxOf(deps, req), req.body),
  });
  app.put('/api/campaigns/:id', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['campaign'], summary: '修改活动 Update a campaign (states the version read)', params: IdParam, body: CampaignUpdate, response: { 200: Campaign } },
    handler: (req) => updateCampaign(ctxOf(deps, req), req.params.id, req.body),
  });
  app.get('/api/dashboard', {
    config: { access: ['admin', 'committee'] },
    schema: { tags: ['campaign'], summary: '概览 The campaign at a glance', response: { 200: Dashboard } },
    handler: (req) => dashboard(ctxOf(deps, req)),
  });
}
