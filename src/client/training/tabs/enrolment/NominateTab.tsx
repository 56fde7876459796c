import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../../shared/contracts/people';
import { LEVEL_NAMES, LEVELS } from '../../../../shared/levels';
import type { EnrolmentView } from '../../../../shared/training/enrolment';
import { CLASS_STATUS_NAMES, NEW_TECHNICIAN_MIN_LEVEL } from '../../../../shared/training/rules';
import { api } from '../../../api';
import type { Page } from '../../../components/referenceData';
import { QueryResult } from '../../../components/QueryResult';
import { useLang, useT } from '../../../i18n';
import { useLabels } from '../../../i18n/labels';
import { classesQuery } from '../../queries';
import type { ClassTabProps } from '../../tabs';
import { EnrolmentStatusTag, enrolmentsQuery } from './common';

/**
 * 推荐学员 (新技师): an employer picks a worker of its own unit, confirms 高级工 or higher and
 * nominates; its nominations show with the college's decision and reason.
 */
export function NominateTab({ classId }: ClassTabProps) {
  const t = useT();
  const { lang } = useLang();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const cls = useQuery(classesQuery()).data?.find((c) => c.id === classId);
  const mine = useQuery(enrolmentsQuery(classId));
  const [q, setQ] = useState<string | undefined>();
  const [chosen, setChosen] = useState<Person | null>(null);
  const [level, setLevel] = useState<number | undefined>();
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const people = useQuery({
    queryKey: ['people', 'list', { q }, 'training-nominate'],
    queryFn: () => api.get<Page<Person>>('/api/people', { q, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const open = cls?.status === 'enrolling';
  const placed = new Set((mine.data ?? []).filter((r) => r.status === 'nominated' || r.status === 'enrolled').map((r) => r.personId));

  const refresh = () => void queryClient.invalidateQueries({ queryKey: enrolmentsQuery(classId).queryKey });
  const choose = (p: Person) => {
    setChosen(p);
    setLevel(p.level != null && p.level <= NEW_TECHNICIAN_MIN_LEVEL ? p.level : undefined);
    setConfirmed(false);
    setError(null);
  };
  const nominate = async () => {
    if (!chosen || level == null) return;
    setBusy('nominate');
    setError(null);
    try {
      await api.post(`/api/training/classes/${classId}/nominations`, { personId: chosen.id, confirmedLevel: level });
      void message.success(t('training.nominate.done', { name: chosen.name }));
      setChosen(null);
      setLevel(undefined);
      setConfirmed(false);
      refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const withdraw = async (r: EnrolmentView) => {
    setBusy(`w-${r.id}`);
    try {
      await api.post(`/api/training/enrolments/${r.id}/withdraw-nomination`, { version: r.version });
      void message.success(t('training.nominate.withdrawn'));
      refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('training.nominate.intro')} />
      {cls && !open && <Alert type="warning" showIcon title={t('training.nominate.notOpen', { status: CLASS_STATUS_NAMES[cls.status][lang] })} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.nominate.people')}>
            <Input.Search allowClear placeholder={t('training.enrolment.search')} onSearch={(v) => setQ(v.trim() || undefined)} style={{ marginBottom: 8 }} />
            <Table<Person> size="small" rowKey="id" data-testid="nominate-people" loading={people.isFetching} dataSource={people.data?.items ?? []} pagination={false}
              rowSelection={{ type: 'radio', selectedRowKeys: chosen ? [chosen.id] : [], onChange: (_k, rows) => rows[0] && choose(rows[0]), getCheckboxProps: (p) => ({ disabled: placed.has(p.id) }) }}
              onRow={(p) => ({ onClick: () => !placed.has(p.id) && choose(p) })}
              columns={[
                { title: t('training.enrolment.name'), dataIndex: 'name' },
                { title: t('training.enrolment.idNumber'), dataIndex: 'idNumberMasked', responsive: ['sm'] },
                { title: t('training.enrolment.level'), dataIndex: 'level', render: (l: number | null) => labels.level(l) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('training.tab.nominate')}>
            <Form layout="vertical">
              <Typography.Paragraph strong>{chosen ? t('training.nominate.chosen', { name: chosen.name }) : t('training.nominate.pickFirst')}</Typography.Paragraph>
              <Form.Item label={t('training.nominate.levelHeld')}>
                <Select<number> value={level} onChange={setLevel} disabled={!chosen} data-testid="nominate-level"
                  options={LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l][lang] }))} />
              </Form.Item>
              <Form.Item>
                <Checkbox checked={confirmed} disabled={!chosen} onChange={(e) => setConfirmed(e.target.checked)}>{t('training.nominate.confirm')}</Checkbox>
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
              <Button type="primary" disabled={!open || !chosen || level == null || !confirmed} loading={busy === 'nominate'} onClick={() => void nominate()}>
                {t('training.nominate.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('training.nominate.mine')}>
        <QueryResult query={mine}>
          {(rows) => (
            <Table<EnrolmentView> size="small" rowKey="id" data-testid="nominations" dataSource={rows} pagination={false} scroll={{ x: 600 }}
              locale={{ emptyText: t('training.nominate.none') }}
              columns={[
                { title: t('training.enrolment.name'), dataIndex: 'name', width: 90 },
                { title: t('training.enrolment.confirmedLevel'), dataIndex: 'confirmedLevel', width: 90, render: (l: number | null) => labels.level(l) },
                { title: t('training.enrolment.status'), dataIndex: 'status', width: 150, render: (s: EnrolmentView['status']) => <EnrolmentStatusTag status={s} /> },
                { title: t('training.enrolment.reason'), dataIndex: 'reason' },
                {
                  title: '', key: 'actions', width: 80, render: (_: unknown, r: EnrolmentView) => r.status === 'nominated' && r.source === 'employer' && (
                    <Button size="small" loading={busy === `w-${r.id}`} onClick={() => void withdraw(r)}>{t('training.nominate.withdraw')}</Button>
                  ),
                },
              ]} />
          )}
        </QueryResult>
      </Card>
    </Space>
  );
}
