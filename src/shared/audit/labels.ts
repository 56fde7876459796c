/**
 * 审计日志的操作名称: one table of the audit log's actions in Chinese and English, used by the console
 * to show them (it showed the raw keys, `certificate.issue`) and by the server to search them (a
 * search for 证书 found nothing). An action not in the table (one a newer module records) is named
 * from its parts — the entity and the verb — so it is never shown raw when its parts are known.
 */
export type AuditLang = 'zh' | 'en';
type Label = { zh: string; en: string };
import { TRAINING_ACTION_LABELS, TRAINING_ENTITY_LABELS } from './training-labels.js';

export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'account.create': { zh: '新建账号', en: 'Account created' },
  'account.password.change': { zh: '修改密码', en: 'Password changed' },
  'account.password.reset': { zh: '重置密码', en: 'Password reset' },
  'amendment.request': { zh: '申请成绩更正', en: 'Amendment requested' },
  'amendment.approved': { zh: '批准成绩更正', en: 'Amendment approved' },
  'amendment.rejected': { zh: '驳回成绩更正', en: 'Amendment rejected' },
  'appeal.lodge': { zh: '提出申诉', en: 'Appeal lodged' },
  'appeal.upheld': { zh: '申诉成立', en: 'Appeal upheld' },
  'appeal.dismissed': { zh: '申诉驳回', en: 'Appeal dismissed' },
  'auth.login': { zh: '登录', en: 'Signed in' },
  'calendar.delete': { zh: '删除日历调整', en: 'Calendar day removed' },
  'calendar.put': { zh: '设置工作日/节假日', en: 'Calendar day set' },
  'certificate.issue': { zh: '颁发证书', en: 'Certificates issued' },
  'certificate.revoke': { zh: '撤销证书', en: 'Certificate revoked' },
  'competition.create': { zh: '新建竞赛', en: 'Competition created' },
  'competition.update': { zh: '修改竞赛基本信息', en: 'Competition set-up changed' },
  'competition.status': { zh: '竞赛状态变更', en: 'Competition status changed' },
  'competition.decode': { zh: '解密（查看编号对照）', en: 'Decoded (code list viewed)' },
  'competition.staff.add': { zh: '添加裁判/工作人员', en: 'Staff added' },
  'competition.staff.remove': { zh: '移除裁判/工作人员', en: 'Staff removed' },
  'demo.load': { zh: '载入演示数据', en: 'Demo data loaded' },
  'draw.commit': { zh: '生成抽签种子', en: 'Draw seed committed' },
  'draw.run': { zh: '抽签', en: 'Draw run' },
  'entry.register': { zh: '报名', en: 'Entries registered' },
  'entry.approved': { zh: '报名审核通过', en: 'Entries approved' },
  'entry.rejected': { zh: '报名审核未通过', en: 'Entries rejected' },
  'entry.withdraw': { zh: '退赛', en: 'Entry withdrawn' },
  'import.people.commit': { zh: '导入人员', en: 'People imported' },
  'import.units.commit': { zh: '导入单位', en: 'Units imported' },
  'import.accounts.commit': { zh: '导入账号', en: 'Accounts imported' },
  'judge.assign': { zh: '评分分工', en: 'Marking panels assigned' },
  'judge.conflict.declare': { zh: '回避申报', en: 'Conflict declared' },
  'judge.conflict.report': { zh: '裁判报告认识选手（按编号回避）', en: 'Judge reported knowing a contestant (recused by code)' },
  'marks.part_scores': { zh: '录入理论/答辩成绩', en: 'Theory/oral scores entered' },
  'marks.signoff': { zh: '签字确认成绩', en: 'Marks signed off' },
  'notice.publish': { zh: '发布公示', en: 'Notice published' },
  'notice.final': { zh: '公示期满，结果生效', en: 'Notice became final' },
  'notice.suspend': { zh: '暂停公示', en: 'Notice suspended' },
  'notice.withdraw': { zh: '撤回公示', en: 'Notice withdrawn' },
  'notice.objection.lodge': { zh: '提出公示异议', en: 'Objection lodged' },
  'notice.objection.investigating': { zh: '公示异议调查中', en: 'Objection under investigation' },
  'notice.objection.upheld': { zh: '公示异议成立', en: 'Objection upheld' },
  'notice.objection.dismissed': { zh: '公示异议不成立', en: 'Objection dismissed' },
  'outcomes.write': { zh: '生成拟认定结果', en: 'Outcomes written' },
  'person.create': { zh: '新增人员', en: 'Person added' },
  'person.update': { zh: '修改人员信息', en: 'Person changed' },
  'person.reveal': { zh: '查看完整个人信息', en: 'Personal data revealed' },
  'person.qualification.add': { zh: '添加职业资格', en: 'Qualification added' },
  'results.completion_times': { zh: '录入完成用时', en: 'Completion times entered' },
  'scheme.save': { zh: '保存评分标准', en: 'Marking scheme saved' },
  'selection.create': { zh: '新建技术能手评选', en: 'Selection round created' },
  'selection.rules': { zh: '修改评选规则', en: 'Selection rules changed' },
  'selection.advance': { zh: '评选进入下一阶段', en: 'Selection stage advanced' },
  'selection.nominate': { zh: '推荐技术能手候选人', en: 'Selection nomination' },
  'selection.claims': { zh: '修改申报的业绩条件', en: 'Selection claims changed' },
  'selection.evidence': { zh: '上传证明材料', en: 'Selection evidence uploaded' },
  'selection.consent': { zh: '本人确认同意推荐', en: 'Selection consent confirmed' },
  'selection.resubmit': { zh: '退回后重新提交', en: 'Selection candidate resubmitted' },
  'selection.verify': { zh: '资格审查', en: 'Selection eligibility decided' },
  'selection.close_returned': { zh: '退回未重新提交，认定不符合条件', en: 'Returned candidate closed as ineligible' },
  'selection.exam_numbers': { zh: '编排准考证号与考场', en: 'Exam numbers and rooms assigned' },
  'selection.exam_scores': { zh: '录入考试成绩', en: 'Exam scores entered' },
  'selection.panel': { zh: '设置评审专家组', en: 'Review panel set up' },
  'selection.assign': { zh: '分配评审专家', en: 'Candidates assigned to reviewers' },
  'selection.mark': { zh: '专家评分', en: 'Reviewer marked a candidate' },
  'selection.cut.freeze': { zh: '冻结入围名单', en: 'Cut frozen' },
  'selection.candidate.exclude': { zh: '取消候选人资格', en: 'Candidate taken out of the running' },
  'selection.approval.approve': { zh: '评审委员会委员审定同意', en: 'Committee member approved the list' },
  'selection.approval.object': { zh: '评审委员会委员提出异议', en: 'Committee member objected to the list' },
  'selection.approval.withdraw_objection': { zh: '委员撤回异议并同意', en: 'Committee member withdrew an objection' },
  'selection.awards': { zh: '写入表彰结果（称号、奖金、晋升）', en: 'Selection awards written (title, cash award, promotion)' },
  'selection.award_bank': { zh: '填写奖金银行账户', en: 'Award bank details entered' },
  'selection.certificates': { zh: '颁发技术能手证书', en: 'Selection certificates issued' },
  'selection.payment_export': { zh: '下载奖金发放表', en: 'Award payment list downloaded' },
  'trade.create': { zh: '新增工种', en: 'Trade added' },
  'unit.create': { zh: '新增单位', en: 'Unit added' },
  'unit.update': { zh: '修改单位', en: 'Unit changed' },
  ...TRAINING_ACTION_LABELS,
};

