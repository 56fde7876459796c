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
  'training.enrolment.enrol': { zh: '录入学员', en: 'Trainee enrolled by the organizer' },
  'training.enrolment.nominate': { zh: '单位推荐学员', en: 'Trainee nominated by the employer' },
  'training.enrolment.nomination.withdraw': { zh: '单位撤回推荐', en: 'Nomination taken back by the employer' },
  'training.enrolment.decide': { zh: '院校录取或不录取', en: 'Nomination accepted or refused' },
  'training.enrolment.withdraw': { zh: '学员退出', en: 'Trainee withdrawn' },
  'training.enrolment.exam-numbers': { zh: '编排准考证号', en: 'Exam numbers assigned' },
  'training.enrolment.account': { zh: '开通学员账号', en: 'Trainee account issued' },
  'training.appraisal.record': { zh: '记录技师鉴定结果', en: 'Appraisal result recorded' },
  'training.appraisal.correct': { zh: '更正技师鉴定结果', en: 'Appraisal result corrected' },
  'training.subsidy.compute': { zh: '计算培训补贴申请', en: 'Subsidy claim computed' },
  'training.subsidy.submit': { zh: '提交培训补贴申请', en: 'Subsidy claim submitted' },
  'training.subsidy.approve': { zh: '核准培训补贴申请', en: 'Subsidy claim approved' },
  'training.subsidy.return': { zh: '退回培训补贴申请', en: 'Subsidy claim returned' },
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
