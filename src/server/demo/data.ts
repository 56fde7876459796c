/**
 * Demo data: the 2009 Skills Month (技能月) of the fictional city 江川市.
 *
 * Pure data and pure deterministic generators. No I/O, no clock, no Math.random: every value comes
 * from constants or from a seeded PRNG (mulberry32) created afresh on each call, so the output is
 * byte-identical on every run and on every machine.
 *
 * The campaign facts (dates, scale, targets) follow the seed summary described in the domain brief;
 * names of the city, units and people are invented.
 */
import { makeIdNumber } from '../../shared/idcard.js';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

/** An integer in [min, max], both inclusive. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Picks an item with probability proportional to its weight. */
export function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function randomDate(rng: Rng, year: number, months: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]): string {
  const m = pick(rng, months);
  const d = int(rng, 1, daysInMonth(year, m));
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

// ---------------------------------------------------------------------------------------------
// Names and phones
// ---------------------------------------------------------------------------------------------

/** Common surnames with rough relative frequencies (王, 李, 张 … most common). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 54], ['陈', 48], ['杨', 33], ['黄', 24], ['赵', 22], ['吴', 21],
  ['周', 20], ['徐', 17], ['孙', 16], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['高', 11],
  ['林', 11], ['罗', 10], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 7], ['韩', 7],
  ['冯', 7], ['邓', 7], ['曹', 6], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5],
  ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4],
  ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3],
  ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3],
  ['夏', 3], ['韦', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2], ['邱', 2],
  ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 2],
  ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2], ['钱', 2],
  ['严', 2], ['戴', 2], ['莫', 1], ['孔', 1], ['汤', 1], ['欧阳', 1], ['上官', 0.3],
];

/** Given names common in the generation born 1960–1991. */
const MALE_GIVEN_DOUBLE = [
  '建国', '建华', '建军', '建平', '建新', '建明', '建峰', '国强', '国华', '国平', '国庆', '国栋', '卫东', '卫国', '卫平',
  '志强', '志刚', '志明', '志勇', '志华', '永强', '永刚', '永明', '永生', '海涛', '海波', '海峰', '海军', '红军', '晓明',
  '晓东', '晓峰', '晓军', '小军', '小明', '小平', '小龙', '文斌', '文杰', '文华', '俊杰', '俊峰', '鹏飞', '云飞', '春生',
  '春雷', '德明', '德华', '德胜', '金龙', '金华', '学军', '学文', '振华', '振宇', '庆华', '立新', '立军', '新华', '新民',
  '明辉', '明亮', '伟东', '伟强', '伟华', '伟民', '世杰', '光明', '光辉', '林峰', '东升', '东明', '荣华', '长青', '宏伟',
  '宏亮', '建波', '建斌', '亚军', '利民', '玉林', '中华', '少华', '铁军', '家明', '志军', '国良', '海龙', '成林', '正阳',
];
const MALE_GIVEN_SINGLE = [
  '伟', '强', '军', '勇', '杰', '涛', '斌', '波', '刚', '辉', '峰', '磊', '鹏', '浩', '宇', '超', '亮', '飞', '龙', '兵',
  '健', '凯', '毅', '锋', '洋', '鑫', '帅', '平', '明', '华', '林', '彬', '俊', '松',
];
const FEMALE_GIVEN_DOUBLE = [
  '丽娟', '丽华', '丽萍', '秀英', '秀兰', '秀珍', '桂英', '桂兰', '玉兰', '玉梅', '红梅', '红霞', '海燕', '晓燕', '晓丽',
  '晓红', '小红', '小燕', '春燕', '春梅', '艳红', '艳玲', '雪梅', '雪芳', '美玲', '美华', '慧敏', '婷婷', '丹丹', '文静',
  '海霞', '彩霞', '建英', '淑珍', '淑芬', '凤英', '金凤', '翠兰', '丽丽', '莉莉', '芳芳', '晓梅', '亚萍', '立红', '素芬',
];
const FEMALE_GIVEN_SINGLE = [
  '芳', '丽', '娟', '敏', '静', '燕', '艳', '霞', '玲', '萍', '英', '慧', '琳', '婷', '雪', '梅', '洁', '琴', '颖', '莉',
  '倩', '晶', '丹', '红',
];

export function chineseName(rng: Rng, gender: 'M' | 'F'): string {
  const surname = weighted(rng, SURNAMES);
  // Roughly a third of this generation has a one-character given name.
  const single = rng() < 0.32;
  if (gender === 'M') return surname + pick(rng, single ? MALE_GIVEN_SINGLE : MALE_GIVEN_DOUBLE);
  return surname + pick(rng, single ? FEMALE_GIVEN_SINGLE : FEMALE_GIVEN_DOUBLE);
}

/** Mobile prefixes in use in 2009 (China Mobile, Unicom, Telecom). */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159', '187', '188', '189',
];

