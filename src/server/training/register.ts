/**
 * Every training module registers its class-status hooks here on import, so a class that finishes
 * writes its outcomes however the server was started (imported by training/routes.ts).
 */
import './completion/hooks.js';
