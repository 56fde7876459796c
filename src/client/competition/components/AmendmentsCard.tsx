import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AmendmentStatus } from '../../../shared/competition/states';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import { formatDateTime } from '../../components/dates';
import { applyServerErrors } from '../../components/formErrors';
import { competitionKeys, schemeQuery, useCompetitionAction } from './common';
import { markingJudges, ScoreChangeFields } from './ScoreChangeFields';
import type { AmendmentView, Competition, StaffMember } from './types';

type RequestValues = { code: string; part: 'practical' | 'theory' | 'oral'; aspectId?: number; judgeId?: number; newValue: number; reason: string };
const STATUS_COLORS: Record<AmendmentStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/**
 * 成绩更正: a signed-off mark changes only through a request and a second person's decision;
 * the original stays in the mark log either way.
 */
export function AmendmentsCard({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { run, busy } = useCompetitionAction(c.id);
  const [form] = Form.useForm<RequestValues>();
  const part = Form.useWatch('part', form);
  const [requesting, setRequesting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ a: AmendmentView; approve: boolean } | null>(null);
  const [note, setNote] = useState('');

  const list = useQuery({ queryKey: competitionKeys.part(c.id, 'amendments'), queryFn: () => api.get<AmendmentView[]>(`/api/competitions/${c.id}/amendments`) });
  const staff = useQuery({ queryKey: competitionKeys.part(c.id, 'staff'), queryFn: () => api.get<StaffMember[]>(`/api/competitions/${c.id}/staff`) });
  const scheme = useQuery(schemeQuery(c.id));

  const personName = (id: number | null) => (id == null ? t('common.dash') : id === me.id ? t('amend.me') : (staff.data?.find((s) => s.accountId === id)?.displayName ?? `#${id}`));
  const aspectCode = (id: number | null) => (id == null ? '' : (scheme.data?.aspects.find((a) => a.id === id)?.code ?? `#${id}`));
  const judges = markingJudges(staff.data);

  const request = async (v: RequestValues) => {
    setFormError(null);
    const ok = await run('request', async () => {
      try {
        await api.post(`/api/competitions/${c.id}/amendments`, { ...v, code: v.code.trim(), ...(v.part === 'practical' ? {} : { aspectId: undefined, judgeId: undefined }) });
        return true;
      } catch (e) {
        setFormError(applyServerErrors(form, e));
        throw e;
      }
    }, t('amend.requested'));
    if (ok) {
      form.resetFields();
      setRequesting(false);
    }
  };

  const decide = async () => {
    if (!deciding) return;
    await run(`decide-${deciding.a.id}`, () => api.post(`/api/competitions/${c.id}/amendments/${deciding.a.id}/decide`, { approve: deciding.approve, note: note.trim() || undefined }), t('common.saved'));
    setDeciding(null);
    setNote('');
  };

  return (
    <Card size="small" title={t('amend.title')} extra={<Button size="small" onClick={() => setRequesting(true)}>{t('amend.request')}</Button>}>
      <Typography.Paragraph type="secondary">{t('amend.help')}</Typography.Paragraph>
      <div data-testid="amendments-table">
        <Table<AmendmentView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('amend.none') }}
          columns={[
            { title: t('draw.code'), dataIndex: 'code', width: 100, render: (v: string | null) => v ?? t('common.dash') },
            { title: t('amend.part'), key: 'part', width: 150, render: (_, a) => `${labels.part(a.part)}${a.aspectId ? ` ${aspectCode(a.aspectId)}` : ''}` },
            { title: t('amend.judge'), dataIndex: 'judgeId', width: 100, render: (id: number | null) => (id ? personName(id) : t('common.dash')) },
            { title: t('amend.change'), key: 'change', width: 110, render: (_, a) => `${a.oldValue} → ${a.newValue}` },
            { title: t('amend.reason'), dataIndex: 'reason' },
            { title: t('amend.requestedBy'), key: 'by', width: 160, render: (_, a) => `${personName(a.requestedBy)} ${formatDateTime(a.requestedAt)}` },
            { title: t('amend.status'), dataIndex: 'status', width: 90, render: (s: AmendmentStatus) => <Tag color={STATUS_COLORS[s]}>{labels.amendmentStatus(s)}</Tag> },
            { title: t('amend.decision'), key: 'decision', width: 160, render: (_, a) => (a.decidedBy ? `${personName(a.decidedBy)}${a.decisionNote ? `：${a.decisionNote}` : ''}` : t('common.dash')) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              render: (_, a) =>
                a.status === 'pending' &&
                (a.requestedBy === me.id ? (
                  <Typography.Text type="secondary">{t('amend.needsSecond')}</Typography.Text>
                ) : (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setDeciding({ a, approve: true })}>
                      {t('amend.approve')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setDeciding({ a, approve: false })}>
                      {t('amend.reject')}
                    </Button>
                  </Space>
                )),
            },
          ]}
        />
      </div>
      <Modal
        open={!!deciding}
        title={deciding?.approve ? t('amend.approveTitle') : t('amend.rejectTitle')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: !deciding?.approve, loading: !!deciding && busy === `decide-${deciding.a.id}` }}
        onOk={() => void decide()}
        onCancel={() => setDeciding(null)}
        destroyOnHidden
      >
        {deciding && (
          <Typography.Paragraph>
            {deciding.a.code} · {labels.part(deciding.a.part)} {aspectCode(deciding.a.aspectId)} · {deciding.a.oldValue} → {deciding.a.newValue}
          </Typography.Paragraph>
        )}
        <Input.TextArea rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('amend.note')} aria-label={t('amend.note')} />
      </Modal>
      <Modal open={requesting} title={t('amend.request')} okText={t('amend.submit')} cancelText={t('common.cancel')} confirmLoading={busy === 'request'} onOk={() => form.submit()} onCancel={() => setRequesting(false)} destroyOnHidden>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Form<RequestValues> form={form} layout="vertical" initialValues={{ part: 'practical' }} onFinish={(v) => void request(v)}>
          <Form.Item label={t('draw.code')} name="code" rules={[{ required: true, whitespace: true }]} extra={t('amend.codeHelp')}>
            <Input maxLength={20} />
          </Form.Item>
          <ScoreChangeFields c={c} part={part} aspects={scheme.data?.aspects ?? []} judges={judges} />
          <Form.Item label={t('amend.reason')} name="reason" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
