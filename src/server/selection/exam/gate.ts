import { registerStageGate } from '../rounds/gates.js';
import { examProgress } from './service.js';

/** 统一考试: counts the candidates with an exam score; waits for every number and every score (or 缺考). */
registerStageGate('exam', {
  count: async (tx, round, stage) => (await examProgress(tx, round, stage.key)).scored,
  blockers: async (tx, _ctx, round, stage) => {
    const p = await examProgress(tx, round, stage.key);
    const out: string[] = [];
    if (p.unnumbered) out.push(`${p.unnumbered} 名候选人未编排准考证号`);
    if (p.incomplete) out.push(`${p.incomplete} 名候选人成绩未录全（理论、实操或缺考）`);
    return out;
  },
});
