import { Form, InputNumber, Select } from 'antd';
import type { PartKey } from '../../../shared/competition/parts';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import type { Competition, StaffMember } from './types';

/** The competition's judges (judges, chief, substitutes), each once. */
export const markingJudges = (staff: StaffMember[] | undefined) =>
  [...new Map((staff ?? []).filter((s) => ['judge', 'chief', 'substitute'].includes(s.role)).map((s) => [s.accountId, s])).values()];

/**
 * Which score to change and to what — the part, and for the practical the aspect and the judge's
 * mark — as form fields (part, aspectId, judgeId, newValue): an amendment request (成绩更正) and an
 * upheld appeal (申诉成立) ask the same.
 */
export function ScoreChangeFields({ c, part, aspects, judges }: {
  c: Competition;
  part: PartKey | undefined;
  aspects: { id: number; code: string; description: string }[];
  judges: StaffMember[];
}) {
  const t = useT();
  const labels = useLabels();
  return (
    <>
      <Form.Item label={t('amend.part')} name="part" rules={[{ required: true }]}>
        <Select options={c.parts.map((p) => ({ value: p.key, label: labels.part(p.key) }))} />
      </Form.Item>
      {part === 'practical' && (
        <>
          <Form.Item label={t('progress.aspect')} name="aspectId" rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={aspects.map((a) => ({ value: a.id, label: `${a.code} ${a.description}` }))} />
          </Form.Item>
          <Form.Item label={t('amend.judge')} name="judgeId" rules={[{ required: true }]}>
            <Select options={judges.map((j) => ({ value: j.accountId, label: `${j.displayName}（${labels.staffRole(j.role)}）` }))} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('amend.newValue')} name="newValue" rules={[{ required: true }]}>
        <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}
