import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { checkScheme, schemeTotal, type MarkingSchemeDraft } from '../../../shared/competition/scheme';
import { api, ApiError } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { DownloadButton } from '../../components/DownloadButton';
import { QueryResult } from '../../components/QueryResult';
import { competitionKeys, schemeQuery } from './common';
import { ExcelImport } from './ExcelImport';
import { blankRow, rowOfIssue, rowsFromScheme, schemeFromRows, type SchemeRow } from './schemeRows';
import type { Competition, SchemeView } from './types';

/** 评分标准: the scheme as a tree with totals; edited as a table of aspects or uploaded as JSON. */
export function SchemeTab({ c }: { c: Competition }) {
  const query = useQuery(schemeQuery(c.id));
  return <QueryResult query={query}>{(s) => <SchemeBody c={c} s={s} />}</QueryResult>;
}

function SchemeBody({ c, s }: { c: Competition; s: SchemeView | null }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<SchemeRow[] | null>(null);
  const locked = !!s?.lockedAt || ['marking', 'locked', 'decoded'].includes(c.status);

  if (editing) return <SchemeEditor c={c} initial={editing} onDone={() => setEditing(null)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {s && <Tag>{t('scheme.version', { n: s.version })}</Tag>}
        {locked && <Tag color="red">{t('scheme.locked')}</Tag>}
        {!locked && (
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(s ? rowsFromScheme(s.scheme) : [blankRow()])}>
            {s ? t('scheme.edit') : t('scheme.create')}
          </Button>
        )}
        {!locked && (
          <ExcelImport
            path={`/api/competitions/${c.id}/scheme/import`}
            label={t('scheme.importExcel')}
            onImported={() => {
              void message.success(t('common.saved'));
              void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
            }}
          />
        )}
        <DownloadButton path={`/api/competitions/${c.id}/scheme/export`} fileName="评分标准.xlsx">
          {s ? t('scheme.exportExcel') : t('scheme.excelTemplate')}
        </DownloadButton>
        {s && (
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadJson(s.scheme, `${c.name}-评分标准-v${s.version}.json`)}>
            {t('scheme.downloadJson')}
          </Button>
        )}
      </Space>
      {s ? <SchemeTree scheme={s.scheme} /> : <Alert type="info" showIcon title={t('scheme.none')} />}
    </Space>
  );
}

