import type { App, Deps } from '../http/types.js';

export function appealRoutes(_app: App, _deps: Deps): void {
  // routes of this module
}
