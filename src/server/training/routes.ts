import type { App, Deps } from '../http/types.js';
import { trainingAttendanceRoutes } from './attendance/routes.js';
import { trainingProgrammeRoutes } from './programmes/routes.js';

/** The training programmes' routes, module by module (one line each). */
export function trainingRoutes(app: App, deps: Deps): void {
  trainingProgrammeRoutes(app, deps);
  trainingAttendanceRoutes(app, deps);
}
