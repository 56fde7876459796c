import { describe, expect, it } from 'vitest';
import { certificateHeading, certificateTitle, heldByUnit } from './titles.js';

describe('certificate titles', () => {
  it('print each kind of outcome as the bureau words it', () => {
    const t = (kind: Parameters<typeof certificateTitle>[0]['kind'], title: string, level: number | null = null, rank: number | null = null) =>
      certificateTitle({ kind, title, level, rank }, '车工');
    expect(t('award', '第1名', null, 1)).toBe('车工 第1名');
    expect(t('award', '车工 第2名', null, 2)).toBe('车工 第2名');
    expect(t('promotion', '技师', 2)).toBe('晋升技师');
    expect(t('title', '市技术能手')).toBe('市技术能手');
    expect(t('level', '高级工', 3)).toBe('高级工（国家职业资格三级）');
    expect(t('eligibility', '高级技师考评', 1)).toBe('高级技师考评资格');
    expect(t('team', '团体第1名', null, 1)).toBe('团体第1名');
    expect(t('team', '', null, 2)).toBe('团体第2名');
    expect(t('organization', '组织奖')).toBe('组织奖');
  });

  it('head honours 荣誉证书 and levels 职业资格证明; team and organization awards are held by units', () => {
    expect(certificateHeading('award')).toBe('荣誉证书');
    expect(certificateHeading('team')).toBe('荣誉证书');
    expect(certificateHeading('level')).toBe('职业资格证明');
    expect(certificateHeading('promotion')).toBe('职业资格证明');
    expect(heldByUnit('organization')).toBe(true);
    expect(heldByUnit('award')).toBe(false);
  });
});
