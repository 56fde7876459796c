import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Collapse, ConfigProvider, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { CampaignSummary } from '../../../shared/contracts/campaign';
import { PART_KEYS, PARTS_20_80, PARTS_25_55_20, PARTS_30_70, type CompetitionPart } from '../../../shared/competition/parts';
import { tabStage } from '../../../shared/competition/stage';
import { CompetitionRules } from '../../../shared/contracts/competitions';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { applyNestedServerErrors } from '../../components/formErrors';
import { useTradeOptions } from '../../components/referenceData';
import { StageAlert } from './StageAlert';
import type { Competition, CompetitionInput } from './types';

type Rules = CompetitionInput['rules'];

type Values = {
  /** Only when creating: the campaign it joins (the current one unless another is chosen). */
  campaignId?: number;
  tradeId?: number;
  level: number;
  name: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  venue: string;
  stations?: number;
  codePrefix: string;
  registrationOpensAt?: Dayjs;
  registrationClosesAt?: Dayjs;
  defaultQuota?: number | null;
  parts: CompetitionPart[];
  rules: Rules;
};

const PRESETS = [
  { key: '30/70', parts: PARTS_30_70 },
  { key: '20/80', parts: PARTS_20_80 },
  { key: '25/55/20', parts: PARTS_25_55_20 },
] as const;

const TIE_BREAKS = ['practical', 'time', 'theory', 'oral'] as const;

/** Fields the set-up form has, for placing the server's issues ('parts.1.weight', 'rules.topN'). */
const FIELDS = new Set([
  'campaignId', 'tradeId', 'level', 'name', 'startsOn', 'endsOn', 'venue', 'stations', 'codePrefix', 'registrationOpensAt', 'registrationClosesAt', 'defaultQuota',
  'rules.tieBreak', 'rules.topN', 'rules.minEntrantsForAwards', 'rules.teamBestK', 'rules.teamBelowK', 'rules.appealWindowHours',
  'rules.organizationAward.perEntrant', 'rules.organizationAward.perTopN', 'rules.organizationAward.count',
  'rules.outcomes.winnerLevel', 'rules.outcomes.winnerTitle', 'rules.outcomes.passBothLevel',
]);

function initialValues(c: Competition | null): Values {
  if (!c) {
    return {
      level: 3, name: '', venue: '', codePrefix: 'A', defaultQuota: null,
      parts: PARTS_30_70.map((p) => ({ ...p })), rules: CompetitionRules.parse({}),
    };
  }
  return {
    tradeId: c.tradeId, level: c.level, name: c.name, startsOn: dayjs(c.startsOn), endsOn: dayjs(c.endsOn), venue: c.venue, stations: c.stations,
    codePrefix: c.codePrefix, registrationOpensAt: dayjs(c.registrationOpensAt), registrationClosesAt: dayjs(c.registrationClosesAt),
    defaultQuota: c.defaultQuota, parts: c.parts.map((p) => ({ ...p })), rules: c.rules,
  };
}

/**
 * 基本信息: the set-up of a competition — trade, dates, venue, stations, registration window,
 * quota, the parts and their weights (with the national presets), pass marks and the rules.
 * After the draw the trade, level, stations, code prefix and parts are fixed.
 */
