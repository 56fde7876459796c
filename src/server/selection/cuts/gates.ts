import { approvalBlockers, approvalState } from '../commendation/approvals.js';
import { registerStageGate } from '../rounds/gates.js';
import { currentCut, latestNotice } from './store.js';

/**
 * The gates of the stages this module owns: a cut stage holds its frozen list (count = selected)
 * and cannot close before one is frozen; the approval stage waits for the committee; the notice
 * stage waits until the final list's notice is final.
 */
registerStageGate('cut', {
  count: async (tx, round, stage) => (await currentCut(tx, round.id, stage.key))?.selected ?? null,
  blockers: async (tx, _ctx, round, stage) => ((await currentCut(tx, round.id, stage.key)) ? [] : [`尚未冻结「${stage.name}」入围名单`]),
});

registerStageGate('approval', {
  count: async (tx, round) => {
    const s = await approvalState(tx, round);
    return s.cut && s.approved >= s.required && !s.objections.length ? s.cut.selected : null;
  },
  blockers: (tx, _ctx, round) => approvalBlockers(tx, round),
});

registerStageGate('notice', {
  count: async (tx, round) => {
    const n = await latestNotice(tx, 'selection-experts', round.id);
    return n ? n.rows.length : null;
  },
  blockers: async (tx, _ctx, round) => {
    const n = await latestNotice(tx, 'selection-experts', round.id);
    if (!n) return ['尚未发布拟表彰人员名单公示'];
    if (n.status === 'open') return [`公示期至 ${n.endsOn}，期满且无待处理异议后生效`];
    if (n.status === 'suspended') return ['异议成立，公示已中止：请更正名单、重新冻结并经评审委员会审定后重新公示'];
    if (n.status === 'withdrawn') return ['公示已撤回，请重新发布'];
    return [];
  },
});
