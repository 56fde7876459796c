import { afterEach } from 'vitest';
import { transactionGuardViolations } from '../db/guard.js';

// Any test in which code used the outer database handle inside a transaction fails here, even if
// the error was caught on the way (see db/guard.ts).
afterEach(() => {
  const seen = transactionGuardViolations.splice(0);
  if (seen.length) throw new Error(`outer database handle used inside a transaction ${seen.length}×:\n${seen[0]!.stack}`);
});