export function SetupForm({ competition, onSaved }: { competition: Competition | null; onSaved: (c: Competition) => void }) {
  const t = useT();
  const labels = useLabels();
  const trades = useTradeOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const parts = Form.useWatch('parts', form) as CompetitionPart[] | undefined;
  const weightSum = (parts ?? []).reduce((a, p) => a + (Number(p?.weight) || 0), 0);
  const fixed = !!competition && !['draft', 'registration', 'closed'].includes(competition.status);
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => api.get<CampaignSummary[]>('/api/campaigns'), enabled: !competition });
  // Read-only once final; the rules and parts also during the notice (what the server accepts).
  const stage = competition ? tabStage('setup', competition.status) : null;
  const readOnly = stage?.access === 'no';
  const rulesFixed = readOnly || competition?.status === 'notice';
  // A refusal is shown beside the save button, where the user is looking, and scrolled into view.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      tradeId: v.tradeId, level: v.level, name: v.name, startsOn: v.startsOn?.format('YYYY-MM-DD'), endsOn: v.endsOn?.format('YYYY-MM-DD'),
      venue: v.venue, stations: v.stations, codePrefix: v.codePrefix?.trim().toUpperCase(),
      registrationOpensAt: v.registrationOpensAt?.toISOString(), registrationClosesAt: v.registrationClosesAt?.toISOString(),
      defaultQuota: v.defaultQuota ?? null, unitQuotas: competition?.unitQuotas ?? {},
      parts: v.parts, rules: v.rules,
      ...(competition ? {} : { campaignId: v.campaignId ?? campaigns.data?.find((c) => c.current)?.id }),
    };
    try {
      const saved = competition
        ? await api.put<Competition>(`/api/competitions/${competition.id}`, { ...body, version: competition.version })
        : await api.post<Competition>('/api/competitions', body);
      onSaved(saved);
    } catch (e) {
      const count = v.parts?.length ?? 0;
      const r = applyNestedServerErrors(form, e, (path) => {
        const key = path.join('.');
        if (FIELDS.has(key)) return true;
        return path[0] === 'parts' && path.length === 3 && typeof path[1] === 'number' && path[1] < count && ['key', 'weight', 'passMark'].includes(String(path[2]));
      });
      setError({ message: r.message, lines: r.unplaced });
    } finally {
      setBusy(false);
    }
  };

  const partOptions = PART_KEYS.map((k) => ({ value: k, label: labels.part(k) }));

  return (
    <Form<Values> form={form} name="competition" layout="vertical" initialValues={initialValues(competition)} onFinish={(v) => void submit(v)} disabled={readOnly} style={{ maxWidth: 960 }}>
      {competition && <StageAlert c={competition} tab="setup" style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        {!competition && (campaigns.data?.length ?? 0) > 1 && (
          <Col xs={24}>
            <Form.Item label={t('comp.campaign')} name="campaignId">
              <Select
                placeholder={campaigns.data?.find((c) => c.current)?.name}
                options={campaigns.data?.map((c) => ({ value: c.id, label: c.current ? `${c.name}（${t('campaign.current')}）` : c.name }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label={t('comp.name')} name="name" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('comp.trade')} name="tradeId" rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={trades} disabled={fixed} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('comp.level')} name="level" rules={[{ required: true }]}>
            <Select options={labels.levelOptions} disabled={fixed} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('comp.startsOn')} name="startsOn" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('comp.endsOn')} name="endsOn" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('comp.venue')} name="venue" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={8} md={6}>
          <Form.Item label={t('comp.stations')} name="stations" rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} disabled={fixed} />
          </Form.Item>
        </Col>
        <Col xs={8} md={6}>
          <Form.Item label={t('comp.codePrefix')} name="codePrefix" rules={[{ required: true }]} extra={t('comp.codePrefixHelp')}>
            <Input maxLength={3} disabled={fixed} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={8} md={6}>
          <Form.Item label={t('comp.defaultQuota')} name="defaultQuota" extra={t('comp.defaultQuotaHelp')}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={9}>
          <Form.Item label={t('comp.registrationOpensAt')} name="registrationOpensAt" rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={9}>
          <Form.Item label={t('comp.registrationClosesAt')} name="registrationClosesAt" rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      {/* (the form's own disabled state when read-only is the same: true) */}
      <ConfigProvider componentDisabled={rulesFixed}>
      <Typography.Title level={5}>{t('comp.parts')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12, display: 'flex' }}>
        <span>{t('comp.presets')}</span>
        {PRESETS.map((p) => (
          <Button key={p.key} size="small" disabled={fixed} onClick={() => form.setFieldValue('parts', p.parts.map((x) => ({ ...x })))}>
            {p.key}
          </Button>
        ))}
        <Typography.Text type={weightSum === 100 ? 'secondary' : 'danger'} data-testid="weight-sum">
          {t('comp.weightSum', { n: weightSum })}
        </Typography.Text>
      </Space>
      <Form.List name="parts">
        {(fields, { add, remove }) => (
          <div style={{ marginBottom: 16 }} data-testid="parts">
            <Flex gap={8} style={{ marginBottom: 4 }}>
              <Typography.Text type="secondary" style={{ width: 160 }}>
                {t('comp.part')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ width: 110 }}>
                {t('comp.weight')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ width: 110 }}>
                {t('comp.passMark')}
              </Typography.Text>
            </Flex>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'key']} rules={[{ required: true }]} style={{ width: 160, marginBottom: 8 }}>
                  <Select options={partOptions} disabled={fixed} aria-label={t('comp.part')} />
                </Form.Item>
                <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={1} max={100} precision={0} suffix="%" disabled={fixed} style={{ width: 110 }} aria-label={t('comp.weight')} />
                </Form.Item>
                <Form.Item name={[f.name, 'passMark']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={100} step={1} style={{ width: 110 }} aria-label={t('comp.passMark')} />
                </Form.Item>
                <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('common.delete')} disabled={fixed || fields.length <= 1} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            {fields.length < PART_KEYS.length && (
              <Button size="small" icon={<PlusOutlined aria-hidden />} disabled={fixed} onClick={() => add({ key: PART_KEYS.find((k) => !(parts ?? []).some((p) => p?.key === k)) ?? 'oral', weight: 10, passMark: 60 })}>
                {t('comp.addPart')}
              </Button>
            )}
          </div>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('comp.rules')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('comp.tieBreak')} name={['rules', 'tieBreak']} extra={t('comp.tieBreakHelp')}>
            <Select mode="multiple" options={TIE_BREAKS.map((k) => ({ value: k, label: t(`comp.tie.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label={t('comp.topN')} name={['rules', 'topN']}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label={t('comp.teamBestK')} name={['rules', 'teamBestK']}>
            <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item label={t('comp.appealWindowHours')} name={['rules', 'appealWindowHours']}>
            <InputNumber min={0} max={240} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'more',
            label: t('comp.moreRules'),
            forceRender: true,
            children: (
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.minEntrantsForAwards')} name={['rules', 'minEntrantsForAwards']}>
                    <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.teamBelowK')} name={['rules', 'teamBelowK']} tooltip={t('comp.teamBelowKHelp')}>
                    <Select options={(['excluded', 'ranked'] as const).map((v) => ({ value: v, label: t(`comp.teamBelowK.${v}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.orgPerEntrant')} name={['rules', 'organizationAward', 'perEntrant']}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.orgPerTopN')} name={['rules', 'organizationAward', 'perTopN']}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.orgCount')} name={['rules', 'organizationAward', 'count']}>
                    <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.winnerLevel')} name={['rules', 'outcomes', 'winnerLevel']}>
                    <Select options={labels.levelOptions} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.winnerTitle')} name={['rules', 'outcomes', 'winnerTitle']}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item label={t('comp.passBothLevel')} name={['rules', 'outcomes', 'passBothLevel']}>
                    <Select options={labels.levelOptions} />
                  </Form.Item>
                </Col>
              </Row>
            ),
          },
        ]}
      />
      </ConfigProvider>
      {error && (
        <div ref={errorRef} data-testid="setup-error">
          <Alert
            type="error"
            showIcon
            title={error.message}
            description={error.lines.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{error.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
            style={{ marginBottom: 16 }}
          />
        </div>
      )}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {competition ? t('common.save') : t('comp.create')}
        </Button>
      )}
    </Form>
  );
}
