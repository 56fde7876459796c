import { IdParam } from '../../shared/contracts/common.js';
import { MarkingSchemeDraft } from '../../shared/competition/scheme.js';
import { ctxOf, type App, type Deps } from '../http/types.js';
import { getScheme, saveScheme } from './service.js';

export function schemeRoutes(app: App, deps: Deps): void {
  const tags = ['marking scheme'];
  app.get('/api/competitions/:id/scheme', {
    config: { access: ['admin', 'committee', 'judge'] },
    schema: { tags, summary: '评分标准 The marking scheme in force', params: IdParam },
    handler: (req) => getScheme(ctxOf(deps, req), req.params.id),
  });
  app.put('/api/competitions/:id/scheme', {
    config: { access: ['admin', 'committee'] },
    schema: { tags, summary: '保存评分标准（新版本） Save a new version of the scheme; must total 100', params: IdParam, body: MarkingSchemeDraft },
    handler: (req) => saveScheme(ctxOf(deps, req), req.params.id, req.body),
  });
}
