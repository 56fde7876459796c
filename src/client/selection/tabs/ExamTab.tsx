import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ExamList, ExamRow } from '../../../shared/selection/exam-contracts';
import { api, ApiError } from '../../api';
import { ExcelImport } from '../../competition/components/ExcelImport';
import { DownloadButton } from '../../components/DownloadButton';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { roundQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** 统一考试: numbering and rooms, tickets, score import and keying, the ranked list, the score log check. */
export function ExamTab({ roundId }: SelectionTabProps) {
  const round = useQuery(roundQuery(roundId));
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <QueryResult query={round}>
      {(r) => {
        const stages = r.rules.stages.filter((s) => s.kind === 'exam');
        const key = picked ?? stages[0]?.key;
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {stages.length > 1 && <Segmented value={key} options={stages.map((s) => ({ value: s.key, label: s.name }))} onChange={(v) => setPicked(String(v))} />}
            {key && <ExamStage roundId={roundId} stageKey={key} />}
          </Space>
        );
      }}
    </QueryResult>
  );
}

function ExamStage({ roundId, stageKey }: { roundId: number; stageKey: string }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const base = `/api/selection/rounds/${roundId}/exam/${stageKey}`;
  const list = useQuery({ queryKey: ['selection', 'exam', roundId, stageKey], queryFn: () => api.get<ExamList>(base) });
  const [roomSize, setRoomSize] = useState(30);
  const [busy, setBusy] = useState(false);
  const [keying, setKeying] = useState<ExamRow | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['selection'] });
  const number = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ candidates: number; rooms: number }>(`${base}/numbers`, { roomSize });
      void message.success(t('selExam.numbered', { n: res.candidates, rooms: res.rooms }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const verify = async () => {
    try {
      const v = await api.get<{ ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null }>(`/api/selection/rounds/${roundId}/mark-log/verify`);
      if (v.ok) void message.success(t('selExam.chainOk', { n: v.checked }));
      else void message.error(t('selExam.chainBroken', { seq: v.firstBroken!.seq, reason: v.firstBroken!.reason }));
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <QueryResult query={list}>
      {(l) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {!l.open && <Alert type="info" showIcon title={t('selExam.notOpen')} />}
          <Card size="small">
            <Space wrap>
              <span>{t('selExam.roomSize')}</span>
              <InputNumber min={1} max={200} value={roomSize} onChange={(v) => setRoomSize(v ?? 30)} aria-label={t('selExam.roomSize')} />
              <Button type="primary" loading={busy} disabled={!l.open} onClick={() => void number()}>{t('selExam.number')}</Button>
              <DownloadButton path={`${base}/tickets`} fileName="准考证.pdf">{t('selExam.tickets')}</DownloadButton>
              <ExcelImport<{ changed: number }>
                path={`${base}/import`} templatePath={`${base}/template`} templateName="考试成绩.xlsx" label={t('selExam.import')} disabled={!l.open}
                onImported={(res) => { void message.success(t('selExam.imported', { n: res.changed })); refresh(); }}
              />
              <Button onClick={() => void verify()}>{t('selExam.verify')}</Button>
            </Space>
          </Card>
          <Typography.Text type="secondary">{t('selExam.weights', { t: l.stage.weights.theory, p: l.stage.weights.practical })}</Typography.Text>
          <Table<ExamRow>
            size="small" rowKey="candidateId" dataSource={l.rows} pagination={{ pageSize: 50 }} scroll={{ x: 900 }}
            columns={[
              { title: t('selExam.col.rank'), dataIndex: 'rank', width: 60 },
              { title: t('selExam.col.number'), dataIndex: 'examNumber', width: 110 },
              { title: t('selExam.col.room'), key: 'room', width: 110, render: (_, x) => (x.examRoom ? `${x.examRoom} / ${x.examSeat}` : '') },
              { title: t('selExam.col.name'), dataIndex: 'name', width: 90 },
              { title: t('selExam.col.unit'), dataIndex: 'unitName' },
              { title: t('selExam.col.theory'), key: 'theory', width: 80, render: (_, x) => (x.theoryAbsent ? t('selExam.absent') : x.theory) },
              { title: t('selExam.col.practical'), key: 'practical', width: 80, render: (_, x) => (x.practicalAbsent ? t('selExam.absent') : x.practical) },
              { title: t('selExam.col.score'), dataIndex: 'score', width: 90 },
              {
                key: 'actions', width: 180, render: (_, x) => x.examNumber && (
                  <Space>
                    <DownloadButton path={`${base}/tickets`} query={{ candidateId: x.candidateId }} fileName={`准考证-${x.examNumber}.pdf`}>{t('selExam.ticket')}</DownloadButton>
                    {l.open && <Button size="small" onClick={() => setKeying(x)}>{t('selExam.key')}</Button>}
                  </Space>
                ),
              },
            ]}
          />
          <KeyScores base={base} row={keying} onClose={() => setKeying(null)} onSaved={refresh} />
        </Space>
      )}
    </QueryResult>
  );
}

type KeyForm = { theory: number | null; theoryAbsent: boolean; practical: number | null; practicalAbsent: boolean; reason?: string };

function KeyScores({ base, row, onClose, onSaved }: { base: string; row: ExamRow | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<KeyForm>();
  const [busy, setBusy] = useState(false);
  const save = async (v: KeyForm) => {
    setBusy(true);
    try {
      await api.put(`${base}/scores`, {
        examNumber: row!.examNumber, reason: v.reason || undefined,
        theory: v.theoryAbsent ? '缺考' : v.theory ?? null, practical: v.practicalAbsent ? '缺考' : v.practical ?? null,
      });
      void message.success(t('selExam.saved'));
      onSaved();
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!row} title={row ? t('selExam.keyTitle', { name: row.name, number: row.examNumber ?? '' }) : ''} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      {row && (
        <Form<KeyForm> form={form} layout="vertical" onFinish={(v) => void save(v)}
          initialValues={{ theory: row.theory, practical: row.practical, theoryAbsent: row.theoryAbsent, practicalAbsent: row.practicalAbsent }}>
          <Space>
            <Form.Item name="theory" label={t('selExam.col.theory')}><InputNumber min={0} max={100} step={0.01} precision={2} /></Form.Item>
            <Form.Item name="theoryAbsent" valuePropName="checked" label=" "><Checkbox>{t('selExam.absent')}</Checkbox></Form.Item>
          </Space>
          <Space>
            <Form.Item name="practical" label={t('selExam.col.practical')}><InputNumber min={0} max={100} step={0.01} precision={2} /></Form.Item>
            <Form.Item name="practicalAbsent" valuePropName="checked" label=" "><Checkbox>{t('selExam.absent')}</Checkbox></Form.Item>
          </Space>
          <Form.Item name="reason" label={t('selExam.reason')}><Input maxLength={200} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}
