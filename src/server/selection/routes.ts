import type { App, Deps } from '../http/types.js';
import { selectionNominationRoutes } from './nominations/routes.js';
import { selectionExamRoutes } from './exam/routes.js';
import { selectionReviewRoutes } from './review/routes.js';
import { selectionApprovalRoutes } from './commendation/approval-routes.js';
import { selectionCutRoutes } from './cuts/routes.js';
import { commendationRoutes } from './commendation/routes.js';
import { selectionRoundRoutes } from './rounds/routes.js';

/** The Technical Expert selection's routes, module by module (one line each). */
export function selectionRoutes(app: App, deps: Deps): void {
  selectionRoundRoutes(app, deps);
  selectionNominationRoutes(app, deps);
  selectionExamRoutes(app, deps);
  selectionReviewRoutes(app, deps);
  selectionCutRoutes(app, deps);
  selectionApprovalRoutes(app, deps);
  commendationRoutes(app, deps);
}
