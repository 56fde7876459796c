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
  'training.checkin.open': { zh: '开始扫码签到', en: 'QR sign-in opened' },
  'training.checkin.close': { zh: '结束扫码签到', en: 'QR sign-in closed' },
  'training.attendance.checkin': { zh: '学员扫码签到', en: 'Trainee signed in by QR' },
  'training.attendance.record': { zh: '记考勤（点名或签到表）', en: 'Attendance recorded (roster or sheet)' },
  'training.attendance.correct': { zh: '更正考勤', en: 'Attendance corrected' },
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
