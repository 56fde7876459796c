import { makeIdNumber } from '../../shared/idcard.js';
import type { RubricCriterion } from '../../shared/selection/rules.js';
import type { AttendanceMethod, AttendanceStatus, CompletionRule, Curriculum, TargetGroup } from '../../shared/training/rules.js';
import {
  chineseName, DEMO_UNITS, demoPeople, demoUnitProfile, int, mulberry32, pick, randomDate, uniquePhone, weighted, workerCareer, type Rng,
} from './data.js';
import { selectionPeople } from './selection-data.js';

/**
 * The 2009 training programmes of the demo (domain brief §3): entrepreneurship training for returning
 * migrant workers (10 classes, 528 trained, one opened on 18 May in 青山镇 by three bureaus together),
 * college graduates (11 classes from 28 March, 381 trained, the graduation on 27 May with 64 business
 * plans commended) and university students (the awareness course, 300); and the new-technician
 * programme (200 a year in two batches at two colleges, 40 days, full subsidy): the first batch,
 * planned at 50 electricians and fitters, opened on 13 May with 83 at 江川技师学院; the second batch,
 * at 江川职业技术学院, is planned for the autumn. Pure and deterministic: the same plan on every start.
 */

// ── accounts, units ────────────────────────────────────────────────────────────────────────────

/** The labour bureau as the demo names it (data.ts), with the agriculture office and the finance bureau. */
export const TRAINING_ORGANIZERS = ['江川市人力资源和社会保障局', '江川市农业办公室', '江川市财政局'] as const;

export const TECHNICIAN_COLLEGE = '江川技师学院';
export const VOCATIONAL_COLLEGE = '江川职业技术学院';
/** Added by the training demo: the students of the awareness course and some of the graduates. */
export const UNIVERSITY = '江川大学';

/** Townships whose labour-security stations (乡镇劳动保障所) register the returning migrant workers. */
export const TOWNSHIPS = [
  { town: '青溪县溪口镇', district: '青溪县', regionCode: '330122' },
  { town: '临川区石门镇', district: '临川区', regionCode: '330109' },
  { town: '城东区东坞镇', district: '城东区', regionCode: '330104' },
  { town: '临川区临江镇', district: '临川区', regionCode: '330109' },
  { town: '青溪县白沙乡', district: '青溪县', regionCode: '330122' },
  { town: '青溪县青山镇', district: '青溪县', regionCode: '330122' },
] as const;
export const stationOf = (i: number) => `${TOWNSHIPS[i]!.town}劳动保障所`;

/** Units the training demo adds: the university and the township stations (people need a unit). */
export const TRAINING_UNITS: { name: string; kind: 'school' | 'department'; district: string }[] = [
  { name: UNIVERSITY, kind: 'school', district: '高新区' },
  ...TOWNSHIPS.map((t, i) => ({ name: stationOf(i), kind: 'department' as const, district: t.district })),
];

/** The accounts the training demo adds (passwords printed at start, like the other demo accounts). */
export const TRAINING_ACCOUNTS = {
  /** 培训组: the committee body that runs both programmes. */
  staff: { username: 'train01', displayName: '培训组 陈志远', password: 'Training2009demo' },
  /** 承训院校: unit accounts of the two colleges. */
  colleges: [
    { username: 'college01', unitName: TECHNICIAN_COLLEGE, password: 'College2009demo' },
    { username: 'college02', unitName: VOCATIONAL_COLLEGE, password: 'College2009demo' },
  ],
  /** 授课教师: judge accounts of the colleges. */
  teachers: [
    { username: 'teacher01', displayName: '严国栋', unitName: TECHNICIAN_COLLEGE },
    { username: 'teacher02', displayName: '蒋立军', unitName: TECHNICIAN_COLLEGE },
    { username: 'teacher03', displayName: '林慧敏', unitName: VOCATIONAL_COLLEGE },
    { username: 'teacher04', displayName: '曹海波', unitName: VOCATIONAL_COLLEGE },
  ],
  teacherPassword: 'Teacher2009demo',
  /** A first-batch new-technician trainee: full attendance, passes the appraisal. */
  trainee: { username: 'trainee01', password: 'Trainee2009demo' },
} as const;

// ── programmes ─────────────────────────────────────────────────────────────────────────────────

export type ProgrammeKey = 'entrepreneurship' | 'newTechnician';

