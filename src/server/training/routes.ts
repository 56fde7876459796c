import type { App, Deps } from '../http/types.js';
import { trainingEnrolmentRoutes } from './enrolment/routes.js';
import { trainingAppraisalRoutes } from './appraisal/routes.js';
import './register.js';
import { trainingCompletionRoutes } from './completion/routes.js';
import { trainingAttendanceRoutes } from './attendance/routes.js';
import { trainingProgrammeRoutes } from './programmes/routes.js';

/** The training programmes' routes, module by module (one line each). */
export function trainingRoutes(app: App, deps: Deps): void {
  trainingProgrammeRoutes(app, deps);
  trainingEnrolmentRoutes(app, deps);
  trainingAppraisalRoutes(app, deps);
  trainingCompletionRoutes(app, deps);
  trainingAttendanceRoutes(app, deps);
}
