import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api';
import { tabStage } from '../../../shared/competition/stage';
import { useT, type MessageKey } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { competitionKeys, useCompetitionAction } from './common';
import { ExcelImport } from './ExcelImport';
import type { Competition, EntryView } from './types';

type OtherPart = 'theory' | 'oral';
type Scores = Record<string, Partial<Record<OtherPart, number | null>>>;

/**
 * 理论/答辩成绩: typed per exam number, or pasted from a spreadsheet ("准考证号<Tab>成绩" per line),
 * then sent all or none. Only changed values are sent; the server keeps every change in the log.
 */
export function PartScoresCard({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const { run, busy } = useCompetitionAction(c.id);
  const queryClient = useQueryClient();
  const parts = c.parts.map((p) => p.key).filter((k): k is OtherPart => k !== 'practical');
  const [scores, setScores] = useState<Scores>({});
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pastePart, setPastePart] = useState<OtherPart>(parts[0] ?? 'theory');
  const [pasteText, setPasteText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const stage = tabStage('partScores', c.status);
  const open = stage.access === 'yes';

  const entries = useQuery({
    queryKey: competitionKeys.part(c.id, 'entries'),
    queryFn: () => api.get<EntryView[]>(`/api/competitions/${c.id}/entries`),
  });
  // What is saved, shown in each row (typed values are the changes on top of it).
  const saved = useQuery({
    queryKey: competitionKeys.part(c.id, 'part-scores'),
    queryFn: () => api.get<{ examNumber: string; part: OtherPart; value: number }[]>(`/api/competitions/${c.id}/part-scores`),
  });
  const savedBy = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of saved.data ?? []) m.set(`${r.examNumber}:${r.part}`, r.value);
    return m;
  }, [saved.data]);
  const approved = useMemo(() => (entries.data ?? []).filter((e) => e.status === 'approved' && e.examNumber), [entries.data]);

  const rows = Object.entries(scores).flatMap(([examNumber, byPart]) =>
    parts.filter((p) => typeof byPart[p] === 'number' && byPart[p] !== savedBy.get(`${examNumber}:${p}`)).map((part) => ({ examNumber, part, value: byPart[part] as number })),
  );

  const applyPaste = () => {
    const known = new Set(approved.map((e) => e.examNumber!));
    const next: Scores = { ...scores };
    const bad: string[] = [];
    pasteText.split(/\r?\n/).forEach((line, i) => {
      const cells = line.trim().split(/[\t,，\s]+/).filter(Boolean);
      if (cells.length === 0) return;
      const value = Number(cells.at(-1));
      if (cells.length < 2 || !Number.isFinite(value)) {
        bad.push(t('partScores.badLine', { n: i + 1, line }));
        return;
      }
      if (!known.has(cells[0]!)) {
        bad.push(t('partScores.unknownExam', { n: i + 1, exam: cells[0]! }));
        return;
      }
      next[cells[0]!] = { ...next[cells[0]!], [pastePart]: value };
    });
    setScores(next);
    setProblems(bad);
    setPasteOpen(false);
    setPasteText('');
    if (!bad.length) void message.success(t('partScores.pasted'));
  };

  const save = () =>
    run('part-scores', async () => {
      setProblems([]);
      try {
        const r = await api.put<{ rows: number; changed: number }>(`/api/competitions/${c.id}/part-scores`, { rows });
        await queryClient.invalidateQueries({ queryKey: competitionKeys.part(c.id, 'part-scores') });
        setScores({});
        void message.success(t('partScores.saved', { rows: r.rows, changed: r.changed }));
      } catch (e) {
        if (e instanceof ApiError && e.issues.length > 1) setProblems([...new Set(e.issues.map((i) => i.message))]);
        throw e;
      }
    });

  return (
    <Card size="small" title={t('partScores.title')}>
      {stage.message && <Typography.Paragraph type={stage.tone === 'warning' ? 'warning' : 'secondary'} data-testid="stage-partScores">{t(stage.message as MessageKey)}</Typography.Paragraph>}
      {problems.length > 0 && (
        <Alert type="error" showIcon title={t('partScores.problems')} description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} style={{ marginBottom: 12 }} />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button disabled={!open} onClick={() => setPasteOpen(true)}>
          {t('partScores.paste')}
        </Button>
        <Button type="primary" disabled={!open || rows.length === 0} loading={busy === 'part-scores'} onClick={() => void save()}>
          {t('partScores.save', { n: rows.length })}
        </Button>
        <ExcelImport<{ rows: number; changed: number }>
          path={`/api/competitions/${c.id}/part-scores/import`}
          templatePath={`/api/competitions/${c.id}/part-scores/template`}
          templateName="理论成绩.xlsx"
          label={t('partScores.importExcel')}
          disabled={!open}
          onImported={(r) => {
            void message.success(t('partScores.saved', { rows: r.rows, changed: r.changed }));
            void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
            void queryClient.invalidateQueries({ queryKey: competitionKeys.part(c.id, 'part-scores') });
          }}
        />
      </Space>
      <Table<EntryView>
        rowKey="id"
        size="small"
        loading={entries.isFetching}
        dataSource={approved}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 600 }}
        locale={{ emptyText: t('partScores.noEntries') }}
        columns={[
          { title: t('entries.examNumber'), dataIndex: 'examNumber', width: 130 },
          { title: t('people.name'), dataIndex: 'name', width: 100 },
          { title: t('people.unit'), dataIndex: 'unitName' },
          ...parts.map((part) => ({
            title: labels.part(part),
            key: part,
            width: 140,
            render: (_: unknown, e: EntryView) => (
              <InputNumber
                size="small"
                min={0}
                max={100}
                step={1}
                disabled={!open}
                value={scores[e.examNumber!]?.[part] ?? savedBy.get(`${e.examNumber}:${part}`) ?? null}
                placeholder={t('partScores.none')}
                aria-label={`${e.examNumber} ${labels.part(part)}`}
                onChange={(v) => setScores((s) => ({ ...s, [e.examNumber!]: { ...s[e.examNumber!], [part]: v } }))}
                style={{ width: 110 }}
              />
            ),
          })),
        ]}
      />
      <Modal open={pasteOpen} title={t('partScores.paste')} okText={t('partScores.fill')} cancelText={t('common.cancel')} onOk={applyPaste} onCancel={() => setPasteOpen(false)} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select<OtherPart> value={pastePart} onChange={setPastePart} options={parts.map((p) => ({ value: p, label: labels.part(p) }))} style={{ width: 200 }} />
          <Typography.Text type="secondary">{t('partScores.pasteHelp')}</Typography.Text>
          <Input.TextArea rows={10} value={pasteText} onChange={(e) => setPasteText(e.target.value)} placeholder={'A010001\t86.5\nA010002\t72'} aria-label={t('partScores.paste')} />
        </Space>
      </Modal>
    </Card>
  );
}