export const TRAINING_PROGRAMMES = {
  entrepreneurship: {
    kind: 'entrepreneurship' as const, name: '2009年江川市创业培训',
    description: '面向返乡农民工、高校毕业生和在校大学生：返乡农民工和高校毕业生参加SYB（创办你的企业）或GYB（产生你的企业想法）培训，在校大学生参加创业意识培训。培训费由就业专项资金补贴。',
    plannedTrainees: 1150, plannedClasses: 26, trainingFeeYuan: 800, appraisalFeeYuan: 0,
  },
  newTechnician: {
    kind: 'new-technician' as const, name: '江川市新技师培养带动计划（2009年）',
    description: '政府、企业、院校三方联动：企业推荐本单位优秀高级工，院校脱产培训40天，政府全额补贴培训费和鉴定费，学员参加技师鉴定。全年分两期在两所院校培养200名。',
    plannedTrainees: 200, plannedClasses: 2, trainingFeeYuan: 2400, appraisalFeeYuan: 600,
  },
};

// ── the calendar ───────────────────────────────────────────────────────────────────────────────

/** 2009 public holidays (元旦, 春节, 清明, 劳动节, 端午, 国庆): no sessions. */
const HOLIDAYS = new Set([
  '2009-01-01', '2009-01-02', '2009-01-03', ...range(25, 31).map((d) => `2009-01-${d}`), '2009-04-04', '2009-04-05', '2009-04-06',
  '2009-05-01', '2009-05-02', '2009-05-03', '2009-05-28', '2009-05-29', '2009-05-30', ...range(1, 8).map((d) => `2009-10-0${d}`),
]);
function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** `count` days from `start` on which `ok` holds, skipping holidays. */
function days(start: string, count: number, ok: (weekday: number) => boolean): string[] {
  const out: string[] = [];
  for (let d = start; out.length < count; d = addDays(d, 1)) if (ok(weekday(d)) && !HOLIDAYS.has(d)) out.push(d);
  return out;
}
const notSunday = (w: number) => w !== 0;
const weekend = (w: number) => w === 0 || w === 6;

// ── classes ────────────────────────────────────────────────────────────────────────────────────

export interface DemoSession {
  day: string;
  startsAt: string;
  endsAt: string;
  room: string;
  topic: string;
  teacherName: string;
  /** A demo teacher account (teacher01…), or null for a visiting lecturer. */
  teacher: string | null;
}

export interface DemoClass {
  key: string;
  programme: ProgrammeKey;
  name: string;
  targetGroup: TargetGroup;
  curriculum: Curriculum;
  syllabus: string;
  tradeCodes: string[];
  /** The college (a school unit) by name, or null for a class held at a venue. */
  college: string | null;
  venue: string;
  organizers: string[];
  plannedStartOn: string;
  plannedEndOn: string;
  graduationOn: string | null;
  plannedSize: number;
  quota: number;
  unitQuota: number | null;
  completionRule?: CompletionRule;
  teachers: string[];
  /** Trainees enrolled (0 for a class still planned). */
  size: number;
  /** finished (all of 2009's held classes) or planned (the second new-technician batch). */
  status: 'finished' | 'planned';
  /** When the class was set up, when enrolment opened. */
  createdOn: string;
  sessions: DemoSession[];
  /** The unit the trainees come from (for employer-nominated trainees: their employers). */
  traineeUnits: string[] | 'employers';
  /** How the sessions' attendance was taken (weights per session) and how often a trainee misses one. */
  methods: readonly (readonly [AttendanceMethod, number])[];
  absence: number;
}

/** SYB 创办你的企业: the ten steps. */
const SYB_STEPS = [
  '将你作为创业者来评价', '为自己建立一个好的企业构思', '评估你的市场', '企业的人员组织', '选择一种企业法律形态',
  '法律环境和你的责任', '预测启动资金需求', '制定利润计划', '判断你的企业能否生存', '开办企业',
];
/** GYB 产生你的企业想法. */
const GYB_MODULES = ['创业意识与创业者素质', '产生企业想法', '筛选企业想法', '企业想法的市场调查', '形成最终企业想法', '制订行动计划'];
const AWARENESS = ['创业意识：创业与职业生涯', '创业者素质与创业团队', '发现创业机会', '大学生创业扶持政策与案例'];
const VISITING = ['钱卫平', '孙晓梅', '王德明', '郑丽华'];

const halfDays = (list: string[], morning: string[], afternoon: string[], room: string, teacherAt: (i: number) => [string, string | null]): DemoSession[] =>
  list.flatMap((day, i) => [
    { day, startsAt: '08:30', endsAt: '11:30', room, topic: morning[i]!, teacherName: teacherAt(i)[0], teacher: teacherAt(i)[1] },
    { day, startsAt: '14:00', endsAt: '17:00', room, topic: afternoon[i]!, teacherName: teacherAt(i)[0], teacher: teacherAt(i)[1] },
  ]);

