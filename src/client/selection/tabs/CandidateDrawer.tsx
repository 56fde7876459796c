import { CheckCircleTwoTone, ClockCircleTwoTone, CloseCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Descriptions, Divider, Drawer, Input, List, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { CANDIDATE_STATUS_NAMES, type CandidateView } from '../../../shared/contracts/selection-nominations';
import { CHANNEL_NAMES } from '../../../shared/selection/rules';
import { api, ApiError } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { candidateQuery } from '../queries';

export const STATUS_COLORS: Record<CandidateView['status'], string> = { submitted: 'blue', returned: 'orange', eligible: 'green', ineligible: 'red', withdrawn: 'default' };

export function StatusTag({ status }: { status: CandidateView['status'] }) {
  return <Tag color={STATUS_COLORS[status]}>{CANDIDATE_STATUS_NAMES[status]}</Tag>;
}

export function ChannelTags({ channels }: { channels: CandidateView['channels'] }) {
  return <Space size={4} wrap>{channels.map((c) => <Tag key={c}>{CHANNEL_NAMES[c]}</Tag>)}</Space>;
}

/** The machine check, rule by rule: passed, failed (with what to do), or left to the verifier. */
export function CheckList({ check }: { check: CandidateView['check'] }) {
  if (!check) return null;
  return (
    <List size="small" dataSource={check.items} renderItem={(i) => (
      <List.Item data-rule={i.rule} data-passed={i.passed}>
        <Space align="start">
          {i.passed ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-hidden /> : i.pending ? <ClockCircleTwoTone twoToneColor="#faad14" aria-hidden /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-hidden />}
          <span>{i.message}</span>
        </Space>
      </List.Item>
    )} />
  );
}

export type DrawerMode = 'nominator' | 'person' | 'verifier';

/**
 * 候选人材料: claims with their evidence, consent, the machine check and the decisions. A nominator or
 * the candidate corrects and resubmits; a verifier decides.
 */
export function CandidateDrawer({ candidateId, mode, onClose }: { candidateId: number | null; mode: DrawerMode; onClose: () => void }) {
  const t = useT();
  const q = useQuery({ ...candidateQuery(candidateId ?? 0), enabled: candidateId != null });
  return (
    <Drawer open={candidateId != null} onClose={onClose} width={Math.min(720, typeof window === 'undefined' ? 720 : window.innerWidth)} title={t('nom.detail')} destroyOnHidden>
      {candidateId != null && <QueryResult query={q}>{(c) => <CandidateFile c={c} mode={mode} onDone={mode === 'verifier' ? onClose : undefined} />}</QueryResult>}
    </Drawer>
  );
}

function CandidateFile({ c, mode, onDone }: { c: CandidateView; mode: DrawerMode; onDone?: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, ok: string, after?: () => void) => {
    setBusy(true);
    try {
      await fn();
      void message.success(ok);
      after?.();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['selection'] });
    }
  };
  // The office edits only what it keyed itself (a paper society nomination); it decides the rest.
  const canEdit = c.editable && (mode !== 'verifier' || c.nominations.some((n) => n.mine));
  const uploadTo = (query: string, label: string, testId: string) => (
    <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} disabled={!canEdit || busy}
      beforeUpload={(file) => { void run(() => api.upload(`/api/selection/candidates/${c.id}/evidence?${query}`, file), t('nom.uploaded')); return Upload.LIST_IGNORE; }}>
      <Button size="small" icon={<UploadOutlined aria-hidden />} disabled={!canEdit} loading={busy} data-testid={testId}>{label}</Button>
    </Upload>
  );
  const fileLink = (e: CandidateView['evidence'][number]) => <a key={e.id} href={`/api/selection/evidence/${e.id}`} download={e.fileName}>{e.fileName}</a>;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.status === 'returned' && c.returnReason && <Alert type="warning" showIcon message={t('nom.returned', { reason: c.returnReason })} description={mode !== 'verifier' ? t('nom.returnedHint') : undefined} />}
      {c.status === 'ineligible' && c.returnReason && <Alert type="error" showIcon message={`${CANDIDATE_STATUS_NAMES.ineligible}：${c.returnReason}`} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered items={[
        { key: 'n', label: t('nom.name'), children: c.name },
        { key: 'i', label: t('nom.idNumber'), children: c.idNumberMasked },
        { key: 'u', label: t('nom.unit'), children: c.unitName },
        { key: 's', label: t('nom.status'), children: <StatusTag status={c.status} /> },
        { key: 'c', label: t('nom.channel'), children: <ChannelTags channels={c.channels} /> },
        { key: 'k', label: t('nom.consent'), children: c.consentKind === 'signed_form' ? t('nom.consentForm') : c.consentKind === 'self_confirmed' ? t('nom.consentSelf') : t('nom.consentNone') },
      ]} />
      <Typography.Title level={5}>{t('nom.check')}</Typography.Title>
      <CheckList check={c.check} />
      <Typography.Title level={5}>{t('nom.claims')}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={c.claims} columns={[
        { title: t('nom.claims'), dataIndex: 'conditionName' },
        { title: t('nom.description'), dataIndex: 'description' },
        { title: t('nom.evidence'), key: 'e', render: (_, k) => {
          const files = c.evidence.filter((e) => e.claimId === k.id);
          return <Space direction="vertical" size={2}>{files.length ? files.map(fileLink) : <Typography.Text type="danger">{t('nom.noEvidence')}</Typography.Text>}{canEdit && uploadTo(`purpose=condition&condition=${k.conditionKey}`, t('nom.upload'), `upload-${k.conditionKey}`)}</Space>;
        } },
      ]} />
      {canEdit && <ClaimsEditor c={c} busy={busy} run={run} />}
      <Space wrap>
        {c.evidence.filter((e) => e.purpose !== 'condition').map(fileLink)}
        {canEdit && uploadTo('purpose=consent', t('nom.uploadConsent'), 'upload-consent')}
        {canEdit && c.equivalentSkill && uploadTo('purpose=equivalent_skill', t('nom.acceptEquivalent'), 'upload-equivalent')}
        {mode === 'person' && canEdit && c.consentKind !== 'self_confirmed' && (
          <Button loading={busy} onClick={() => void run(() => api.post(`/api/selection/candidates/${c.id}/consent`), t('nom.confirmed'))}>{t('nom.confirmConsent')}</Button>
        )}
      </Space>
      {c.equivalentSkill && <Alert type="info" message={`${t('nom.acceptEquivalent')}：${c.equivalentSkill}`} />}
      {canEdit && c.status === 'returned' && (
        <Button type="primary" loading={busy} onClick={() => void run(() => api.post(`/api/selection/candidates/${c.id}/resubmit`, { version: c.version }), t('nom.resubmitted'))}>{t('nom.resubmit')}</Button>
      )}
      {mode === 'verifier' && c.status === 'submitted' && <Decide c={c} busy={busy} run={run} onDone={onDone} />}
      <Divider />
      <Typography.Title level={5}>{t('nom.nominators')}</Typography.Title>
      <List size="small" dataSource={c.nominations} renderItem={(n) => (
        <List.Item>
          <Space wrap><Tag>{CHANNEL_NAMES[n.channel]}</Tag>{n.nominatorUnitName}{n.nominatorName}{n.nominatorOrg}{n.nominatorContactMasked}{n.statement && <Typography.Text type="secondary">{n.statement}</Typography.Text>}</Space>
        </List.Item>
      )} />
      {c.verifications.length > 0 && (
        <>
          <Typography.Title level={5}>{t('nom.history')}</Typography.Title>
          <List size="small" dataSource={c.verifications} renderItem={(v) => (
            <List.Item>
              <Space wrap><Tag>{t(`nom.decision.${v.decision}`)}</Tag>{v.reason}<Typography.Text type="secondary">{v.verifier} {new Date(v.verifiedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</Typography.Text></Space>
            </List.Item>
          )} />
        </>
      )}
    </Space>
  );
}

type Run = (fn: () => Promise<unknown>, ok: string, after?: () => void) => Promise<void>;

/** Changes the conditions claimed (a dropped condition's evidence goes with it). */
function ClaimsEditor({ c, busy, run }: { c: CandidateView; busy: boolean; run: Run }) {
  const t = useT();
  const rounds = useQuery({ queryKey: ['selection', 'nomination-rounds'], queryFn: () => api.get<{ id: number; conditions: { key: string; name: string }[] }[]>('/api/selection/nomination-rounds') });
  const conditions = rounds.data?.find((r) => r.id === c.roundId)?.conditions ?? [];
  const [keys, setKeys] = useState<string[]>(c.claims.map((k) => k.conditionKey));
  return (
    <Space wrap>
      <Typography.Text>{t('nom.editClaims')}</Typography.Text>
      <Select mode="multiple" style={{ minWidth: 260 }} value={keys} onChange={setKeys} options={conditions.map((k) => ({ value: k.key, label: k.name }))} />
      <Button loading={busy} onClick={() => void run(() => api.put(`/api/selection/candidates/${c.id}/claims`, {
        claims: keys.map((k) => ({ conditionKey: k, description: c.claims.find((x) => x.conditionKey === k)?.description ?? '' })), equivalentSkill: c.equivalentSkill, version: c.version,
      }), t('nom.saved'))}>{t('nom.saveClaims')}</Button>
    </Space>
  );
}

/** The verifier's decision: eligible (accepting claimed conditions one by one), returned or ineligible with a reason. */
function Decide({ c, busy, run, onDone }: { c: CandidateView; busy: boolean; run: Run; onDone?: () => void }) {
  const t = useT();
  const backed = c.claims.filter((k) => c.evidence.some((e) => e.claimId === k.id));
  const [accepted, setAccepted] = useState<string[]>(backed.map((k) => k.conditionKey));
  const [equivalent, setEquivalent] = useState<'yes' | 'no' | undefined>();
  const [reason, setReason] = useState('');
  const pending = c.check?.items.some((i) => i.rule === 'level' && i.pending);
  const decide = (decision: 'eligible' | 'returned' | 'ineligible') => run(
    () => api.post(`/api/selection/candidates/${c.id}/verify`, { decision, reason, conditionsAccepted: decision === 'eligible' ? accepted : [], equivalentSkillAccepted: pending ? equivalent : undefined, version: c.version }),
    t('nom.decided'), onDone,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Divider />
      <Typography.Text strong>{t('nom.accept')}</Typography.Text>
      <Checkbox.Group value={accepted} onChange={(v) => setAccepted(v as string[])} options={backed.map((k) => ({ value: k.conditionKey, label: k.conditionName }))} />
      {pending && (
        <Space><Typography.Text>{t('nom.acceptEquivalent')}</Typography.Text>
          <Radio.Group value={equivalent} onChange={(e) => setEquivalent(e.target.value as 'yes' | 'no')} options={[{ value: 'yes', label: t('nom.yes') }, { value: 'no', label: t('nom.no') }]} />
        </Space>
      )}
      <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('nom.decisionReason')} aria-label={t('nom.decisionReason')} maxLength={500} />
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void decide('eligible')}>{t('nom.decision.eligible')}</Button>
        <Button loading={busy} onClick={() => void decide('returned')}>{t('nom.decision.returned')}</Button>
        <Button danger loading={busy} onClick={() => void decide('ineligible')}>{t('nom.decision.ineligible')}</Button>
      </Space>
    </Space>
  );
}