/** The entities the log names (its `entity` column, and the first part of an action). */
export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  ...TRAINING_ENTITY_LABELS,
  selection_round: { zh: '技术能手评选', en: 'Selection round' },
  selection_nomination: { zh: '技术能手推荐', en: 'Selection nomination' },
  selection_candidate: { zh: '技术能手候选人', en: 'Selection candidate' },
  selection_panel: { zh: '评审专家组', en: 'Review panel' },
  selection_cut: { zh: '入围名单', en: 'Cut' },
  selection_approval: { zh: '评审委员会审定', en: 'Committee approval' },
  selection_award: { zh: '技术能手表彰', en: 'Selection award' },
  account: { zh: '账号', en: 'Account' },
  amendment: { zh: '成绩更正', en: 'Amendment' },
  appeal: { zh: '申诉', en: 'Appeal' },
  auth: { zh: '登录', en: 'Sign-in' },
  calendar: { zh: '工作日历', en: 'Calendar' },
  calendar_day: { zh: '工作日历', en: 'Calendar day' },
  campaign: { zh: '技能月活动', en: 'Campaign' },
  certificate: { zh: '证书', en: 'Certificate' },
  competition: { zh: '竞赛', en: 'Competition' },
  demo: { zh: '演示数据', en: 'Demo' },
  draw: { zh: '抽签', en: 'Draw' },
  entry: { zh: '报名', en: 'Entry' },
  import: { zh: '导入', en: 'Import' },
  judge: { zh: '裁判', en: 'Judge' },
  marks: { zh: '评分', en: 'Marks' },
  notice: { zh: '公示', en: 'Notice' },
  notice_objection: { zh: '公示异议', en: 'Objection' },
  outcomes: { zh: '认定结果', en: 'Outcomes' },
  person: { zh: '人员', en: 'Person' },
  results: { zh: '成绩', en: 'Results' },
  scheme: { zh: '评分标准', en: 'Marking scheme' },
  trade: { zh: '工种', en: 'Trade' },
  unit: { zh: '单位', en: 'Unit' },
};