const TEACHER_NAME = Object.fromEntries(TRAINING_ACCOUNTS.teachers.map((t) => [t.username, t.displayName])) as Record<string, string>;
const by = (username: string): [string, string] => [TEACHER_NAME[username]!, username];

/** The returning migrant workers' classes: start, curriculum, township, venue, trainees. */
const MIGRANT = [
  { start: '2009-02-16', curriculum: 'SYB', town: 0, venue: '江川市就业训练中心', size: 54 },
  { start: '2009-02-23', curriculum: 'SYB', town: 1, venue: '临川区石门镇成人文化技术学校', size: 52 },
  { start: '2009-03-09', curriculum: 'GYB', town: 2, venue: '城东区东坞镇社区服务中心', size: 56 },
  { start: '2009-03-16', curriculum: 'SYB', town: 3, venue: '临川区临江镇成人文化技术学校', size: 50 },
  { start: '2009-04-07', curriculum: 'SYB', town: 4, venue: '青溪县白沙乡人民政府会议室', size: 48 },
  { start: '2009-04-20', curriculum: 'GYB', town: 0, venue: '江川市就业训练中心', size: 55 },
  { start: '2009-05-18', curriculum: 'SYB', town: 5, venue: '青溪县青山镇文化站', size: 53 },
  { start: '2009-06-08', curriculum: 'SYB', town: 1, venue: '临川区石门镇成人文化技术学校', size: 51 },
  { start: '2009-06-22', curriculum: 'SYB', town: 3, venue: '临川区临江镇成人文化技术学校', size: 52 },
  { start: '2009-07-06', curriculum: 'GYB', town: 2, venue: '城东区东坞镇社区服务中心', size: 57 },
] as const;
/** The class opened in a rural township by the labour bureau, the agriculture office and the finance bureau. */
export const TOWNSHIP_CLASS = { key: 'migrant-07', opensOn: '2009-05-18', venue: '青溪县青山镇文化站' };

/** The graduates' classes: 11 from 28 March, two months of weekends, 381 trained, graduation on 27 May. */
export const GRADUATES = { classes: 11, startsOn: '2009-03-28', trained: 381, graduationOn: '2009-05-27', commended: 64 };
const GRADUATE_SIZES = [35, 35, 34, 35, 34, 35, 34, 35, 34, 35, 35];
const GRADUATE_COLLEGES = [VOCATIONAL_COLLEGE, VOCATIONAL_COLLEGE, VOCATIONAL_COLLEGE, VOCATIONAL_COLLEGE, VOCATIONAL_COLLEGE, VOCATIONAL_COLLEGE,
  '江川机电职业技术学院', '江川机电职业技术学院', '江川机电职业技术学院', UNIVERSITY, UNIVERSITY];

/** The awareness course: 300 university students in five evening classes. */
export const STUDENTS = { classes: 5, trained: 300 };
const STUDENT_STARTS = ['2009-04-13', '2009-04-20', '2009-05-11', '2009-05-18', '2009-06-01'];

/** The new-technician programme: 200 a year in two batches of 40 days; the first planned at 50, opened with 83. */
export const NEW_TECHNICIANS = {
  target: 200, batches: 2, days: 40, firstPlanned: 50, firstEnrolled: 83, firstOpensOn: '2009-05-13',
  electricians: 46, fitters: 37, trainingFeeYuan: 2400, appraisalFeeYuan: 600, unitQuota: 10, appraisedOn: '2009-07-04',
};

const ELECTRICIAN_DAYS = ['电工基础与安全规程', '电子技术', '电力拖动控制线路', '变频器原理与应用', 'PLC编程与应用', '供配电系统', '电气设备故障诊断', '电气图识读与设计'];
const FITTER_DAYS = ['机械制图与公差配合', '金属材料与热处理', '精密测量技术', '复杂零件划线与加工', '精密装配与调试', '液压与气动', '设备故障诊断与维修', '工装夹具设计'];
const COMMON_DAYS = ['技师职业道德与质量管理', '技术论文写作与答辩', '培训指导与传授技艺', '生产管理与新技术'];

