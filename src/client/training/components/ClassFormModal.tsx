import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { ClassInput, Programme, TrainingClass } from '../../../shared/contracts/training';
import type { Unit } from '../../../shared/contracts/units';
import { defaultCompletionRule, PROGRAMME_CURRICULA, PROGRAMME_TARGET_GROUPS, type TargetGroup } from '../../../shared/training/rules';
import { api } from '../../api';
import { applyNestedServerErrors } from '../../components/formErrors';
import { useTradeOptions, type Page } from '../../components/referenceData';
import { useT } from '../../i18n';
import { useTrainingNames } from '../names';
import { teachersQuery } from '../queries';
import { dateField } from './dateField';

type Values = Omit<ClassInput, 'programmeId'>;
const FIELDS = new Set(['name', 'targetGroup', 'curriculum', 'syllabus', 'tradeIds', 'collegeUnitId', 'venue', 'organizers', 'plannedStartOn', 'plannedEndOn',
  'graduationOn', 'plannedSize', 'quota', 'unitQuota', 'completionRule', 'trainingFeeYuan', 'appraisalFeeYuan', 'teacherAccountIds']);
const RULE_FIELDS = new Set(['minAttendancePct', 'businessPlanRequired', 'appraisalRequired']);
const fieldExists = (p: (string | number)[]) => (p.length === 1 ? FIELDS.has(String(p[0])) : p.length === 2 && p[0] === 'completionRule' && RULE_FIELDS.has(String(p[1])));

function initialValues(programme: Pick<Programme, 'kind'>, cls: TrainingClass | null): Partial<Values> {
  if (cls) {
    const { name, targetGroup, curriculum, syllabus, tradeIds, collegeUnitId, venue, organizers, graduationOn, quota, unitQuota, completionRule, trainingFeeYuan, appraisalFeeYuan } = cls;
    const { plannedStartOn, plannedEndOn, plannedSize } = cls.planActual;
    return { name, targetGroup, curriculum, syllabus, tradeIds, collegeUnitId, venue, organizers, graduationOn, quota, unitQuota, completionRule, trainingFeeYuan, appraisalFeeYuan,
      plannedStartOn: plannedStartOn ?? undefined, plannedEndOn: plannedEndOn ?? undefined, plannedSize, teacherAccountIds: cls.teachers.map((x) => x.accountId) };
  }
  const targetGroup = PROGRAMME_TARGET_GROUPS[programme.kind][0]!;
  return { targetGroup, curriculum: PROGRAMME_CURRICULA[programme.kind][0], completionRule: defaultCompletionRule(programme.kind, targetGroup), tradeIds: [], organizers: [], teacherAccountIds: [] };
}

/**
 * Create (cls = null) or edit a class of a programme: every field of ClassInput; the target groups
 * and curricula offered are the programme kind's; the server's refusals land on their fields.
 */
export type ProgrammeOfClass = Pick<Programme, 'id' | 'kind' | 'name' | 'trainingFeeYuan' | 'appraisalFeeYuan'>;

export function ClassFormModal({ open, programme, cls, onClose, onSaved }: { open: boolean; programme: ProgrammeOfClass; cls: TrainingClass | null; onClose: () => void; onSaved: (c: TrainingClass) => void }) {
  const t = useT();
  const names = useTrainingNames();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; unplaced: string[] } | null>(null);
  const trades = useTradeOptions();
  const colleges = useQuery({
    queryKey: ['units', 'schools'],
    queryFn: () => api.get<Page<Unit>>('/api/units', { kind: 'school', pageSize: 200 }),
    select: (p) => p.items.map((u) => ({ value: u.id, label: u.name })),
    enabled: open,
  });
  const teachers = useQuery({ ...teachersQuery, enabled: open });

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, syllabus: v.syllabus ?? '', venue: v.venue ?? '', collegeUnitId: v.collegeUnitId ?? null, graduationOn: v.graduationOn ?? null, unitQuota: v.unitQuota ?? null,
        trainingFeeYuan: v.trainingFeeYuan ?? undefined, appraisalFeeYuan: v.appraisalFeeYuan ?? undefined };
      onSaved(cls
        ? await api.put<TrainingClass>(`/api/training/classes/${cls.id}`, { ...body, version: cls.version })
        : await api.post<TrainingClass>('/api/training/classes', { ...body, programmeId: programme.id }));
    } catch (e) {
      setError(applyNestedServerErrors(form, e, fieldExists));
    } finally {
      setBusy(false);
    }
  };
  const half = { xs: 24, sm: 12 };
  const onGroup = (g: TargetGroup) => form.setFieldValue('completionRule', defaultCompletionRule(programme.kind, g));

  return (
    <Modal open={open} width={780} title={`${t(cls ? 'training.class.edit' : 'training.class.create')} · ${programme.name}`} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} afterClose={() => setError(null)} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error.message} description={error.unplaced.length ? error.unplaced.join('；') : undefined} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="class" layout="vertical" onFinish={(v) => void submit(v)} initialValues={initialValues(programme, cls)}>
        <Form.Item label={t('training.class.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('training.class.targetGroup')} name="targetGroup" rules={[{ required: true }]}>
              <Select onChange={onGroup} options={PROGRAMME_TARGET_GROUPS[programme.kind].map((g) => ({ value: g, label: names.group(g) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.curriculum')} name="curriculum" rules={[{ required: true }]}>
              <Select options={PROGRAMME_CURRICULA[programme.kind].map((c) => ({ value: c, label: names.curriculum(c) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('training.class.syllabus')} name="syllabus">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('training.class.college')} name="collegeUnitId">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={colleges.data ?? []} loading={colleges.isLoading} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.venue')} name="venue">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('training.class.trades')} name="tradeIds">
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={trades} />
        </Form.Item>
        <Form.Item label={t('training.class.organizers')} name="organizers" extra={t('training.class.organizersHint')}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Form.Item label={t('training.class.teachers')} name="teacherAccountIds" extra={t('training.class.teachersHint')}>
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} loading={teachers.isLoading}
            options={(teachers.data ?? []).map((x) => ({ value: x.accountId, label: x.unitName ? `${x.displayName}（${x.unitName}）` : x.displayName }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('training.class.plannedStart')} name="plannedStartOn" rules={[{ required: true }]} {...dateField}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.plannedEnd')} name="plannedEndOn" rules={[{ required: true }]} {...dateField}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.graduation')} name="graduationOn" {...dateField}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.plannedSize')} name="plannedSize" rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.quota')} name="quota" rules={[{ required: true }]} extra={t('training.class.quotaHint')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.unitQuota')} name="unitQuota" extra={t('training.class.unitQuotaHint')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('training.class.completionRule')} style={{ marginBottom: 0 }}>
          <Row gutter={16} align="middle">
            <Col xs={24} sm={8}>
              <Form.Item name={['completionRule', 'minAttendancePct']} label={t('training.class.minAttendance')} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name={['completionRule', 'businessPlanRequired']} valuePropName="checked">
                <Checkbox>{t('training.class.businessPlan')}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name={['completionRule', 'appraisalRequired']} valuePropName="checked">
                <Checkbox>{t('training.class.appraisal')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item label={t('training.class.trainingFee')} name="trainingFeeYuan" extra={t('training.class.feesDefault')}>
              <InputNumber min={0} precision={2} placeholder={String(programme.trainingFeeYuan)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item label={t('training.class.appraisalFee')} name="appraisalFeeYuan">
              <InputNumber min={0} precision={2} placeholder={String(programme.appraisalFeeYuan)} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
