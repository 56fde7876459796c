import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { LEVEL_NAMES, isLevel } from '../../../shared/levels';
import type { Appraisal, AppraisalImportResult } from '../../../shared/training/appraisal';
import { ExcelImport } from '../../competition/components/ExcelImport';
import { QueryResult } from '../../components/QueryResult';
import { useLang, useT } from '../../i18n';
import { useMe } from '../../session';
import { appraisalsQuery, classQuery } from '../queries';
import type { ClassTabProps } from '../tabs';

/** Training staff and the class's college record results (the server decides; the button is shown to those who may). */
export const mayOperate = (me: { role: string; committeeBody: string | null }) =>
  me.role === 'admin' || me.role === 'unit' || (me.role === 'committee' && (me.committeeBody === 'training' || me.committeeBody === 'office'));

/** An employer's unit account sees the class (its nominations) but not the college's appraisal and claim. */
export const mayRead = (me: { role: string; unitId: number | null }, collegeUnitId: number | null) => me.role !== 'unit' || me.unitId === collegeUnitId;

/** 鉴定: the template, the import (refusals by row and column), and the results with each pass's 技师 record. */
export function AppraisalTab({ classId }: ClassTabProps) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const cls = useQuery(classQuery(classId));
  const newTech = cls.data?.programmeKind === 'new-technician';
  const q = useQuery({ ...appraisalsQuery(classId), enabled: newTech && !!cls.data && mayRead(me, cls.data.collegeUnitId) });
  if (cls.data && !newTech) return <Alert type="info" showIcon title={t('training.subsidy.notNewTech')} />;
  if (cls.data && !mayRead(me, cls.data.collegeUnitId)) return <Alert type="info" showIcon title={t('training.subsidy.notYours')} />;
  const open = cls.data?.status === 'running' || cls.data?.status === 'finished';
  return (
    <QueryResult query={q}>
      {(list) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap size="large">
            <Statistic title={t('training.subsidy.trainees')} value={list.trainees} />
            <Statistic title={t('training.subsidy.appraised')} value={list.appraised} />
            <Statistic title={t('training.subsidy.passed')} value={list.passed} />
          </Space>
          {mayOperate(me) && (open ? (
            <Space wrap>
              <ExcelImport<AppraisalImportResult>
                path={`/api/training/classes/${classId}/appraisals/import`}
                templatePath={`/api/training/classes/${classId}/appraisals/template`}
                templateName="技师鉴定成绩.xlsx"
                label={t('training.subsidy.import')}
                onImported={(r) => {
                  void message.success(t('training.subsidy.imported', { ...r }));
                  void qc.invalidateQueries({ queryKey: ['training', 'appraisals', classId] });
                  void qc.invalidateQueries({ queryKey: ['training', 'claim', classId] });
                }}
              />
            </Space>
          ) : <Alert type="info" showIcon title={t('training.subsidy.notRunning')} />)}
          {list.pending.length > 0 && list.rows.length > 0 && (
            <Alert type="warning" showIcon title={t('training.subsidy.pending', { names: list.pending.map((p) => `${p.name}（${p.examNumber ?? '—'}）`).join('、') })} />
          )}
          {list.rows.length === 0 && <Alert type="info" showIcon title={t('training.subsidy.noResults')} />}
          <Table<Appraisal>
            size="small"
            rowKey="enrolmentId"
            dataSource={list.rows}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              { title: t('training.subsidy.examNumber'), dataIndex: 'examNumber', fixed: 'left', width: 110 },
              { title: t('training.subsidy.name'), dataIndex: 'name', width: 80 },
              {
                title: t('training.subsidy.result'), key: 'result', width: 90,
                render: (_, r) => (r.absent ? <Tag>{t('training.subsidy.absent')}</Tag>
                  : <Tag color={r.passed ? 'green' : 'red'}>{t(r.passed ? 'training.subsidy.pass' : 'training.subsidy.fail')}</Tag>),
              },
              {
                title: t('training.subsidy.record'), key: 'record', width: 200,
                render: (_, r) => (r.qualification ? (
                  <Tooltip title={r.qualification.source}>
                    <Typography.Text>
                      {isLevel(r.qualification.level) ? LEVEL_NAMES[r.qualification.level][lang] : r.qualification.level}
                      {r.qualification.tradeName ? ` · ${r.qualification.tradeName}` : ''} · {r.qualification.obtainedOn}
                    </Typography.Text>
                  </Tooltip>
                ) : '—'),
              },
              { title: t('training.subsidy.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
              { title: t('training.subsidy.unit'), dataIndex: 'unitName', ellipsis: true },
              { title: t('training.subsidy.theory'), dataIndex: 'theory', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
              { title: t('training.subsidy.practical'), dataIndex: 'practical', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
              { title: t('training.subsidy.appraisedOn'), dataIndex: 'appraisedOn', width: 100 },
            ]}
          />
        </Space>
      )}
    </QueryResult>
  );
}