function technicianSessions(start: string): DemoSession[] {
  const list = days(start, NEW_TECHNICIANS.days, notSunday);
  return list.map((day, i) => {
    const week = Math.floor(i / 6);
    const common = i % 6 === 5;
    const topic = i === list.length - 1 ? '综合复习与鉴定考前辅导'
      : common ? COMMON_DAYS[week % COMMON_DAYS.length]!
        : `维修电工：${ELECTRICIAN_DAYS[(i + week) % ELECTRICIAN_DAYS.length]}；钳工：${FITTER_DAYS[(i + week) % FITTER_DAYS.length]}`;
    const [teacherName, teacher] = common ? ['徐建英', null] : by(i % 2 ? 'teacher02' : 'teacher01');
    return { day, startsAt: '08:30', endsAt: '16:30', room: common ? '实训楼阶梯教室' : '电工实训车间、钳工实训车间', topic, teacherName, teacher };
  });
}

/** Every class of both programmes, in the order they were set up. */
export function demoTrainingClasses(): DemoClass[] {
  const out: DemoClass[] = [];
  MIGRANT.forEach((m, i) => {
    const syb = m.curriculum === 'SYB';
    const list = days(m.start, syb ? 10 : 3, notSunday);
    const town = TOWNSHIPS[m.town]!.town;
    const township = i === 6;
    const teacherAt = (d: number): [string, string | null] => (d % 3 === 2 ? [VISITING[(i + d) % VISITING.length]!, null] : by(i % 2 ? 'teacher04' : 'teacher03'));
    const sessions = syb
      ? halfDays(list, SYB_STEPS.map((s, k) => `SYB第${k + 1}步：${s}`), SYB_STEPS.map((_, k) => (k === 9 ? '创业计划书撰写与点评' : '案例讨论与练习')), '培训教室', teacherAt)
      : halfDays(list, GYB_MODULES.filter((_, k) => k % 2 === 0).map((s) => `GYB：${s}`), GYB_MODULES.filter((_, k) => k % 2 === 1).map((s) => `GYB：${s}`), '培训教室', teacherAt);
    out.push({
      key: `migrant-${String(i + 1).padStart(2, '0')}`, programme: 'entrepreneurship',
      name: `返乡农民工创业培训第${i + 1}期（${m.curriculum}·${town}）`, targetGroup: 'migrant-workers', curriculum: m.curriculum,
      syllabus: syb ? `SYB创办你的企业十步：${SYB_STEPS.join('；')}。结业须提交创业计划书。` : `GYB产生你的企业想法：${GYB_MODULES.join('；')}。`,
      tradeCodes: [], college: null, venue: m.venue,
      organizers: township ? [...TRAINING_ORGANIZERS] : [TRAINING_ORGANIZERS[0], `${town}人民政府`],
      plannedStartOn: m.start, plannedEndOn: list.at(-1)!, graduationOn: null, plannedSize: 50, quota: 60, unitQuota: null,
      completionRule: syb ? undefined : { minAttendancePct: 80, businessPlanRequired: false, appraisalRequired: false },
      teachers: [i % 2 ? 'teacher04' : 'teacher03'], size: m.size, status: 'finished', createdOn: addDays(m.start, -21), sessions,
      traineeUnits: [stationOf(m.town)], methods: township ? [['sheet', 1]] : [['sheet', 50], ['roster', 35], ['qr', 15]], absence: 0.04,
    });
  });
  GRADUATE_SIZES.forEach((size, i) => {
    const list = days(GRADUATES.startsOn, 14, weekend);
    const topics = [...SYB_STEPS.map((s, k) => `SYB第${k + 1}步：${s}`), '创业计划书撰写（一）', '创业计划书撰写（二）', '企业参观与创业者座谈', '创业计划书答辩'];
    const college = GRADUATE_COLLEGES[i]!;
    const teacher = college === VOCATIONAL_COLLEGE ? (i % 2 ? 'teacher04' : 'teacher03') : null;
    out.push({
      key: `graduates-${String(i + 1).padStart(2, '0')}`, programme: 'entrepreneurship',
      name: `高校毕业生创业培训班第${i + 1}期（SYB）`, targetGroup: 'graduates', curriculum: 'SYB',
      syllabus: `SYB创办你的企业十步，每周六、周日授课，两个月；结业须提交创业计划书，优秀计划书在结业典礼上表彰。`,
      tradeCodes: [], college, venue: `${college}创业培训教室`, organizers: [TRAINING_ORGANIZERS[0], '江川市教育局', '共青团江川市委员会'],
      plannedStartOn: GRADUATES.startsOn, plannedEndOn: GRADUATES.graduationOn, graduationOn: GRADUATES.graduationOn, plannedSize: 35, quota: 40, unitQuota: null,
      teachers: teacher ? [teacher] : [], size, status: 'finished', createdOn: '2009-03-06',
      sessions: list.map((day, k) => ({
        day, startsAt: '09:00', endsAt: '16:30', room: `创业培训教室${(i % 4) + 1}`, topic: topics[k]!,
        ...(teacher && k % 4 !== 3 ? { teacherName: TEACHER_NAME[teacher]!, teacher } : { teacherName: VISITING[(i + k) % VISITING.length]!, teacher: null }),
      })),
      traineeUnits: [college], methods: [['qr', 60], ['roster', 30], ['sheet', 10]], absence: 0.04,
    });
  });
  STUDENT_STARTS.forEach((start, i) => {
    const list = days(start, 4, (w) => w >= 1 && w <= 4);
    out.push({
      key: `students-${i + 1}`, programme: 'entrepreneurship', name: `大学生创业意识培训第${i + 1}期`, targetGroup: 'students', curriculum: 'awareness',
      syllabus: AWARENESS.join('；'), tradeCodes: [], college: UNIVERSITY, venue: `${UNIVERSITY}学术报告厅`, organizers: [TRAINING_ORGANIZERS[0], UNIVERSITY],
      plannedStartOn: start, plannedEndOn: list.at(-1)!, graduationOn: null, plannedSize: 60, quota: 80, unitQuota: null, teachers: ['teacher03'],
      size: 60, status: 'finished', createdOn: addDays(start, -14),
      sessions: list.map((day, k) => ({ day, startsAt: '19:00', endsAt: '21:00', room: '学术报告厅', topic: AWARENESS[k]!, ...(k % 2 ? { teacherName: TEACHER_NAME.teacher03!, teacher: 'teacher03' } : { teacherName: VISITING[k]!, teacher: null }) })),
      traineeUnits: [UNIVERSITY], methods: [['qr', 50], ['sheet', 50]], absence: 0.015,
    });
  });
  const first = technicianSessions(NEW_TECHNICIANS.firstOpensOn);
  out.push({
    key: 'new-technicians-1', programme: 'newTechnician', name: '新技师培养带动计划首期培训班（维修电工、钳工）', targetGroup: 'new-technicians', curriculum: 'syllabus',
    syllabus: `脱产培训${NEW_TECHNICIANS.days}天。维修电工（技师）：${ELECTRICIAN_DAYS.join('、')}；工具钳工（技师）：${FITTER_DAYS.join('、')}；公共课：${COMMON_DAYS.join('、')}。结业后参加技师鉴定（理论、实操）。`,
    tradeCodes: ['T02', 'T03'], college: TECHNICIAN_COLLEGE, venue: `${TECHNICIAN_COLLEGE}实训中心`, organizers: [TRAINING_ORGANIZERS[0], TRAINING_ORGANIZERS[2]],
    plannedStartOn: NEW_TECHNICIANS.firstOpensOn, plannedEndOn: first.at(-1)!.day, graduationOn: null, plannedSize: NEW_TECHNICIANS.firstPlanned, quota: 90,
    unitQuota: NEW_TECHNICIANS.unitQuota, teachers: ['teacher01', 'teacher02'], size: NEW_TECHNICIANS.firstEnrolled, status: 'finished', createdOn: '2009-04-20',
    sessions: first, traineeUnits: 'employers', methods: [['qr', 70], ['roster', 20], ['sheet', 10]], absence: 0.02,
  });
  const second = technicianSessions('2009-10-12');
  out.push({
    key: 'new-technicians-2', programme: 'newTechnician', name: '新技师培养带动计划第二期培训班', targetGroup: 'new-technicians', curriculum: 'syllabus',
    syllabus: `脱产培训${NEW_TECHNICIANS.days}天，工种按企业推荐情况确定。`, tradeCodes: ['T01', 'T02', 'T03', 'T04'], college: VOCATIONAL_COLLEGE,
    venue: `${VOCATIONAL_COLLEGE}实训中心`, organizers: [TRAINING_ORGANIZERS[0], TRAINING_ORGANIZERS[2]], plannedStartOn: '2009-10-12', plannedEndOn: second.at(-1)!.day,
    graduationOn: null, plannedSize: NEW_TECHNICIANS.target / NEW_TECHNICIANS.batches, quota: 120, unitQuota: NEW_TECHNICIANS.unitQuota,
    teachers: ['teacher03', 'teacher04'], size: 0, status: 'planned', createdOn: '2009-07-15', sessions: [], traineeUnits: 'employers', methods: [], absence: 0,
  });
  return out.sort((a, b) => a.createdOn.localeCompare(b.createdOn));
}