export function uniquePhone(rng: Rng, used: Set<string>): string {
  for (;;) {
    const phone = pick(rng, MOBILE_PREFIXES) + String(int(rng, 0, 99_999_999)).padStart(8, '0');
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The campaign
// ---------------------------------------------------------------------------------------------

const CITY = '江川市';
const BUREAU = '江川市人力资源和社会保障局';

const COMMITTEE_BODIES: { key: 'office' | 'publicity' | 'supervision' | 'competition' | 'expertReview'; name: string; duties: string }[] = [
  {
    key: 'office',
    name: '组委会办公室',
    duties: '设在市人力资源和社会保障局职业能力建设处，负责技能月活动的总体组织协调、实施方案制定、日常调度、信息汇总和活动总结上报。',
  },
  {
    key: 'publicity',
    name: '宣传策划部',
    duties: '负责活动宣传策划和新闻报道，组织技能大师巡回演讲和技能人才风采板报巡展，协调广播电视、报刊等媒体开展系列宣传。',
  },
  {
    key: 'supervision',
    name: '活动督导部',
    duties: '负责督促检查各地区、各单位活动开展情况，汇总基层技能活动进展，定期通报，确保各项活动按计划落实。',
  },
  {
    key: 'competition',
    name: '技能竞赛组委会',
    duties: '负责职业技能大赛的竞赛规程制定、命题、场地设备、裁判选聘、赛事组织、成绩审核与公示。',
  },
  {
    key: 'expertReview',
    name: '技术能手评审委员会',
    duties: '负责技术能手推荐材料审核、考试组织、复试面试和综合评审，审定拟表彰人员名单。',
  },
];

/** The six content areas of the plan; every activity's `area` is one of these. */
const AREAS = {
  publicity: '开展技能宣传活动',
  training: '开展职业技能培训',
  commend: '表彰奖励高技能人才',
  competition: '举办职业技能竞赛',
  appraisal: '推进职业技能鉴定',
  policy: '完善技能人才政策',
} as const;

const COMPETITION_TRADE_NAMES = '车工、维修电工、工具钳工、焊工';

type DemoActivity = {
  key: string;
  name: string;
  area: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  venue: string | null;
  target: string | null;
  description: string;
};

const ACTIVITIES: DemoActivity[] = [
  {
    key: 'launch',
    name: '2009年技能月活动启动仪式',
    area: AREAS.publicity,
    plannedStart: '2009-05-06',
    plannedEnd: '2009-05-06',
    venue: '江川市人民广场',
    target: null,
    description:
      '2009年5月6日15:00在江川市人民广场举行技能月活动启动仪式。市领导、九家主办单位负责人，企业、职业院校和技能人才代表出席；' +
      '仪式上宣读活动通知，技能大师代表发言，现场展出技能人才风采板报，并进行技能展示。',
  },
  {
    key: 'lectureTour',
    name: '技能大师巡回演讲',
    area: AREAS.publicity,
    plannedStart: '2009-04-28',
    plannedEnd: '2009-05-19',
    venue: '各职业院校、企业',
    target: '市级技能大师10名、省级技能大师2名；进院校演讲5场，进企业演讲11场',
    description:
      '组织10名市级技能大师和2名省级技能大师组成报告团，讲述从普通工人成长为技能大师的经历。' +
      '4月28日至5月7日走进职业院校演讲5场，5月7日至5月19日走进企业演讲11场。',
  },
  {
    key: 'posterTour',
    name: '技能人才风采板报巡展',
    area: AREAS.publicity,
    plannedStart: '2009-05-01',
    plannedEnd: '2009-05-31',
    venue: '启动仪式现场、巡回演讲会场、技能大赛赛场等',
    target: '板报13块（企业5块、职业院校5块、局属部门3块）',
    description:
      '由企业、职业院校和局属部门制作技能人才风采板报，展示高技能人才事迹、校企合作和技能培训成果，' +
      '5月份在启动仪式、巡回演讲、技能大赛等活动现场巡回展出。',
  },
  {
    key: 'competition',
    name: '江川市2009年职业技能大赛',
    area: AREAS.competition,
    plannedStart: '2009-05-22',
    plannedEnd: '2009-05-24',
    venue: '江川技师学院实训中心',
    target: `参赛选手980名（企业35家、职业院校14所）；竞赛工种：${COMPETITION_TRADE_NAMES}`,
    description:
      `设${COMPETITION_TRADE_NAMES}四个工种，各工种均进行理论知识考试和操作技能考核。各工种前6名予以表彰；` +
      '各工种第一名晋升技师职业资格，并授予“江川市技术能手”称号；理论知识考试和操作技能考核均合格者，核发高级工职业资格证书。',
  },
  {
    key: 'expertSelection',
    name: '江川市技术能手评选',
    area: AREAS.commend,
    plannedStart: '2009-05-01',
    plannedEnd: '2009-05-31',
    venue: null,
    target: '考试成绩前200名公示，经复试、面试答辩产生前50名、前20名；表彰技术能手20名，每人奖励2000元',
    description:
      '按照“广泛推荐、集中考试、综合评审”的办法，通过单位推荐、地区推荐、行业推荐、社会推荐和个人自荐五种渠道推荐候选人，' +
      '组织理论和操作技能考试，经材料评审、复试和面试答辩，评选出20名江川市技术能手，由市政府予以表彰。' +
      '获表彰的高级工晋升技师，技师可破格参加高级技师考评。',
  },
  {
    key: 'training',
    name: '创业培训和新技师培养带动计划',
    area: AREAS.training,
    plannedStart: '2009-05-01',
    plannedEnd: '2009-06-30',
    venue: '江川技师学院、江川机电职业技术学院',
    target: '新技师培养带动计划分两期培养200名，首期50名（维修电工、钳工），脱产培训40天',
    description:
      '面向返乡农民工、高校毕业生开展创业培训，在职业院校开设创业意识培训课程。' +
      '实施新技师培养带动计划：由企业推荐优秀高级工，在两所院校脱产培训40天，培训和鉴定费用由政府全额承担，' +
      '学员结业后参加省级技师鉴定，申报技师职业资格。',
  },
];

const NOTICE_BODY = [
  '各区、县（市）人力资源和社会保障局、委宣传部、总工会、经委、财政局、团委、广电局，市直各有关单位，各职业院校：',
  '',
  '为深入贯彻落实中共中央办公厅、国务院办公厅《关于进一步加强高技能人才工作的意见》精神，大力营造“尊重劳动、崇尚技能、鼓励创造”的社会氛围，' +
    '引导广大劳动者特别是青年学习技能、钻研技能，经市人民政府同意，市人力资源和社会保障局、市委人才办、市委宣传部、市总工会、市经委、市财政局、团市委、市广电局、' +
    '江川日报社决定，于2009年5月在全市组织开展以“技能创造财富，技能改变人生”为主题的技能月活动。现将有关事项通知如下：',
  '',
  '一、活动时间',
  '2009年5月1日至5月31日。',
  '',
  '二、组织领导',
  '成立江川市2009年技能月活动组织委员会。组委会下设办公室（设在市人力资源和社会保障局职业能力建设处）、宣传策划部、活动督导部、技能竞赛组委会和技术能手评审委员会，具体负责各项活动的组织实施。',
  '',
  '三、主要活动',
  '（一）5月6日15:00举行技能月活动启动仪式。',
  '（二）4月28日至5月19日组织技能大师巡回演讲，走进职业院校和企业。',
  '（三）5月份在全市开展技能人才风采板报巡展。',
  `（四）5月22日至24日举办江川市2009年职业技能大赛，设${COMPETITION_TRADE_NAMES}等工种。`,
  '（五）开展江川市技术能手评选表彰活动。',
  '（六）实施创业培训和新技师培养带动计划。',
  '',
  '四、工作要求',
  '各地区、各单位要高度重视，加强领导，结合实际制定本地区、本单位的活动方案，广泛开展形式多样的基层技能活动，认真做好参赛选手和技术能手候选人的推荐工作。' +
    '请于5月15日前将本单位活动开展情况报组委会办公室，活动结束后于6月5日前报送书面总结。',
  '',
  '附件：江川市2009年技能月活动实施方案',
  '',
  BUREAU,
  '二〇〇九年四月二十日',
].join('\n');

const PLAN_BODY = [
  '一、指导思想',
  '以科学发展观为指导，认真贯彻落实全国和全省人才工作会议精神，围绕全市经济社会发展大局，以提升劳动者职业技能为核心，以高技能人才队伍建设为重点，' +
    '通过集中开展宣传、培训、竞赛、鉴定、表彰等系列活动，在全社会营造尊重劳动、崇尚技能、鼓励创造的良好氛围。',
  '',
  '二、活动主题',
  '技能创造财富，技能改变人生。',
  '',
  '三、活动时间',
  '2009年5月1日至5月31日。',
  '',
  '四、组织机构',
  `主办单位：${BUREAU}、中共江川市委人才工作领导小组办公室、中共江川市委宣传部、江川市总工会、江川市经济委员会、江川市财政局、共青团江川市委员会、江川市广播电视局、江川日报社。`,
  '活动设组织委员会，下设：',
  ...COMMITTEE_BODIES.map((b, i) => `${i + 1}. ${b.name}：${b.duties}`),
  '',
  '五、活动内容',
  `（一）${AREAS.publicity}。充分利用广播、电视、报刊和网络，宣传技能人才的先进事迹和技能成才的典型，组织技能大师巡回演讲和风采板报巡展。`,
  `（二）${AREAS.training}。开展创业培训，实施新技师培养带动计划，组织企业职工岗位技能提升培训。`,
  `（三）${AREAS.commend}。评选表彰江川市技术能手，发挥高技能人才的示范带动作用。`,
  `（四）${AREAS.competition}。举办全市职业技能大赛，鼓励企业、院校开展岗位练兵和技术比武。`,
  `（五）${AREAS.appraisal}。组织企业职工和院校学生参加职业技能鉴定，对竞赛优胜者按规定晋升职业资格等级。`,
  `（六）${AREAS.policy}。研究制定加强高技能人才队伍建设的配套政策，建立技能人才培养、评价、使用和激励的长效机制。`,
  '',
  '六、重点活动安排',
  ...ACTIVITIES.map((a, i) => {
    const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
    const when =
      a.plannedStart && a.plannedEnd && a.plannedStart !== a.plannedEnd
        ? `${md(a.plannedStart)}至${md(a.plannedEnd)}`
        : a.plannedStart
          ? md(a.plannedStart)
          : '时间另行通知';
    return `${i + 1}. ${a.name}（${when}）：${a.description}`;
  }),
  '',
  '七、工作要求',
  '（一）加强领导，精心组织。各单位要明确专人负责，制定具体方案，确保各项活动有序开展。',
  '（二）广泛发动，注重实效。各企业和职业院校要结合生产、教学实际，组织开展岗位练兵、技术比武等基层技能活动，并及时向组委会办公室报送活动情况。',
  '（三）加强宣传，营造氛围。各新闻单位要开辟专栏，集中报道技能月活动和优秀技能人才事迹。',
  '（四）认真总结，建立机制。活动结束后，各单位要认真总结经验，形成加强技能人才工作的长效机制。',
].join('\n');

const COMPETITION_NOTICE_BODY = [
  '各区、县（市）人力资源和社会保障局，市直各有关单位，各职业院校：',
  '',
  '根据《关于开展2009年技能月活动的通知》（江人社发〔2009〕28号）安排，决定举办江川市2009年职业技能大赛。现将有关事项通知如下：',
  '',
  '一、竞赛时间和地点',
  '2009年5月22日至24日，江川技师学院实训中心。',
  '',
  '二、竞赛工种',
  `${COMPETITION_TRADE_NAMES}。`,
  '',
  '三、参赛对象',
  '本市企业在职职工和职业院校在校学生。参赛选手由所在单位统一报名，不受理个人报名。',
  '',
  '四、竞赛方式',
  '各工种均进行理论知识考试和操作技能考核。理论知识考试采用闭卷笔试，操作技能考核按评分标准由裁判组评分。总成绩按理论知识成绩占30%、操作技能成绩占70%计算；' +
    '总成绩相同时，以操作技能成绩高者名次列前。操作技能考核实行抽签编号、加密评分，成绩锁定后解密。',
  '',
  '五、奖励办法',
  '（一）各工种前6名由组委会颁发奖励证书。',
  '（二）各工种第一名晋升技师职业资格，并授予“江川市技术能手”称号。',
  '（三）理论知识考试和操作技能考核成绩均合格者，核发高级工职业资格证书。',
  '（四）对组织工作突出的单位授予组织奖。',
  '',
  '六、报名要求',
  '请各单位于5月12日前将参赛选手报名表报技能竞赛组委会。',
  '',
  '江川市职业技能大赛组委会',
  '二〇〇九年四月二十八日',
].join('\n');

export const DEMO_CAMPAIGN: {
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string;
  organizer: string;
  coOrganizers: string[];
  committeeBodies: { key: 'office' | 'publicity' | 'supervision' | 'competition' | 'expertReview'; name: string; duties: string }[];
  contentAreas: string[];
  activities: DemoActivity[];
  documents: { title: string; number: string; issuedOn: string; body: string }[];
} = {
  name: `${CITY}2009年技能月活动`,
  theme: '技能创造财富，技能改变人生',
  startsOn: '2009-05-01',
  endsOn: '2009-05-31',
  organizer: BUREAU,
  coOrganizers: [
    BUREAU,
    '中共江川市委人才工作领导小组办公室',
    '中共江川市委宣传部',
    '江川市总工会',
    '江川市经济委员会',
    '江川市财政局',
    '共青团江川市委员会',
    '江川市广播电视局',
    '江川日报社',
  ],
  committeeBodies: COMMITTEE_BODIES,
  contentAreas: [AREAS.publicity, AREAS.training, AREAS.commend, AREAS.competition, AREAS.appraisal, AREAS.policy],
  activities: ACTIVITIES,
  documents: [
    { title: '关于开展2009年技能月活动的通知', number: '江人社发〔2009〕28号', issuedOn: '2009-04-20', body: NOTICE_BODY },
    { title: '江川市2009年技能月活动实施方案', number: '江人社发〔2009〕28号附件', issuedOn: '2009-04-20', body: PLAN_BODY },
    { title: '关于举办江川市2009年职业技能大赛的通知', number: '江人社发〔2009〕31号', issuedOn: '2009-04-28', body: COMPETITION_NOTICE_BODY },
  ],
};

// ---------------------------------------------------------------------------------------------
// Trades
// ---------------------------------------------------------------------------------------------

export const DEMO_TRADES: { code: string; name: string; category: 'general' | 'industry'; levels: number[] }[] = [
  { code: 'T01', name: '车工', category: 'general', levels: [5, 4, 3, 2, 1] },
  { code: 'T02', name: '维修电工', category: 'general', levels: [5, 4, 3, 2, 1] },
  { code: 'T03', name: '工具钳工', category: 'general', levels: [5, 4, 3, 2, 1] },
  { code: 'T04', name: '焊工', category: 'general', levels: [5, 4, 3, 2, 1] },
  // 数控车工's national standard starts at 中级 (level 4).
  { code: 'T05', name: '数控车工', category: 'general', levels: [4, 3, 2, 1] },
  { code: 'T06', name: '装配钳工', category: 'general', levels: [5, 4, 3, 2, 1] },
  { code: 'T07', name: '汽车维修工', category: 'industry', levels: [5, 4, 3, 2, 1] },
  { code: 'T08', name: '化学检验工', category: 'industry', levels: [5, 4, 3, 2, 1] },
];

/** The four competition trades and how many of the 980 people are in each. */
export const DEMO_TRADE_QUOTAS: readonly { tradeCode: string; count: number }[] = [
  { tradeCode: 'T01', count: 280 }, // 车工
  { tradeCode: 'T02', count: 260 }, // 维修电工
  { tradeCode: 'T03', count: 200 }, // 工具钳工
  { tradeCode: 'T04', count: 240 }, // 焊工
];

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

export type DemoUnit = {
  name: string;
  kind: 'enterprise' | 'school' | 'department';
  code: string | null;
  district: string;
  contactName: string;
  contactPhone: string;
};

/** The fictional city's districts with the (real, Zhejiang) region codes used for them. */
export const DEMO_DISTRICTS: readonly { name: string; regionCode: string }[] = [
  { name: '江北区', regionCode: '330102' },
  { name: '江南区', regionCode: '330103' },
  { name: '城东区', regionCode: '330104' },
  { name: '高新区', regionCode: '330108' },
  { name: '临川区', regionCode: '330109' },
  { name: '青溪县', regionCode: '330122' },
];

/** Trade affinity: relative weights of 车工, 维修电工, 工具钳工, 焊工 in a unit's contestants. */
const PROFILES = {
  machining: [6, 2, 3, 2],
  heavy: [4, 2, 2, 5],
  electric: [1, 7, 1, 1],
  welding: [1, 2, 1, 7],
  tooling: [3, 1, 7, 1],
  process: [1, 5, 1, 3],
  general: [3, 3, 2, 3],
  school: [3, 3, 2, 2],
} as const;
type Profile = keyof typeof PROFILES;

type UnitSpec = {
  name: string;
  kind: DemoUnit['kind'];
  district: string;
  /** relative number of contestants */
  size: number;
  profile: Profile;
  /** 统一社会信用代码 registration-authority + type code: 91 company, 12 public institution, 52 private non-enterprise */
  codeType?: '91' | '12' | '52' | '11';
};

const E = (name: string, district: string, size: number, profile: Profile): UnitSpec => ({
  name, kind: 'enterprise', district, size, profile, codeType: '91',
});
const S = (name: string, district: string, size: number, codeType: '12' | '52' = '12'): UnitSpec => ({
  name, kind: 'school', district, size, profile: 'school', codeType,
});
const D = (name: string): UnitSpec => ({ name, kind: 'department', district: '江北区', size: 0, profile: 'general' });

const UNIT_SPECS: UnitSpec[] = [
  // 35 enterprises
  E('江川重型机械有限公司', '江北区', 42, 'heavy'),
  E('江川汽轮机股份有限公司', '高新区', 38, 'machining'),
  E('江川钢铁集团有限公司', '临川区', 40, 'process'),
  E('江川市电力公司', '江南区', 30, 'electric'),
  E('江川石油化工股份有限公司', '临川区', 30, 'process'),
  E('江川造船有限公司', '城东区', 36, 'welding'),
  E('江川轴承集团有限公司', '高新区', 26, 'machining'),
  E('江川机床有限公司', '江北区', 30, 'machining'),
  E('江川锅炉有限责任公司', '城东区', 26, 'welding'),
  E('江川起重机械有限公司', '江北区', 22, 'heavy'),
  E('江川通用泵阀有限公司', '高新区', 18, 'machining'),
  E('江川汽车制造有限公司', '高新区', 34, 'general'),
  E('江川客车有限公司', '城东区', 20, 'welding'),
  E('江川纺织机械股份有限公司', '江南区', 18, 'machining'),
  E('江川电机集团有限公司', '江南区', 26, 'electric'),
  E('江川变压器有限公司', '高新区', 16, 'electric'),
  E('江川液压件有限公司', '高新区', 14, 'tooling'),
  E('江川齿轮箱有限公司', '临川区', 18, 'machining'),
  E('江川工程机械有限公司', '临川区', 24, 'heavy'),
  E('江川水泥有限公司', '青溪县', 10, 'process'),
  E('江川化工集团有限公司', '临川区', 16, 'process'),
  E('江川市自来水有限公司', '江北区', 8, 'electric'),
  E('江川电缆有限公司', '城东区', 10, 'electric'),
  E('江川精密模具有限公司', '高新区', 18, 'tooling'),
  E('江川五金工具有限公司', '青溪县', 12, 'tooling'),
  E('江川压力容器有限公司', '城东区', 16, 'welding'),
  E('江川钢结构工程有限公司', '临川区', 14, 'welding'),
  E('江川建工集团有限公司', '江南区', 12, 'welding'),
  E('江川高压开关有限公司', '高新区', 12, 'electric'),
  E('江川柴油机有限公司', '江北区', 20, 'machining'),
  E('江川农业机械有限公司', '青溪县', 10, 'general'),
  E('江川仪表有限公司', '江南区', 8, 'tooling'),
  E('江川华星电子有限公司', '高新区', 8, 'electric'),
  E('江川摩托车有限公司', '城东区', 14, 'general'),
  E('江川热电有限公司', '临川区', 10, 'electric'),
  // 14 vocational schools (技工院校 and 职业院校); students only
  S('江川市高级技工学校', '江北区', 22),
  S('江川技师学院', '高新区', 24),
  S('江川机电职业技术学院', '高新区', 22),
  S('江川职业技术学院', '江南区', 18),
  S('江川市职业中等专业学校', '江北区', 14),
  S('江川市机械工业学校', '城东区', 16),
  S('江川市交通技工学校', '江南区', 10),
  S('江川市电力技工学校', '江南区', 12),
  S('江川市化工技工学校', '临川区', 10),
  S('江川市建设职业技术学校', '城东区', 10),
  S('江川市城东职业高级中学', '城东区', 8),
  S('临川区职业教育中心', '临川区', 10),
  S('青溪县职业技术学校', '青溪县', 8),
  S('江川东方技工学校', '临川区', 8, '52'),
  // 3 bureau departments (they own poster boards, take no contestants)
  D('江川市人力资源和社会保障局职业能力建设处'),
  D('江川市职业技能鉴定指导中心'),
  D('江川市就业训练中心'),
];

/** Characters of 统一社会信用代码 (GB 32100-2015), in value order: no I, O, S, V, Z. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 check character of an 8-digit organization code. */
function organizationCheck(body8: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += CREDIT_CHARS.indexOf(body8[i]!) * w[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character of the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CHARS.indexOf(first17[i]!) * w;
    w = (w * 3) % 31;
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

function makeCreditCode(rng: Rng, type: string, regionCode: string, used: Set<string>): string {
  for (;;) {
    const body8 = String(int(rng, 10_000_000, 79_999_999));
    const first17 = type + regionCode + body8 + organizationCheck(body8);
    const code = first17 + creditCodeCheckCharacter(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function regionOf(district: string): string {
  const d = DEMO_DISTRICTS.find((x) => x.name === district);
  if (!d) throw new Error(`unknown demo district ${district}`);
  return d.regionCode;
}

const UNIT_SEED = 0x20090501;

function buildUnits(): DemoUnit[] {
  const rng = mulberry32(UNIT_SEED);
  const codes = new Set<string>();
  const phones = new Set<string>();
  return UNIT_SPECS.map((s) => ({
    name: s.name,
    kind: s.kind,
    code: s.codeType ? makeCreditCode(rng, s.codeType, regionOf(s.district), codes) : null,
    district: s.district,
    contactName: chineseName(rng, rng() < 0.35 ? 'F' : 'M'),
    contactPhone: uniquePhone(rng, phones),
  }));
}

export const DEMO_UNITS: DemoUnit[] = buildUnits();

/** A demo unit's trade profile (machining, electric, …), e.g. for its industry body. */
export const demoUnitProfile = (unitIndex: number): string => UNIT_SPECS[unitIndex]!.profile;

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export type DemoPerson = {
  name: string;
  gender: 'M' | 'F';
  idNumber: string;
  phone: string;
  /** index into DEMO_UNITS; always an enterprise or a school */
  unitIndex: number;
  tradeCode: string;
  level: number | null;
  frontLine: boolean;
  yearsInTrade: number;
  qualifications: { level: number; tradeCode: string; obtainedOn: string; source: string }[];
};

export const DEMO_PEOPLE_COUNT = 980;

/** Birth-place region codes: mostly the city's own districts and counties, some from other provinces. */
export const BIRTH_REGIONS: readonly (readonly [string, number])[] = [
  ...DEMO_DISTRICTS.map((d) => [d.regionCode, 10] as const),
  ['330182', 6], // county-level cities of the prefecture
  ['330183', 6],
  ['330127', 4],
  ['341221', 3], // migrant workers from Anhui, Henan, Sichuan, Jiangxi, Hunan
  ['341222', 2],
  ['412721', 2],
  ['511623', 2],
  ['360722', 2],
  ['430524', 2],
];

/** Worker birth years 1960–1991, most contestants born in the late 1970s and 1980s. */
export const WORKER_BIRTH_YEARS: readonly (readonly [number, number])[] = Array.from({ length: 32 }, (_, i) => {
  const y = 1960 + i;
  const w = y < 1970 ? 1 : y < 1976 ? 2.5 : y < 1987 ? 5 : y < 1990 ? 3 : 1.5;
  return [y, w] as const;
});

const FEMALE_SHARE: Record<string, number> = { T01: 0.12, T02: 0.08, T03: 0.06, T04: 0.04 };

/** Appraisal sessions are mostly held in late spring and late autumn. */
const SESSION_MONTHS = [5, 6, 11, 12] as const;

/** Splits `total` over `weights` proportionally (largest remainder), giving each at least 1. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map(() => 1);
  const rest = total - weights.length;
  const exact = weights.map((w) => (rest * w) / sum);
  for (let i = 0; i < counts.length; i++) counts[i]! += Math.floor(exact[i]!);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length]![1]]! += 1;
  return counts;
}

type Qualification = DemoPerson['qualifications'][number];

function sourceFor(level: number, year: number, viaCompetition: boolean): string {
  if (viaCompetition) return `${year}年江川市职业技能竞赛晋升`;
  if (level === 2) return `${year}年技师考评`;
  if (level === 1) return `${year}年高级技师考评`;
  // Before the vocational qualification certificate system (1994), workers' grades came from
  // 工人技术等级考核.
  return year < 1994 ? `${year}年工人技术等级考核` : `${year}年职业技能鉴定`;
}

/** Last year in which a record may fall: every record is dated before the campaign (2009-05-01). */
const LAST_RECORD_YEAR = 2008;

export function workerCareer(rng: Rng, birthYear: number, tradeCode: string) {
  const startYear = Math.min(birthYear + int(rng, 18, 21), 2009);
  const yearsInTrade = 2009 - startYear;
  const qualifications: Qualification[] = [];
  // The first certificate: 初级 for most, 中级 for technical-school graduates.
  let level = rng() < 0.7 ? 5 : 4;
  let year = startYear + int(rng, 0, 1);
  // A few tool fitters started as assembly fitters (装配钳工) and changed trade later.
  const firstTrade = tradeCode === 'T03' && rng() < 0.2 ? 'T06' : tradeCode;
  if (rng() < 0.03) return { yearsInTrade, qualifications, level: null };
  while (year <= LAST_RECORD_YEAR) {
    const viaCompetition = level === 3 && rng() < 0.05;
    qualifications.push({
      level,
      tradeCode: qualifications.length === 0 ? firstTrade : tradeCode,
      obtainedOn: randomDate(rng, year, SESSION_MONTHS),
      source: sourceFor(level, year, viaCompetition),
    });
    if (level === 1) break;
    const next = level - 1;
    const chance = next === 4 ? 0.92 : next === 3 ? 0.72 : next === 2 ? 0.4 : 0.25;
    if (rng() >= chance) break;
    year += next >= 3 ? int(rng, 3, 6) : int(rng, 4, 7);
    // 技师 appraisal for workers dates from 1987, 高级技师 from the mid-1990s.
    if (next === 2) year = Math.max(year, 1988);
    if (next === 1) year = Math.max(year, 1996);
    level = next;
  }
  if (qualifications.length === 0) return { yearsInTrade, qualifications, level: null };
  // A record in another trade is never the highest one.
  const last = qualifications[qualifications.length - 1]!;
  last.tradeCode = tradeCode;
  return { yearsInTrade, qualifications, level: last.level };
}

function studentRecords(rng: Rng, tradeCode: string) {
  const qualifications: Qualification[] = [];
  const r = rng();
  if (r < 0.35) return { qualifications, level: null };
  if (r < 0.7) {
    const year = rng() < 0.5 ? 2007 : 2008;
    qualifications.push({ level: 5, tradeCode, obtainedOn: randomDate(rng, year, [6, 12]), source: sourceFor(5, year, false) });
    return { qualifications, level: 5 };
  }
  if (rng() < 0.5) {
    qualifications.push({ level: 5, tradeCode, obtainedOn: randomDate(rng, 2007, [6, 12]), source: sourceFor(5, 2007, false) });
  }
  const year = rng() < 0.6 ? 2008 : 2009;
  const obtainedOn = year === 2008 ? randomDate(rng, 2008, [6, 12]) : randomDate(rng, 2009, [1, 3]);
  qualifications.push({ level: 4, tradeCode, obtainedOn, source: sourceFor(4, year, false) });
  return { qualifications, level: 4 };
}

const PEOPLE_SEED = 0x20090522;

/** The 980 contestants of the 2009 competition, in unit order. Deterministic: same output every call. */
export function demoPeople(): DemoPerson[] {
  const rng = mulberry32(PEOPLE_SEED);
  const phones = new Set(DEMO_UNITS.map((u) => u.contactPhone));
  const ids = new Set<string>();

  const unitIndexes = DEMO_UNITS.flatMap((u, i) => (u.kind === 'enterprise' || u.kind === 'school' ? [i] : []));
  const counts = apportion(DEMO_PEOPLE_COUNT, unitIndexes.map((i) => UNIT_SPECS[i]!.size));
  const remaining = DEMO_TRADE_QUOTAS.map((q) => q.count);

  const out: DemoPerson[] = [];
  unitIndexes.forEach((unitIndex, k) => {
    const spec = UNIT_SPECS[unitIndex]!;
    const student = spec.kind === 'school';
    const affinity = PROFILES[spec.profile];
    const namesInUnit = new Set<string>();
    for (let n = 0; n < counts[k]!; n++) {
      // Draw the trade from the remaining quotas, leaning towards the unit's own trades.
      const t = weighted(rng, DEMO_TRADE_QUOTAS.map((_, j) => [j, remaining[j]! * (affinity[j]! + 0.2)] as const));
      remaining[t]! -= 1;
      const tradeCode = DEMO_TRADE_QUOTAS[t]!.tradeCode;

      const gender: 'M' | 'F' = rng() < FEMALE_SHARE[tradeCode]! + (student ? 0.06 : 0) ? 'F' : 'M';
      const birthYear = student ? int(rng, 1988, 1991) : weighted(rng, WORKER_BIRTH_YEARS);
      const birth = randomDate(rng, birthYear);
      const region = weighted(rng, BIRTH_REGIONS);
      let seq = int(rng, 0, 499) * 2 + (gender === 'M' ? 1 : 0);
      let idNumber = makeIdNumber(region, birth, seq, gender);
      while (ids.has(idNumber)) {
        seq = (seq + 2) % 1000;
        idNumber = makeIdNumber(region, birth, seq, gender);
      }
      ids.add(idNumber);

      // Namesakes are common city-wide, but not within one unit (it would confuse the demo).
      let name = chineseName(rng, gender);
      while (namesInUnit.has(name)) name = chineseName(rng, gender);
      namesInUnit.add(name);
      const phone = uniquePhone(rng, phones);

      if (student) {
        const { qualifications, level } = studentRecords(rng, tradeCode);
        const yearsInTrade = Math.max(0, Math.min(3, 2009 - birthYear - 16));
        out.push({ name, gender, idNumber, phone, unitIndex, tradeCode, level, frontLine: false, yearsInTrade, qualifications });
      } else {
        const { qualifications, level, yearsInTrade } = workerCareer(rng, birthYear, tradeCode);
        const frontLine = rng() < 0.92;
        out.push({ name, gender, idNumber, phone, unitIndex, tradeCode, level, frontLine, yearsInTrade, qualifications });
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

const JUDGE_SCHOOL_INDEX = DEMO_UNITS.findIndex((u) => u.name === '江川技师学院');

export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  role: 'admin' | 'unit' | 'judge' | 'committee';
  unitIndex?: number;
  committeeBody?: string;
  password: string;
}[] = [
  // The caller sets the admin password; '' is a placeholder.
  { username: 'admin', displayName: '系统管理员', role: 'admin', password: '' },
  { username: 'unit01', displayName: DEMO_UNITS[0]!.name, role: 'unit', unitIndex: 0, password: 'Unit2009demo' },
  { username: 'judge01', displayName: '周建华', role: 'judge', unitIndex: JUDGE_SCHOOL_INDEX, password: 'Judge2009demo' },
  { username: 'committee01', displayName: '技能竞赛组委会 李明', role: 'committee', committeeBody: 'competition', password: 'Committee2009demo' },
];
