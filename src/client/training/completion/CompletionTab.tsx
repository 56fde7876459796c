import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ClassCompletions, CompletionRow } from '../../../shared/training/completion-contracts';
import { api } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useMe } from '../../session';
import { useT } from '../../i18n';
import type { ClassTabProps } from '../tabs';

export const completionsQuery = (classId: number) => ({
  queryKey: ['training', 'completions', classId],
  queryFn: () => api.get<ClassCompletions>(`/api/training/classes/${classId}/completions`),
});

/** 结业: the rule, each trainee's figures and outcome (written when the class finished), certificates. */
export function CompletionTab({ classId }: ClassTabProps) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const me = useMe();
  const q = useQuery(completionsQuery(classId));
  const issue = useMutation({
    mutationFn: () => api.post<{ completion: number; plans: number }>(`/api/training/classes/${classId}/certificates`),
    onSuccess: (r) => { message.success(t('training.completion.issued', r)); void qc.invalidateQueries({ queryKey: ['training'] }); },
    onError: (e) => message.error(e.message),
  });
  const staff = me.role === 'admin' || me.role === 'committee';
  return (
    <QueryResult query={q}>
      {(d) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text data-testid="completion-rule">
            {t('training.completion.rule')}：{t('training.completion.ruleText', {
              pct: d.rule.minAttendancePct,
              plan: d.rule.businessPlanRequired ? t('training.completion.rulePlan') : '',
              appraisal: d.rule.appraisalRequired ? t('training.completion.ruleAppraisal') : '',
            })}
          </Typography.Text>
          {!d.decided ? <Alert type="info" showIcon title={t('training.completion.pending')} /> : (
            <>
              <Space wrap>
                <Typography.Text>{t('training.completion.summary', { total: d.rows.length, done: d.rows.filter((r) => r.completed).length })}</Typography.Text>
                {staff && <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()} data-testid="issue-certificates">{t('training.completion.issue')}</Button>}
              </Space>
              <Table<CompletionRow> rowKey="enrolmentId" size="small" dataSource={d.rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 760 }}
                columns={[
                  { title: t('training.completion.trainee'), dataIndex: 'personName' },
                  { title: t('training.completion.idNumber'), dataIndex: 'idNumberMasked' },
                  { title: t('training.completion.unit'), dataIndex: 'unitName' },
                  { title: t('training.completion.attendance'), render: (_, r) => `${r.sessionsAttended}/${r.sessionsHeld}` },
                  { title: t('training.completion.pct'), render: (_, r) => `${r.attendancePct.toFixed(2)}%` },
                  { title: t('training.completion.outcome'), render: (_, r) => <Tag color={r.completed ? 'green' : 'red'}>{t(r.completed ? 'training.completion.completed' : 'training.completion.notCompleted')}</Tag> },
                  { title: t('training.completion.reason'), dataIndex: 'reason' },
                  {
                    title: t('training.completion.certificate'),
                    render: (_, r) => !r.certificate ? <Typography.Text type="secondary">{t('training.completion.noCertificate')}</Typography.Text>
                      : <a href={`/verify/${r.certificate.serial}`} target="_blank" rel="noreferrer">{r.certificate.status === 'revoked' ? t('training.completion.revoked') : r.certificate.serial}</a>,
                  },
                ]} />
            </>
          )}
        </Space>
      )}
    </QueryResult>
  );
}
