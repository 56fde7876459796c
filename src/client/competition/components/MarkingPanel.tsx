import { CheckCircleFilled, PrinterOutlined, ReloadOutlined, TeamOutlined, WarningFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Empty, Flex, Input, InputNumber, Popconfirm, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { checkMarkValue, JUDGEMENT_SCORES } from '../../../shared/competition/marks';
import { api, ApiError } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { competitionKeys, sheetQuery } from './common';
import type { Competition, MarkResult, PanelView, SheetAspect, SheetContestant } from './types';

const route = getRouteApi('/admin/marking/$id');

/**
 * 评分: one aspect at a time, one contestant code at a time. A judgement aspect takes one of four
 * big buttons (0–3, with the level descriptions); a measurement a number or one of its bands.
 * Each mark states the version the judge saw, so a stale screen is refused, never overwrites.
 */
export function MarkingPanel({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sheet = useQuery({ ...sheetQuery(c.id), refetchOnWindowFocus: true });

  if (sheet.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (sheet.isError) return <Alert type="error" showIcon title={sheet.error.message} />;
  const aspects = sheet.data.aspects;
  if (aspects.length === 0) {
    return <Empty description={c.status === 'marking' || c.status === 'locked' || c.status === 'decoded' ? t('marking.nothingToMark') : t('marking.notStarted')} />;
  }
  const aspect = aspects.find((a) => a.aspectId === search.aspectId) ?? aspects[0]!;
  const select = (patch: { aspectId?: number; code?: string }) => void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });
  const done = (a: SheetAspect) => a.contestants.filter((x) => x.version > 0).length;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 760 }}>
      <Select<number>
        size="large"
        style={{ width: '100%' }}
        value={aspect.aspectId}
        aria-label={t('marking.aspect')}
        onChange={(aspectId) => select({ aspectId, code: undefined })}
        options={aspects.map((a) => ({
          value: a.aspectId,
          label: t('marking.aspectOption', { code: a.code, description: a.description, kind: labels.aspectKind(a.kind), done: done(a), total: a.contestants.length }),
        }))}
      />
      <div>
        <Space size={4} wrap>
          <Tag color={aspect.kind === 'judgement' ? 'purple' : 'blue'}>{labels.aspectKind(aspect.kind)}</Tag>
          <Tag>{t('marking.maxMark', { n: aspect.maxMark })}</Tag>
          <Tag>
            {aspect.criterionCode} {aspect.criterionName}
          </Tag>
        </Space>
        <Typography.Paragraph style={{ margin: '6px 0 0' }}>{aspect.description}</Typography.Paragraph>
      </div>
      <Flex gap={8} wrap>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void sheet.refetch()} loading={sheet.isFetching}>
          {t('marking.refresh')}
        </Button>
        <Button icon={<PrinterOutlined aria-hidden />} href={`/print/competitions/${c.id}/sheet?aspectId=${aspect.aspectId}`} target="_blank">
          {t('sheet.print')}
        </Button>
      </Flex>
      {search.code && aspect.contestants.some((x) => x.code === search.code) ? (
        <MarkEntry key={`${aspect.aspectId}:${search.code}`} c={c} aspect={aspect} row={aspect.contestants.find((x) => x.code === search.code)!} onNext={() => {
          const at = aspect.contestants.findIndex((x) => x.code === search.code);
          const next = [...aspect.contestants.slice(at + 1), ...aspect.contestants.slice(0, at)].find((x) => x.version === 0);
          select({ code: next?.code });
        }} />
      ) : (
        <Typography.Text type="secondary">{t('marking.pickCode')}</Typography.Text>
      )}
      <CodeGrid aspect={aspect} selected={search.code} onSelect={(code) => select({ code })} />
    </Space>
  );
}

/**
 * The codes of the aspect, in sheet order (the printed sheet has the same order), with the judge's
 * own value; a long list is narrowed by typing part of a code or showing only those not yet marked.
 */