// ── trainees ───────────────────────────────────────────────────────────────────────────────────

export interface TrainingPerson {
  classKey: string;
  name: string;
  gender: 'M' | 'F';
  idNumber: string;
  phone: string;
  /** The unit by name: a township station, a college, or (new technicians) the employer. */
  unitName: string;
  tradeCode: string | null;
  level: number | null;
  frontLine: boolean;
  yearsInTrade: number | null;
  qualifications: { level: number; tradeCode: string; obtainedOn: string; source: string }[];
}

const SEED = 0x20090513;

/** The trainees, class by class (demoTrainingClasses order), each a new person in the registry. */
export function trainingPeople(taken?: { ids: Iterable<string>; phones: Iterable<string> }): TrainingPerson[] {
  const existing = taken ?? (() => {
    const all = [...demoPeople(), ...selectionPeople()];
    return { ids: all.map((p) => p.idNumber), phones: [...all.map((p) => p.phone), ...DEMO_UNITS.map((u) => u.contactPhone)] };
  })();
  const ids = new Set(existing.ids);
  const phones = new Set(existing.phones);
  const rng = mulberry32(SEED);
  const idOf = (region: string, birth: string, gender: 'M' | 'F') => {
    let seq = int(rng, 0, 499) * 2 + (gender === 'M' ? 1 : 0);
    let id = makeIdNumber(region, birth, seq, gender);
    while (ids.has(id)) {
      seq = (seq + 2) % 1000;
      id = makeIdNumber(region, birth, seq, gender);
    }
    ids.add(id);
    return id;
  };
  const out: TrainingPerson[] = [];
  for (const c of demoTrainingClasses()) {
    if (c.size === 0) continue;
    if (c.traineeUnits === 'employers') {
      out.push(...technicianTrainees(rng, c.key, idOf, phones));
      continue;
    }
    const [from, to, female] = c.targetGroup === 'migrant-workers' ? [1965, 1988, 0.3] : c.targetGroup === 'graduates' ? [1984, 1988, 0.45] : [1987, 1990, 0.5];
    const town = TOWNSHIPS.find((t) => c.traineeUnits[0] === `${t.town}劳动保障所`);
    for (let n = 0; n < c.size; n++) {
      const gender: 'M' | 'F' = rng() < female ? 'F' : 'M';
      const region = town && rng() < 0.85 ? town.regionCode : pick(rng, ['330102', '330103', '330104', '330108', '330109', '330122', '341221', '412724', '511321']);
      out.push({
        classKey: c.key, name: chineseName(rng, gender), gender, idNumber: idOf(region, randomDate(rng, int(rng, from, to)), gender), phone: uniquePhone(rng, phones),
        unitName: c.traineeUnits[0]!, tradeCode: null, level: null, frontLine: false, yearsInTrade: null, qualifications: [],
      });
    }
  }
  return out;
}

