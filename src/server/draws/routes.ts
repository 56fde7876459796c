import { IdParam } from '../../shared/contracts/common.js';
import { ctxOf, type App, type Deps } from '../http/types.js';
import { commitDrawSeed, decode, getDraw, runDraw } from './service.js';

export function drawRoutes(app: App, deps: Deps): void {
  const tags = ['draw'];
  app.get('/api/competitions/:id/draw', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '抽签记录 The draw: seed commitment, code → station list; seed and input once decoded', params: IdParam },
    handler: (req) => getDraw(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/draw/commit', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '生成并承诺抽签种子 Commit the seed (its SHA-256 is shown)', params: IdParam },
    handler: (req) => commitDrawSeed(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/draw/run', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '抽签 Run the draw', params: IdParam },
    handler: (req) => runDraw(ctxOf(deps, req), req.params.id),
  });
  app.post('/api/competitions/:id/decode', {
    config: { access: ['admin'] },
    schema: { tags, summary: '解密 Code → contestant, for a granted decoder after the marks are locked (audited)', params: IdParam },
    handler: (req) => decode(ctxOf(deps, req), req.params.id),
  });
}