function downloadJson(value: unknown, name: string) {
  const href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

type TreeRow = { key: string; code: string; name: string; kind?: string; mark: number; detail?: string; children?: TreeRow[] };

/** The scheme read-only: criteria and sub-criteria with their totals, aspects with their kind and mark. */
export function SchemeTree({ scheme }: { scheme: MarkingSchemeDraft }) {
  const t = useT();
  const labels = useLabels();
  const data: TreeRow[] = scheme.criteria.map((cr) => ({
    key: `c:${cr.code}`,
    code: cr.code,
    name: cr.name,
    mark: schemeTotal({ criteria: [cr] }),
    children: cr.subCriteria.map((sc) => ({
      key: `s:${cr.code}:${sc.code}`,
      code: sc.code,
      name: sc.name,
      mark: schemeTotal({ criteria: [{ ...cr, subCriteria: [sc] }] }),
      children: sc.aspects.map((a) => ({
        key: `a:${a.code}`,
        code: a.code,
        name: a.description,
        kind: labels.aspectKind(a.kind),
        mark: a.maxMark,
        detail: a.levels ? a.levels.map((l, i) => `${i}：${l}`).join('  ') : a.bands ? a.bands.map((b) => `${b.label} ${b.mark}`).join(' / ') : undefined,
      })),
    })),
  }));
  const total = schemeTotal(scheme);
  return (
    <div data-testid="scheme-tree">
      <Table<TreeRow>
        size="small"
        pagination={false}
        dataSource={data}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('scheme.code'), dataIndex: 'code', width: 140 },
          { title: t('scheme.nameOrDescription'), dataIndex: 'name', render: (v: string, r) => (r.children ? <strong>{v}</strong> : v) },
          { title: t('scheme.kind'), dataIndex: 'kind', width: 70 },
          { title: t('scheme.maxMark'), dataIndex: 'mark', width: 80, align: 'right', render: (v: number, r) => (r.children ? <strong>{v}</strong> : v) },
          { title: t('scheme.detail'), dataIndex: 'detail', render: (v?: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>{t('scheme.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong type={total === 100 ? undefined : 'danger'}>
                {total}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} />
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}

function SchemeEditor({ c, initial, onDone }: { c: Competition; initial: SchemeRow[]; onDone: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<SchemeRow[]>(initial);
  const [issues, setIssues] = useState<Map<string, string[]>>(new Map());
  const [general, setGeneral] = useState<{ message: string; lines: string[] } | null>(null);
  const [saving, setSaving] = useState(false);

  const built = useMemo(() => schemeFromRows(rows), [rows]);
  const totals = useMemo(() => {
    const safe = { criteria: built.scheme.criteria.map((cr) => ({ ...cr, subCriteria: cr.subCriteria.map((sc) => ({ ...sc, aspects: sc.aspects.map((a) => ({ ...a, maxMark: Number.isFinite(a.maxMark) ? Math.round(a.maxMark * 100) / 100 : 0 })) })) })) };
    return { all: schemeTotal(safe), per: safe.criteria.map((cr) => ({ code: cr.code, name: cr.name, total: schemeTotal({ criteria: [cr] }) })) };
  }, [built]);

  const patch = (key: string, change: Partial<SchemeRow>) =>
    setRows((rs) => {
      const row = rs.find((r) => r.key === key)!;
      return rs.map((r) => {
        if (r.key === key) return { ...r, ...change };
        // A criterion's or sub-criterion's name is the same on every row of it.
        if (change.criterionName !== undefined && r.criterionCode === row.criterionCode) return { ...r, criterionName: change.criterionName };
        if (change.subName !== undefined && r.criterionCode === row.criterionCode && r.subCode === row.subCode) return { ...r, subName: change.subName };
        return r;
      });
    });

  const insertAfter = (key: string) =>
    setRows((rs) => {
      const i = rs.findIndex((r) => r.key === key);
      return [...rs.slice(0, i + 1), blankRow(rs[i]), ...rs.slice(i + 1)];
    });

  const load = async (file: File) => {
    try {
      const parsed = JSON.parse(await file.text()) as Partial<MarkingSchemeDraft>;
      if (!Array.isArray(parsed.criteria)) throw new Error(t('scheme.jsonShape'));
      setRows(rowsFromScheme(parsed as MarkingSchemeDraft));
      setIssues(new Map());
      setGeneral(null);
      void message.success(t('scheme.jsonLoaded'));
    } catch (e) {
      void message.error(`${t('scheme.jsonBad')}：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const save = async () => {
    setSaving(true);
    setIssues(new Map());
    setGeneral(null);
    try {
      await api.put(`/api/competitions/${c.id}/scheme`, built.scheme);
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
      onDone();
    } catch (e) {
      const byRow = new Map<string, string[]>();
      const lines: string[] = [];
      const place = (field: string, message: string) => {
        const key = rowOfIssue(field, built.index);
        if (!key) lines.push(message);
        else if (!byRow.get(key)?.includes(message)) byRow.set(key, [...(byRow.get(key) ?? []), message]);
      };
      if (e instanceof ApiError) {
        for (const i of e.issues) place(i.field, i.message);
        // The server checks the fields first and the scheme's rules (total, codes) only once those
        // pass; the same shared rules run here, so every problem shows at once.
        if (e.status === 400) for (const i of checkScheme(built.scheme)) place(i.path, i.message);
      }
      setIssues(byRow);
      const placed = [...byRow.values()].reduce((n, l) => n + l.length, 0);
      const message = e instanceof ApiError && e.status === 400 && placed > 0 ? t('scheme.issuesOnRows', { n: placed }) : e instanceof Error ? e.message : String(e);
      setGeneral({ message, lines: [...new Set(lines)].filter((l) => l !== message) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('scheme.editorHelp')}
      </Typography.Paragraph>
      <Space wrap>
        {totals.per.map((x) => (
          <Tag key={x.code}>
            {x.code} {x.name} {x.total}
          </Tag>
        ))}
        <Tag color={totals.all === 100 ? 'green' : 'red'} data-testid="scheme-total">
          {t('scheme.totalIs', { n: totals.all })}
        </Tag>
      </Space>
      {general && (
        <Alert
          type="error"
          showIcon
          title={general.message}
          description={general.lines.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{general.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
        />
      )}
      <div data-testid="scheme-editor">
        <Table<SchemeRow>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 1180 }}
          onRow={(r) => ({ style: issues.has(r.key) ? { background: '#fff2f0' } : undefined })}
          columns={[
            {
              title: t('scheme.criterion'),
              key: 'criterion',
              width: 140,
              render: (_, r) => (
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Input size="small" value={r.criterionCode} placeholder={t('scheme.code')} aria-label={t('scheme.criterionCode')} onChange={(e) => patch(r.key, { criterionCode: e.target.value })} />
                  <Input size="small" value={r.criterionName} placeholder={t('scheme.name')} aria-label={t('scheme.criterionName')} onChange={(e) => patch(r.key, { criterionName: e.target.value })} />
                </Space>
              ),
            },
            {
              title: t('scheme.subCriterion'),
              key: 'sub',
              width: 140,
              render: (_, r) => (
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Input size="small" value={r.subCode} placeholder={t('scheme.code')} aria-label={t('scheme.subCode')} onChange={(e) => patch(r.key, { subCode: e.target.value })} />
                  <Input size="small" value={r.subName} placeholder={t('scheme.name')} aria-label={t('scheme.subName')} onChange={(e) => patch(r.key, { subName: e.target.value })} />
                </Space>
              ),
            },
            {
              title: t('scheme.aspect'),
              key: 'aspect',
              width: 260,
              render: (_, r) => (
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Input size="small" value={r.code} placeholder={t('scheme.code')} aria-label={t('scheme.aspectCode')} onChange={(e) => patch(r.key, { code: e.target.value })} style={{ maxWidth: 140 }} />
                  <Input.TextArea size="small" autoSize={{ minRows: 1, maxRows: 4 }} value={r.description} placeholder={t('scheme.description')} aria-label={t('scheme.description')} onChange={(e) => patch(r.key, { description: e.target.value })} />
                  {issues.get(r.key)?.map((m) => (
                    <Typography.Text key={m} type="danger" role="alert">
                      {m}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
            {
              title: t('scheme.kind'),
              key: 'kind',
              width: 96,
              render: (_, r) => (
                <Select size="small" value={r.kind} style={{ width: 86 }} aria-label={t('scheme.kind')} onChange={(kind) => patch(r.key, { kind })} options={(['measurement', 'judgement'] as const).map((k) => ({ value: k, label: labels.aspectKind(k) }))} />
              ),
            },
            {
              title: t('scheme.maxMark'),
              key: 'maxMark',
              width: 96,
              render: (_, r) => <InputNumber size="small" min={0} max={100} step={1} value={r.maxMark} aria-label={t('scheme.maxMark')} onChange={(v) => patch(r.key, { maxMark: v })} style={{ width: 86 }} />,
            },
            {
              title: t('scheme.levelsOrBands'),
              key: 'levels',
              width: 300,
              render: (_, r) =>
                r.kind === 'judgement' ? (
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    {r.levels.map((l, i) => (
                      <Input
                        key={i}
                        size="small"
                        prefix={`${i}分`}
                        value={l}
                        aria-label={t('scheme.levelN', { n: i })}
                        onChange={(e) => patch(r.key, { levels: r.levels.map((x, j) => (j === i ? e.target.value : x)) as SchemeRow['levels'] })}
                      />
                    ))}
                  </Space>
                ) : (
                  <Input size="small" value={r.bands} placeholder={t('scheme.bandsPlaceholder')} aria-label={t('scheme.bands')} onChange={(e) => patch(r.key, { bands: e.target.value })} />
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" icon={<PlusOutlined aria-hidden />} aria-label={t('scheme.insertRow')} title={t('scheme.insertRow')} onClick={() => insertAfter(r.key)} />
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('common.delete')} title={t('common.delete')} disabled={rows.length <= 1} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />
                </Space>
              ),
            },
          ]}
        />
      </div>
      <Space wrap>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('scheme.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setRows((rs) => [...rs, blankRow(rs.at(-1))])}>
          {t('scheme.addRow')}
        </Button>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void load(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined aria-hidden />}>{t('scheme.uploadJson')}</Button>
        </Upload>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadJson(built.scheme, `${c.name}-评分标准.json`)}>
          {t('scheme.downloadJson')}
        </Button>
      </Space>
    </Space>
  );
}