/** The first batch: 高级工 (level 3) electricians and fitters of the enterprises, nominated by their employers. */
function technicianTrainees(rng: Rng, classKey: string, idOf: (region: string, birth: string, gender: 'M' | 'F') => string, phones: Set<string>): TrainingPerson[] {
  const employers = (profiles: string[]) => DEMO_UNITS.flatMap((u, i) => (u.kind === 'enterprise' && profiles.includes(demoUnitProfile(i)) ? [u.name] : []));
  const groups = [
    { tradeCode: 'T02', count: NEW_TECHNICIANS.electricians, units: employers(['electric', 'process']) },
    { tradeCode: 'T03', count: NEW_TECHNICIANS.fitters, units: employers(['tooling', 'machining']) },
  ];
  const perUnit = new Map<string, number>();
  const out: TrainingPerson[] = [];
  for (const g of groups) {
    for (let n = 0; n < g.count; n++) {
      let unitName = pick(rng, g.units);
      while ((perUnit.get(unitName) ?? 0) >= NEW_TECHNICIANS.unitQuota - 2) unitName = pick(rng, g.units);
      perUnit.set(unitName, (perUnit.get(unitName) ?? 0) + 1);
      const gender: 'M' | 'F' = rng() < 0.06 ? 'F' : 'M';
      let career = workerCareer(rng, int(rng, 1970, 1982), g.tradeCode);
      for (let k = 0; k < 200 && career.level !== 3; k++) career = workerCareer(rng, int(rng, 1966, 1982), g.tradeCode);
      if (career.level !== 3) throw new Error('the demo found no 高级工 career');
      const birthYear = 2009 - career.yearsInTrade - int(rng, 18, 21);
      out.push({
        classKey, name: chineseName(rng, gender), gender, idNumber: idOf(pick(rng, ['330102', '330103', '330104', '330108', '330109']), randomDate(rng, birthYear), gender),
        phone: uniquePhone(rng, phones), unitName, tradeCode: g.tradeCode, level: 3, frontLine: true, yearsInTrade: career.yearsInTrade,
        qualifications: career.qualifications,
      });
    }
  }
  return out;
}