function CodeGrid({ aspect, selected, onSelect }: { aspect: SheetAspect; selected?: string; onSelect: (code: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(false);
  const open = aspect.contestants.filter((x) => x.version === 0).length;
  const needle = q.trim().toUpperCase();
  const shown = aspect.contestants.filter((x) => (!onlyOpen || x.version === 0 || x.code === selected) && (!needle || x.code.toUpperCase().includes(needle)));
  const pick = () => {
    const exact = aspect.contestants.find((x) => x.code.toUpperCase() === needle) ?? (shown.length === 1 ? shown[0] : undefined);
    if (exact) onSelect(exact.code);
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Flex gap={8} wrap align="center">
        <Input
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={pick}
          placeholder={t('marking.findCode')}
          aria-label={t('marking.findCode')}
          inputMode="text"
          autoCapitalize="characters"
          style={{ flex: '1 1 160px' }}
        />
        <Segmented<'all' | 'open'>
          value={onlyOpen ? 'open' : 'all'}
          onChange={(v) => setOnlyOpen(v === 'open')}
          options={[
            { value: 'all', label: t('marking.all', { n: aspect.contestants.length }) },
            { value: 'open', label: t('marking.open', { n: open }) },
          ]}
        />
      </Flex>
      <div data-testid="code-list" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 8 }}>
        {shown.map((x) => {
          const active = x.code === selected;
          return (
            <Button
              key={x.code}
              type={active ? 'primary' : 'default'}
              onClick={() => onSelect(x.code)}
              aria-pressed={active}
              aria-label={t('marking.codeLabel', { code: x.code, value: x.value ?? t('marking.unmarked') })}
              style={{ height: 56, display: 'flex', flexDirection: 'column', justifyContent: 'center', lineHeight: 1.2, padding: 4 }}
            >
              <span style={{ fontSize: 16, fontWeight: 600 }}>{x.code}</span>
              <span style={{ fontSize: 12, opacity: 0.85 }}>
                {x.value === null ? (
                  t('marking.unmarked')
                ) : (
                  <>
                    <CheckCircleFilled aria-hidden /> {x.value}
                  </>
                )}
              </span>
            </Button>
          );
        })}
      </div>
      {shown.length === 0 && <Typography.Text type="secondary">{t('marking.noCodeMatch')}</Typography.Text>}
    </Space>
  );
}

function MarkEntry({ c, aspect, row, onNext }: { c: Competition; aspect: SheetAspect; row: SheetContestant; onNext: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | null>(row.value);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MarkResult | null>(null);
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [showPanel, setShowPanel] = useState(false);
  const hasOwn = row.version > 0;
  const sectionRef = useRef<HTMLElement>(null);
  // Picking a code far down the list brings its entry into view.
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, []);

  // Where the panel stands (complete, spread flagged), once this judge's own mark is in.
  const panel = useQuery({
    queryKey: competitionKeys.part(c.id, 'panel', row.code, aspect.aspectId),
    queryFn: () => api.get<PanelView>(`/api/competitions/${c.id}/marks/panel`, { code: row.code, aspectId: aspect.aspectId }),
    enabled: hasOwn,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    setValue(row.value);
  }, [row.value]);

  const problem = value === null ? null : checkMarkValue(aspect, value);
  const submit = async () => {
    if (value === null || problem) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<MarkResult>(`/api/competitions/${c.id}/marks`, { code: row.code, aspectId: aspect.aspectId, value, expectedVersion: row.version });
      setResult(r);
    } catch (e) {
      const stale = e instanceof ApiError && e.code === 'STALE';
      setError({ message: e instanceof Error ? e.message : String(e), stale });
    } finally {
      setBusy(false);
      // Either way the sheet shows the server's value and version next.
      await queryClient.invalidateQueries({ queryKey: competitionKeys.part(c.id, 'sheet') });
      void queryClient.invalidateQueries({ queryKey: competitionKeys.part(c.id, 'panel', row.code, aspect.aspectId) });
    }
  };

  const state = panel.data ?? (result ? { complete: result.complete, flagged: result.flagged, confirmed: result.confirmed } : null);
  const changed = value !== row.value;
  // Marks are taken only while marking is on; afterwards the screen only shows them.
  const closed = c.status !== 'marking';

  return (
    <section ref={sectionRef} aria-label={t('marking.entryFor', { code: row.code })} data-testid="mark-entry" style={{ border: '1px solid #d9d9d9', borderRadius: 8, padding: 12, scrollMarginTop: 8 }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('marking.code', { code: row.code })}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="current-mark">
          {row.value === null ? t('marking.noMarkYet') : t('marking.current', { value: row.value, version: row.version })}
        </Typography.Text>
      </Flex>

      {closed && <Alert type="info" showIcon style={{ marginTop: 12 }} title={c.status === 'drawn' ? t('marking.notStarted') : t('marking.locked')} />}
      <fieldset disabled={closed} style={{ border: 0, padding: 0, margin: '12px 0 0', minWidth: 0 }}>
        {aspect.kind === 'judgement' ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} role="radiogroup" aria-label={t('marking.score')}>
            {JUDGEMENT_SCORES.map((s) => (
              <Button
                key={s}
                block
                size="large"
                role="radio"
                aria-checked={value === s}
                type={value === s ? 'primary' : 'default'}
                onClick={() => setValue(s)}
                style={{ height: 'auto', minHeight: 56, justifyContent: 'flex-start', textAlign: 'left', whiteSpace: 'normal', padding: '8px 12px' }}
              >
                <span style={{ fontSize: 24, fontWeight: 700, width: 32, flex: 'none' }}>{s}</span>
                <span style={{ fontSize: 14 }}>{aspect.levels?.[s] ?? ''}</span>
              </Button>
            ))}
          </Space>
        ) : aspect.bands?.length ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} role="radiogroup" aria-label={t('marking.score')}>
            {aspect.bands.map((b) => (
              <Button key={b.mark} block size="large" role="radio" aria-checked={value === b.mark} type={value === b.mark ? 'primary' : 'default'} onClick={() => setValue(b.mark)} style={{ height: 52, justifyContent: 'space-between' }}>
                <span>{b.label}</span>
                <strong>{b.mark}</strong>
              </Button>
            ))}
          </Space>
        ) : (
          <Space.Compact style={{ width: '100%' }}>
            {/* No min/max: antd would clamp a typed 9 to 8 on an 8-point aspect; the range check refuses it instead. */}
            <InputNumber<number>
              size="large"
              status={problem ? 'error' : undefined}
              aria-invalid={!!problem}
              step={1}
              inputMode="decimal"
              value={value}
              onChange={(v) => setValue(v)}
              aria-label={t('marking.score')}
              style={{ width: '100%' }}
              suffix={t('marking.outOf', { n: aspect.maxMark })}
            />
          </Space.Compact>
        )}
        {problem && <Typography.Text type="danger" role="alert" data-testid="mark-problem">{problem}</Typography.Text>}
      </fieldset>

      {!closed && (
        <Button type="primary" size="large" block loading={busy} disabled={value === null || !!problem || !changed} onClick={() => void submit()} style={{ marginTop: 12, height: 52 }}>
          {value === null ? t('marking.submit') : t('marking.submitValue', { value })}
        </Button>
      )}

      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={error.stale ? t('marking.conflict') : error.message}
          description={error.stale ? `${error.message} ${t('marking.reloaded')}` : undefined}
          data-testid="mark-error"
        />
      )}
      {result && !error && (
        <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('marking.saved', { code: result.code, value: result.value, version: result.version })} data-testid="mark-saved" />
      )}
      {state && (
        <div style={{ marginTop: 12 }} data-testid="panel-state">
          {state.flagged ? (
            <Alert type="error" showIcon icon={<WarningFilled aria-hidden />} title={<strong style={{ fontSize: 16 }}>{t('marking.spreadFlag')}</strong>} data-testid="spread-flag" />
          ) : state.confirmed ? (
            <Alert type="warning" showIcon title={t('marking.spreadConfirmed')} />
          ) : (
            <Alert type={state.complete ? 'success' : 'info'} showIcon title={state.complete ? t('marking.panelComplete') : t('marking.panelWaiting')} />
          )}
        </div>
      )}

      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        {hasOwn && (
          <Button icon={<TeamOutlined aria-hidden />} onClick={() => setShowPanel((v) => !v)}>
            {showPanel ? t('marking.hidePanel') : t('marking.showPanel')}
          </Button>
        )}
        <Button onClick={onNext}>{t('marking.next')}</Button>
        {c.status === 'marking' && !hasOwn && <ReportConflict c={c} code={row.code} onDone={onNext} />}
      </Flex>
      {hasOwn && showPanel && <PanelMarks panel={panel.data} loading={panel.isFetching} />}
    </section>
  );
}

