/**
 * 字段名称: what a request's field is called on the screen, so a refusal reads "身份证号：校验位错误"
 * and never "idNumber: 身份证号校验位错误" (the field's key is for programs, not for people).
 * A path such as rows.3.value is named by its last known key and the row: "第 4 行 分值".
 */
const LABELS: Record<string, string> = {
  name: '姓名', idNumber: '身份证号', phone: '手机号', gender: '性别', birthDate: '出生日期', unitId: '单位', tradeId: '工种', level: '等级',
  frontLine: '一线职工', kind: '类别', code: '编号', district: '所在区县', contactName: '联系人', contactPhone: '联系电话',
  username: '用户名', login: '用户名或手机号', password: '密码', newPassword: '新密码', currentPassword: '原密码', displayName: '姓名', role: '角色',
  personId: '人员', personIds: '人员', entryId: '报名', entryIds: '报名', accountId: '账号', aspectId: '评分细则', judgeId: '裁判', value: '分值',
  newValue: '更正后分值', reason: '理由', content: '内容', examNumber: '准考证号', part: '成绩部分', startsOn: '开始日期', endsOn: '结束日期',
  venue: '比赛地点', stations: '工位数', codePrefix: '编号前缀', registrationOpensAt: '报名开始', registrationClosesAt: '报名截止', defaultQuota: '每单位名额',
  parts: '成绩构成', weight: '权重', passMark: '合格线', rules: '规则', status: '状态', version: '版本', expectedVersion: '版本', date: '日期',
  title: '标题', intro: '说明', workingDays: '工作日数', file: '文件', q: '搜索', page: '页码', pageSize: '每页条数', id: '编号', criterionCode: '评分模块',
};

export function fieldLabel(field: string): string {
  const parts = field.replace(/^(body|query|params|querystring)\.?/, '').replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  if (parts.length === 0) return '请求';
  const row = parts.find((p) => /^\d+$/.test(p));
  const named = [...parts].reverse().find((p) => LABELS[p]);
  const label = named ? LABELS[named]! : parts.filter((p) => !/^\d+$/.test(p)).at(-1) ?? field;
  return row !== undefined ? `第 ${Number(row) + 1} 行 ${label}` : label;
}

/** One issue as a sentence: the field's name, then the reason (unless the reason already names it). */
export function issueText(field: string, message: string): string {
  const label = fieldLabel(field);
  const bare = label.replace(/^第 \d+ 行 /, '');
  return message.includes(bare) && label === bare ? message : `${label}：${message}`;
}
