import type { App, Deps } from '../http/types.js';
import { commendationRoutes } from './commendation/routes.js';
import { selectionRoundRoutes } from './rounds/routes.js';

/** The Technical Expert selection's routes, module by module (one line each). */
export function selectionRoutes(app: App, deps: Deps): void {
  selectionRoundRoutes(app, deps);
  commendationRoutes(app, deps);
}