const VERBS: Record<string, Label> = {
  create: { zh: '新建', en: 'created' },
  update: { zh: '修改', en: 'changed' },
  delete: { zh: '删除', en: 'deleted' },
  remove: { zh: '移除', en: 'removed' },
  add: { zh: '添加', en: 'added' },
  publish: { zh: '发布', en: 'published' },
  withdraw: { zh: '撤回', en: 'withdrawn' },
  commit: { zh: '提交', en: 'committed' },
  approved: { zh: '批准', en: 'approved' },
  rejected: { zh: '驳回', en: 'rejected' },
  archive: { zh: '归档', en: 'archived' },
};

/** The action in the reader's language; unknown actions from their entity and verb, else the key itself. */
export function auditActionLabel(action: string, lang: AuditLang = 'zh'): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known[lang];
  const parts = action.split('.');
  const entity = AUDIT_ENTITY_LABELS[parts[0] ?? ''];
  const verb = VERBS[parts.at(-1) ?? ''];
  if (entity && verb) return lang === 'zh' ? `${verb.zh}${entity.zh}` : `${entity.en} ${verb.en}`;
  return action;
}

export function auditEntityLabel(entity: string, lang: AuditLang = 'zh'): string {
  return AUDIT_ENTITY_LABELS[entity]?.[lang] ?? entity;
}

/**
 * The action keys a search text matches: by key (certificate), Chinese label (证书) or English
 * label (revoked), ignoring case. `known` adds keys the database holds that the table lacks.
 */
export function auditActionsMatching(text: string, known: readonly string[] = []): string[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const keys = [...new Set([...Object.keys(AUDIT_ACTION_LABELS), ...known])];
  return keys.filter((k) => k.toLowerCase().includes(q) || auditActionLabel(k, 'zh').toLowerCase().includes(q) || auditActionLabel(k, 'en').toLowerCase().includes(q)).sort();
}

/** The entity keys a search text matches, by key or label. */
export function auditEntitiesMatching(text: string, known: readonly string[] = []): string[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const keys = [...new Set([...Object.keys(AUDIT_ENTITY_LABELS), ...known])];
  return keys.filter((k) => k.toLowerCase().includes(q) || auditEntityLabel(k, 'zh').toLowerCase().includes(q) || auditEntityLabel(k, 'en').toLowerCase().includes(q)).sort();
}
