import { registerStageGate } from '../rounds/gates.js';
import { panelGateFacts } from './service.js';

/** 专家评审: counts the candidates fully marked; waits for panels, assignments and every sheet. */
registerStageGate('panel', {
  count: async (tx, round, stage) => (stage.kind === 'panel' ? (await panelGateFacts(tx, round, stage)).complete : null),
  blockers: async (tx, _ctx, round, stage) => {
    if (stage.kind !== 'panel') return [];
    const f = await panelGateFacts(tx, round, stage);
    const out: string[] = [];
    if (!f.panels) out.push('尚未设置评审专家组');
    if (f.unassigned) out.push(`${f.unassigned} 名候选人未分配评审专家`);
    if (f.missing) out.push(`评审 ${f.missing} 份评分表未提交`);
    return out;
  },
});
