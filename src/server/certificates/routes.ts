import type { App, Deps } from '../http/types.js';

export function certificateRoutes(_app: App, _deps: Deps): void {
  // routes of this module
}