/** 准考证号 of the first batch's trainees (index within the class). */
export const examNumberOf = (i: number) => `JS0901${String(i + 1).padStart(3, '0')}`;

// ── attendance ─────────────────────────────────────────────────────────────────────────────────

/** First-batch trainees (by index) who missed a fortnight: under 80 %, so out of completion and the subsidy. */
export const LOW_ATTENDANCE = [7, 19, 33, 52, 71];

export interface DemoAttendance {
  status: AttendanceStatus;
  method: AttendanceMethod;
  /** Minutes after the session's start (QR and roster), or the day after (sheets keyed back). */
  minutes: number;
}

/**
 * A class's attendance, session by session (rows: sessions; columns: trainees). A session is taken
 * by QR, roster or a paper sheet; in a QR session the teacher marks the absent and a trainee without
 * a phone by roster. trainee01 (first batch, index 0) attends everything.
 */
export function classAttendance(c: DemoClass): DemoAttendance[][] {
  const rng = mulberry32(SEED ^ hash(c.key));
  const low = new Set(c.traineeUnits === 'employers' ? LOW_ATTENDANCE : [0, 1, 2].map(() => int(rng, 1, c.size - 1)).filter(() => rng() < 0.5));
  const missed = new Map([...low].map((t) => [t, new Set(Array.from({ length: Math.ceil(c.sessions.length * (0.25 + rng() * 0.1)) }, () => int(rng, 0, c.sessions.length - 1)))]));
  return c.sessions.map((_, s) => {
    const method = weighted(rng, c.methods);
    return Array.from({ length: c.size }, (_, t) => {
      const r = rng();
      const status: AttendanceStatus = c.traineeUnits === 'employers' && t === 0 ? 'present'
        : missed.get(t)?.has(s) ? (r < 0.3 ? 'excused' : 'absent')
          : r < c.absence ? 'absent' : r < c.absence * 1.4 ? 'excused' : r < c.absence * 1.4 + 0.05 ? 'late' : 'present';
      const away = status === 'absent' || status === 'excused';
      const m: AttendanceMethod = method === 'qr' && (away || rng() < 0.04) ? 'roster' : method;
      return { status, method: m, minutes: status === 'late' ? int(rng, 12, 35) : m === 'qr' ? int(rng, -10, 4) : 10 };
    });
  });
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

// ── business plans ─────────────────────────────────────────────────────────────────────────────

const RURAL_IDEAS = [
  '生态土鸡养殖场', '高山茶叶加工坊', '农家乐餐饮', '蔬菜大棚种植', '食用菌栽培基地', '竹编工艺品作坊', '农资连锁店', '淡水鱼养殖', '农机维修店',
  '乡村快递代办点', '土特产网上商店', '家电维修部', '生猪养殖场', '花卉苗木基地', '豆制品加工坊', '山核桃炒货店', '小型建材店', '乡村超市',
];
const GRADUATE_IDEAS = [
  '大学生创意设计工作室', '校园快餐配送', '少儿英语培训中心', '电脑组装与维修店', '网络代购店', '婚庆策划工作室', '摄影工作室', '家教中介服务',
  '手机配件专卖店', '休闲奶茶店', '绿色果蔬配送', '广告制作公司', '动漫周边网店', '旅游线路策划', '软件外包工作室', '健身俱乐部', '干洗店',
  '宠物用品店', '社区养老服务站', '二手书店',
];

export interface DemoBusinessPlan {
  classKey: string;
  /** The trainee's index within the class. */
  trainee: number;
  title: string;
  summary: string;
  /** The business-plan panel's score (graduates' plans only; the panel assessed them). */
  score: number | null;
  commended: boolean;
}

/**
 * The business plans: every SYB trainee (migrant workers and graduates) submits one, but for a few
 * in each class; the graduates' plans are scored by the panel and the best 64 commended at the
 * graduation on 27 May (GRADUATES.graduationOn).
 */
export function demoBusinessPlans(classes = demoTrainingClasses()): DemoBusinessPlan[] {
  const rng = mulberry32(SEED + 7);
  const out: DemoBusinessPlan[] = [];
  for (const c of classes) {
    if (c.curriculum !== 'SYB') continue;
    const graduates = c.targetGroup === 'graduates';
    const ideas = graduates ? GRADUATE_IDEAS : RURAL_IDEAS;
    const place = graduates ? '' : (c.traineeUnits as string[])[0]!.slice(3).replace('劳动保障所', '');
    for (let t = 0; t < c.size; t++) {
      if (rng() < 0.025) continue; // did not hand one in
      const idea = pick(rng, ideas);
      const score = graduates ? Math.round((62 + 30 * (rng() + rng() + rng()) / 3 + t * 0.001) * 100) / 100 : null;
      out.push({ classKey: c.key, trainee: t, title: `${place}${idea}创业计划书`, summary: `拟投资${int(rng, 2, 30)}万元开办${idea}，预计带动就业${int(rng, 2, 12)}人。`, score, commended: false });
    }
  }
  const ranked = out.filter((p) => p.score != null).sort((a, b) => b.score! - a.score!);
  for (const p of ranked.slice(0, GRADUATES.commended)) p.commended = true;
  return out;
}

/** 创业计划书评审组: the panel that scored the graduates' plans (marks are the stub's to write). */
export const DEMO_PLAN_PANEL: { name: string; members: { username: string; chair: boolean }[]; rubric: RubricCriterion[]; commendCount: number } = {
  name: '2009年高校毕业生创业计划书评审组',
  members: [
    { username: 'teacher03', chair: true }, { username: 'teacher04', chair: false }, { username: 'expert05', chair: false },
    { username: 'expert08', chair: false }, { username: 'expert11', chair: false },
  ],
  rubric: [
    { code: 'IDEA', name: '企业构思与市场分析', weight: 30, kind: 'points', max: 30 },
    { code: 'FIN', name: '启动资金与利润计划', weight: 30, kind: 'points', max: 30 },
    { code: 'ORG', name: '人员组织与法律形态', weight: 20, kind: 'points', max: 20 },
    { code: 'FEAS', name: '可行性与带动就业', weight: 20, kind: 'points', max: 20 },
  ],
  commendCount: GRADUATES.commended,
};

// ── appraisal, subsidy ─────────────────────────────────────────────────────────────────────────

export interface DemoAppraisal {
  examNumber: string;
  /** The trainee's index within the first batch. */
  trainee: number;
  theory: number | null;
  practical: number | null;
  absent: boolean;
  passed: boolean;
}

/** 技师鉴定 of the first batch (4 July 2009): theory and practical, 60 to pass each; most pass. */
export function demoAppraisals(): DemoAppraisal[] {
  const rng = mulberry32(SEED + 11);
  return Array.from({ length: NEW_TECHNICIANS.firstEnrolled }, (_, t) => {
    const absent = t === LOW_ATTENDANCE[1] || t === LOW_ATTENDANCE[3];
    if (absent) return { examNumber: examNumberOf(t), trainee: t, theory: null, practical: null, absent, passed: false };
    const ability = t === 0 ? 0.85 : LOW_ATTENDANCE.includes(t) ? 0.58 : 0.62 + rng() * 0.3;
    const theory = Math.round(Math.min(98, 100 * ability + (rng() - 0.5) * 16) * 2) / 2;
    const practical = Math.round(Math.min(98, 100 * ability + (rng() - 0.5) * 12) * 2) / 2;
    return { examNumber: examNumberOf(t), trainee: t, theory, practical, absent, passed: theory >= 60 && practical >= 60 };
  });
}

/** The first batch's subsidy claim: computed by the college, submitted, approved by the finance bureau. */
export const DEMO_SUBSIDY_CLAIM = {
  classKey: 'new-technicians-1', college: 'college01', computedOn: '2009-07-10', submittedOn: '2009-07-10', reviewer: 'finance01',
  reviewedOn: '2009-07-17', status: 'approved' as const,
};

/** How many people the training demo adds to the registry (528 + 381 + 300 + 83). */
export const TRAINING_PEOPLE_COUNT = MIGRANT.reduce((a, m) => a + m.size, 0) + GRADUATES.trained + STUDENTS.trained + NEW_TECHNICIANS.firstEnrolled;
