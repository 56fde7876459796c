/**
 * Every selection module registers its stage gates (rounds/gates.ts) and notice subjects here on
 * import, so the round knows them however the server was started.
 */
import './nominations/gates.js';
import './exam/gate.js';
import './review/gate.js';
import './review/policy.js';
import './cuts/gates.js';
import './commendation/gate.js';
