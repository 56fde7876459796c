import { onClassStatus } from '../programmes/service.js';
import { writeCompletions } from './outcomes.js';

/** A class that finishes has its outcomes written, in the same transaction (loaded by training/register.ts). */
onClassStatus(async (tx, ctx, c, to, on) => {
  if (to === 'finished') await writeCompletions(tx, ctx, c, on);
});
