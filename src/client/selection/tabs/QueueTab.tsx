import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useState } from 'react';
import { CANDIDATE_STATUS_NAMES, type CandidateStatus } from '../../../shared/contracts/selection-nominations';
import { useT } from '../../i18n';
import { candidatesQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { CandidateDrawer } from './CandidateDrawer';
import { CandidateTable } from './CandidateTable';
import { SocietyNomination } from './SocietyForm';

/** 资格审查: the candidates awaiting review, the machine check rule by rule, the evidence, the decision. */
export function QueueTab({ roundId }: SelectionTabProps) {
  const q = useQuery(candidatesQuery(roundId, 'submitted'));
  const [opened, setOpened] = useState<number | null>(null);
  return (
    <>
      <CandidateTable rows={q.data ?? []} loading={q.isFetching} onOpen={setOpened} />
      <CandidateDrawer candidateId={opened} mode="verifier" onClose={() => setOpened(null)} />
    </>
  );
}

/** 候选人名单: every candidate with their channels, masked ID numbers, status and reasons. */
export function CandidatesTab({ roundId }: SelectionTabProps) {
  const t = useT();
  const [status, setStatus] = useState<CandidateStatus | ''>('');
  const q = useQuery(candidatesQuery(roundId, status || undefined));
  const [opened, setOpened] = useState<number | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select style={{ width: 200 }} value={status} onChange={setStatus} aria-label={t('nom.filter')}
          options={[{ value: '', label: t('nom.all') }, ...Object.entries(CANDIDATE_STATUS_NAMES).map(([value, label]) => ({ value, label }))]} />
        <SocietyNomination roundId={roundId} onCreated={setOpened} />
      </Space>
      <CandidateTable rows={q.data ?? []} loading={q.isFetching} onOpen={setOpened} />
      <CandidateDrawer candidateId={opened} mode="verifier" onClose={() => setOpened(null)} />
    </Space>
  );
}
