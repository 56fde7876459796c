/**
 * Every selection module registers its stage gates (rounds/gates.ts) and notice subjects here on
 * import, so the round knows them however the server was started.
 */
import './commendation/gate.js';