/** The panel's marks by seat: before decoding by seat only (who sits on a code's panel would tell who recused), the reader's own marked. */
export function PanelMarks({ panel, loading }: { panel?: PanelView; loading?: boolean }) {
  const t = useT();
  if (!panel) return loading ? <Spin size="small" /> : null;
  return (
    <div data-testid="panel-marks" style={{ marginTop: 8, border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 }}>
      {panel.panel.map((p) => (
        <Flex key={p.seat} justify="space-between" style={{ padding: '4px 0' }}>
          <span>
            {t('marking.seat', { n: p.seat })} {p.mine ? t('marking.you') : (p.judgeName ?? '')}
          </span>
          <strong>{p.value ?? t('marking.unmarked')}</strong>
        </Flex>
      ))}
    </div>
  );
}

/**
 * 认识该选手: after the draw the one conflict a judge can report — with the code in front of them.
 * The judge leaves this contestant's panel (a substitute takes the seat); the chief judge sees that
 * a conflict was reported for the code, never with whom. Only before the judge's own first mark on it.
 */
function ReportConflict({ c, code, onDone }: { c: Competition; code: string; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const report = async () => {
    setBusy(true);
    try {
      await api.post(`/api/competitions/${c.id}/marks/report-conflict`, { code });
      void message.success(t('marking.reported', { code }));
      onDone();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: competitionKeys.part(c.id, 'sheet') });
    }
  };
  return (
    <Popconfirm
      title={t('marking.reportConfirm', { code })}
      description={t('marking.reportHelp')}
      okText={t('marking.report')}
      cancelText={t('common.cancel')}
      onConfirm={() => void report()}
    >
      <Button danger loading={busy} data-testid="report-conflict">
        {t('marking.report')}
      </Button>
    </Popconfirm>
  );
}
