import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { Appeal, AppealDecision } from '../../../shared/contracts/appeals';
import type { PartKey } from '../../../shared/competition/parts';
import { api } from '../../api';
import { useT } from '../../i18n';
import { competitionKeys, schemeQuery, useCompetitionAction } from '../components/common';
import { markingJudges, ScoreChangeFields } from '../components/ScoreChangeFields';
import type { Competition, StaffMember } from '../components/types';
import { applyServerErrors } from '../../components/formErrors';

type Values = { outcome: AppealDecision['outcome']; reason: string; part?: PartKey; aspectId?: number; judgeId?: number; newValue?: number };

/**
 * 仲裁: the arbitration group dismisses an appeal with a reason, or upholds it naming the score to
 * change — that becomes an amendment a second person approves (成绩更正), then the results re-rank.
 */
export function AppealDecisionModal({ c, appeal, onClose }: { c: Competition; appeal: Appeal | null; onClose: () => void }) {
  const t = useT();
  const { run, busy } = useCompetitionAction(c.id);
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const part = Form.useWatch('part', form);
  const [error, setError] = useState<string | null>(null);
  const scheme = useQuery({ ...schemeQuery(c.id), enabled: !!appeal });
  const staff = useQuery({ queryKey: competitionKeys.part(c.id, 'staff'), queryFn: () => api.get<StaffMember[]>(`/api/competitions/${c.id}/staff`), enabled: !!appeal });
  const judges = markingJudges(staff.data);

  const submit = async (v: Values) => {
    if (!appeal) return;
    setError(null);
    const body: AppealDecision =
      v.outcome === 'dismissed'
        ? { outcome: 'dismissed', reason: v.reason.trim() }
        : {
            outcome: 'upheld',
            reason: v.reason.trim(),
            amendment: { part: v.part!, newValue: v.newValue!, ...(v.part === 'practical' ? { aspectId: v.aspectId, judgeId: v.judgeId } : {}) },
          };
    const ok = await run(`decide-appeal-${appeal.id}`, async () => {
      try {
        await api.post(`/api/competitions/${c.id}/appeals/${appeal.id}/decision`, body);
        return true;
      } catch (e) {
        setError(applyServerErrors(form, e));
        throw e;
      }
    }, t('common.saved'));
    if (ok) onClose();
  };

  return (
    <Modal
      open={!!appeal}
      title={t('appeal.decideTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={!!appeal && busy === `decide-appeal-${appeal.id}`}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {appeal && (
        <Typography.Paragraph>
          <Typography.Text strong>{[appeal.code, appeal.name, appeal.unitName].filter(Boolean).join(' · ')}</Typography.Text>
          <br />
          {appeal.content}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ outcome: 'dismissed', part: 'practical' }} onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="outcome" label={t('appeal.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'dismissed', label: t('appeal.status.dismissed') },
              { value: 'upheld', label: t('appeal.status.upheld') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={outcome === 'upheld' ? t('appeal.opinion') : t('appeal.dismissReason')} rules={[{ required: true, whitespace: true, min: 4, message: t('appeal.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {outcome === 'upheld' && (
          <>
            <Typography.Paragraph type="secondary">{t('appeal.upheldHelp')}</Typography.Paragraph>
            <ScoreChangeFields c={c} part={part} aspects={scheme.data?.aspects ?? []} judges={judges} />
          </>
        )}
      </Form>
    </Modal>
  );
}
