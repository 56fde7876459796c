import { describe, expect, it } from 'vitest';
import { headingOf, leadOf } from '../../core/certificates/render.js';

/** What the training certificates say (render.ts): 结业证书 and 优秀创业计划书. */
describe('training certificate wording', () => {
  it('reads 参加<班级>（<课程>）培训，经考核合格，准予结业 under 结业证书', () => {
    const c = { source: 'training-completion' as const, kind: 'title' as const, eventName: '高校毕业生SYB创业培训第1班', tradeName: 'SYB（创办你的企业）' };
    expect(headingOf(c)).toBe('结业证书');
    expect(`${leadOf(c)}准予结业`).toBe('参加高校毕业生SYB创业培训第1班（SYB（创办你的企业））培训，经考核合格，准予结业');
  });
  it('reads 创业计划书《…》在<项目>中被评为优秀创业计划书 under 荣誉证书', () => {
    const c = { source: 'training-plan' as const, kind: 'title' as const, eventName: '创业培训（第1班）', tradeName: '乡村电商' };
    expect(headingOf(c)).toBe('荣誉证书');
    expect(`${leadOf(c)}优秀创业计划书`).toBe('创业计划书《乡村电商》在创业培训（第1班）中被评为优秀创业计划书');
  });
  it('keeps the competition and selection wording', () => {
    expect(leadOf({ source: 'selection-award', kind: 'title', eventName: '评选', tradeName: '车工' })).toBe('在评选中被评为');
    expect(leadOf({ source: 'competition-outcome', kind: 'level', eventName: '竞赛', tradeName: '车工' })).toBe('参加竞赛，经评定取得');
  });
});
