/** The training programmes' audit actions and entities (spread into the one table in labels.ts). */
type Label = { zh: string; en: string };

export const TRAINING_ACTION_LABELS: Record<string, Label> = {
  'training.programme.create': { zh: '新建培训项目', en: 'Training programme created' },
  'training.programme.update': { zh: '修改培训项目', en: 'Training programme changed' },
  'training.class.create': { zh: '新建培训班', en: 'Class created' },
  'training.class.update': { zh: '修改培训班', en: 'Class changed' },
  'training.class.status': { zh: '培训班状态变更（报名/开班/结业/取消）', en: 'Class status changed' },
  'training.session.create': { zh: '排课', en: 'Session scheduled' },
  'training.session.update': { zh: '修改课次', en: 'Session changed' },
  'training.session.cancel': { zh: '取消或恢复课次', en: 'Session cancelled or restored' },
  'training.completion.write': { zh: '写入结业结果', en: 'Completion outcomes written' },
  'training.plan.submit': { zh: '提交创业计划书', en: 'Business plan submitted' },
  'training.plan.mark': { zh: '创业计划书评分', en: 'Business plan marked' },
  'training.plan.commend': { zh: '评选优秀创业计划书', en: 'Business plans commended' },
  'training.panel.create': { zh: '组建创业计划书评审组', en: 'Business-plan panel created' },
  'training.panel.assign': { zh: '分配创业计划书评审', en: 'Business plans assigned to reviewers' },
  'training.certificate.issue': { zh: '颁发培训证书', en: 'Training certificates issued' },
};

export const TRAINING_ENTITY_LABELS: Record<string, Label> = {
  training_programme: { zh: '培训项目', en: 'Training programme' },
  training_class: { zh: '培训班', en: 'Class' },
  training_session: { zh: '课次', en: 'Session' },
  training_enrolment: { zh: '学员', en: 'Trainee enrolment' },
  training_attendance: { zh: '考勤', en: 'Attendance' },
  training_business_plan: { zh: '创业计划书', en: 'Business plan' },
  training_plan_panel: { zh: '创业计划书评审组', en: 'Business-plan panel' },
  training_completion: { zh: '结业', en: 'Completion' },
  training_appraisal: { zh: '技师鉴定', en: 'Appraisal' },
  training_subsidy_claim: { zh: '培训补贴申请', en: 'Subsidy claim' },
};
