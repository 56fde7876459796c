// npm run audit:verify — recomputes the audit log's hash chain and reports the first broken link.
import { verifyAuditChain } from '../core/audit/service.js';
import { DataDirLockedError } from '../db/lock.js';
import { openConfigured } from './open.js';

try {
  const { database, close } = await openConfigured();
  const r = await verifyAuditChain(database.db);
  await close();
  if (r.ok) {
    console.log(`audit chain OK: ${r.checked} entries verified`);
  } else {
    console.error(`audit chain BROKEN at entry ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} entries verified before it)`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(e instanceof DataDirLockedError ? `${e.message}\n(the admin console's 审计日志 page verifies the chain while the server runs)` : e);
  process.exitCode = 2;
}
