import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { PART_KEYS, type PartKey } from '../../../shared/competition/parts';
import { AMENDMENT_STATUSES, type AmendmentStatus } from '../../../shared/competition/states';
import type { EntryExplanation, RankStep } from '../../../shared/contracts/results';
import type { z } from 'zod';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { QueryResult } from '../../components/QueryResult';
import { formatScore } from './format';
import { explanationQuery } from './queries';

type Step = z.infer<typeof RankStep>;
type Aspect = EntryExplanation['aspects'][number];

/** 成绩说明: each aspect's marks, how the total and the rank were reached, which tie-break decided. */
export function ExplainDrawer({ competitionId, entryId, onClose }: { competitionId: number; entryId: number | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer open={entryId != null} size={760} title={t('results.explainTitle')} onClose={onClose} destroyOnHidden>
      {entryId != null && <Explanation competitionId={competitionId} entryId={entryId} />}
    </Drawer>
  );
}

function Explanation({ competitionId, entryId }: { competitionId: number; entryId: number }) {
  const query = useQuery(explanationQuery(competitionId, entryId));
  return <QueryResult query={query}>{(e) => <ExplanationView e={e} />}</QueryResult>;
}

function ExplanationView({ e }: { e: EntryExplanation }) {
  const t = useT();
  const labels = useLabels();
  const { row } = e;
  // The server sends these as plain strings; known ones get their names.
  const partName = (p: string) => ((PART_KEYS as readonly string[]).includes(p) ? labels.part(p as PartKey) : p);
  const statusName = (s: string) => ((AMENDMENT_STATUSES as readonly string[]).includes(s) ? labels.amendmentStatus(s as AmendmentStatus) : s);
  const stepValue = (s: Step, v: number | null) => (s.key === 'time' || s.key === 'shared' ? (v ?? t('common.dash')) : formatScore(v));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="explanation">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'who', label: t('results.contestant'), children: [row.code, row.name, row.unitName].filter(Boolean).join(' · ') },
          { key: 'rank', label: t('results.rank'), children: e.rankText },
          { key: 'total', label: t('results.total'), children: <>{formatScore(row.total)}<div><Typography.Text type="secondary">{e.totalFormula}</Typography.Text></div></> },
          { key: 'practical', label: t('results.practicalSum'), children: e.practicalSum },
          ...(row.standardized != null ? [{ key: 'std', label: t('results.standardized'), children: row.standardized }] : []),
          ...(row.award ? [{ key: 'award', label: t('results.award'), children: row.award }] : []),
          ...(row.outcomes.length
            ? [{ key: 'outcomes', label: t('results.outcomes'), children: row.outcomes.map((o, i) => <div key={i}>{o.title}<Typography.Text type="secondary">（{o.reason}）</Typography.Text></div>) }]
            : []),
        ]}
      />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={row.parts}
        columns={[
          { title: t('comp.part'), dataIndex: 'key', render: (k: typeof row.parts[number]['key']) => labels.part(k) },
          { title: t('results.score'), dataIndex: 'score', render: (s: number | null) => formatScore(s) },
          { title: t('comp.weight'), dataIndex: 'weight', render: (w: number) => `${w}%` },
          { title: t('comp.passMark'), dataIndex: 'passMark' },
          { title: t('results.passed'), dataIndex: 'passed', render: (p: boolean | null) => (p == null ? t('common.dash') : p ? <Tag color="green">{t('results.pass')}</Tag> : <Tag color="red">{t('results.fail')}</Tag>) },
        ]}
      />
      {e.aspects.length > 0 && (
        <Table<Aspect>
          rowKey="code"
          size="small"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={e.aspects}
          columns={[
            { title: t('results.aspect'), key: 'aspect', render: (_, a) => `${a.code} ${a.title}` },
            { title: t('results.maxMark'), dataIndex: 'maxMark', width: 70 },
            { title: t('results.judgeMarks'), key: 'marks', render: (_, a) => a.marks.map((m) => `${m.judge}：${m.value}`).join('；') || t('common.dash') },
            { title: t('results.aspectMark'), dataIndex: 'mark', width: 70, render: (m: number | null) => formatScore(m) },
          ]}
        />
      )}
      {e.neighbours.map((n) => (
        <div key={`${n.position}-${n.entryId}`}>
          <Typography.Text strong>
            {t(n.position === 'above' ? 'results.vsAbove' : 'results.vsBelow', { who: n.name ?? n.code ?? `#${n.entryId}`, rank: n.rank ?? t('results.unranked') })}
          </Typography.Text>
          <Table<Step>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={n.steps}
            columns={[
              { title: t('results.compareKey'), dataIndex: 'key', render: (k: Step['key']) => t(`results.decidedBy.${k}`) },
              { title: t('results.mine'), key: 'mine', render: (_, s) => stepValue(s, s.mine) },
              { title: t('results.theirs'), key: 'theirs', render: (_, s) => stepValue(s, s.theirs) },
              { title: '', dataIndex: 'decisive', render: (d: boolean) => d && <Tag color="orange">{t('results.decisive')}</Tag> },
            ]}
          />
        </div>
      ))}
      {e.amendments.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          title={t('amend.title')}
          items={e.amendments.map((a) => ({ key: a.id, label: `${partName(a.part)} ${a.oldValue} → ${a.newValue}`, children: `${a.reason}（${statusName(a.status)}）` }))}
        />
      )}
    </Space>
  );
}
