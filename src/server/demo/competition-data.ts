/**
 * Demo data for the 2009 vocational skills competition (职业技能大赛, 22–24 May 2009): one
 * competition per trade of the demo people, its marking scheme, its judges, and the marks.
 *
 * Pure data and pure deterministic generators, like data.ts: no I/O, no clock, no Math.random.
 * Every generated value comes from a seeded PRNG created afresh per call, so the same inputs give
 * the same marks on every run. (The draw is the one random part of the demo: its seed is made by the
 * real draw service, so codes, stations and rounds differ between runs; no mark value depends on them.)
 */
import { aspectMark, checkMarkValue, practicalTotal } from '../../shared/competition/marks.js';
import { PARTS_20_80, PARTS_30_70, weightedTotal, type CompetitionPart } from '../../shared/competition/parts.js';
import type { Aspect, MarkingSchemeDraft } from '../../shared/competition/scheme.js';
import { fromHundredths } from '../../shared/competition/hundredths.js';
import { DEMO_ACCOUNTS, DEMO_UNITS, mulberry32, type DemoPerson, type Rng } from './data.js';

// ---------------------------------------------------------------------------------------------
// The timeline (Beijing time, +08:00)
// ---------------------------------------------------------------------------------------------

export const at = (local: string) => new Date(`${local}+08:00`);

/** When each step of the competition happened; the demo context's clock is set to these. */
export const DEMO_TIMELINE = {
  /** The competition notice (江人社发〔2009〕31号) is dated 28 April; the set-up follows it. */
  setUp: at('2009-04-28T15:00:00'),
  schemes: at('2009-04-30T10:00:00'),
  registrationOpens: at('2009-05-04T08:30:00'),
  /** Units register from 5 May; the notice asks for the lists before 12 May. */
  registrationFrom: at('2009-05-05T09:00:00'),
  registrationCloses: at('2009-05-12T17:30:00'),
  approval: at('2009-05-13T09:30:00'),
  judgeAccounts: at('2009-05-14T10:00:00'),
  staff: at('2009-05-15T10:00:00'),
  conflicts: at('2009-05-16T14:00:00'),
  assignments: at('2009-05-18T10:00:00'),
  /** The seed's SHA-256 is published two days before the draw. */
  drawCommit: at('2009-05-20T16:00:00'),
  /** The draw at the opening, before the theory exam (08:00–09:30 on the first day). */
  draw: at('2009-05-22T07:30:00'),
  markingStarts: at('2009-05-22T10:00:00'),
  /** Theory papers are marked centrally and their scores keyed in on the last evening. */
  theoryScores: at('2009-05-24T19:00:00'),
  spreadConfirmation: at('2009-05-24T19:40:00'),
  signOff: at('2009-05-24T20:00:00'),
} as const;

/**
 * The practical sessions (场次) over the three days: round r of the draw sits session r. The first
 * morning is the theory exam, so day one has three sessions. Enough for every trade's rounds.
 */
export const PRACTICAL_SESSIONS: readonly { start: Date; end: Date }[] = [
  ['2009-05-22', '10:30', '12:30'], ['2009-05-22', '14:00', '16:00'], ['2009-05-22', '16:30', '18:30'],
  ['2009-05-23', '08:00', '10:00'], ['2009-05-23', '10:30', '12:30'], ['2009-05-23', '14:00', '16:00'], ['2009-05-23', '16:30', '18:30'],
  ['2009-05-24', '08:00', '10:00'], ['2009-05-24', '10:30', '12:30'], ['2009-05-24', '14:00', '16:00'], ['2009-05-24', '16:30', '18:30'],
].map(([d, s, e]) => ({ start: at(`${d}T${s}:00`), end: at(`${d}T${e}:00`) }));

const MINUTE = 60_000;

/**
 * When a mark was entered: judgement marks during the session (judges walk the stations), the
 * measurements after it (the workpieces are measured in the inspection room), in aspect order.
 */
export function markTime(round: number, station: number, aspect: { position: number; kind: 'measurement' | 'judgement' }, seat: number): Date {
  const s = PRACTICAL_SESSIONS[Math.min(round, PRACTICAL_SESSIONS.length) - 1]!;
  const base = aspect.kind === 'judgement' ? s.start.getTime() + 40 * MINUTE : s.end.getTime() + 15 * MINUTE;
  return new Date(base + (aspect.position * 6 + seat) * MINUTE + station * 40_000);
}

// ---------------------------------------------------------------------------------------------
// Marking schemes (评分标准), one per trade, each totalling 100
// ---------------------------------------------------------------------------------------------

const M = (code: string, description: string, maxMark: number, bands?: [string, number][]): Aspect => ({
  code, description, kind: 'measurement', maxMark, ...(bands ? { bands: bands.map(([label, mark]) => ({ label, mark })) } : {}),
});
const J = (code: string, description: string, maxMark: number, levels: [string, string, string, string]): Aspect => ({
  code, description, kind: 'judgement', maxMark, levels,
});

const SAFETY_LEVELS: [string, string, string, string] = [
  '有违章操作或未穿戴劳保用品，存在安全隐患',
  '基本遵守操作规程，工量具摆放较乱，结束后清理不彻底',
  '遵守操作规程，工量具摆放整齐，结束后清理工位',
  '操作规范熟练，工位整洁有序，设备保养到位，堪称示范',
];

/** 车工 (高级): 螺纹锥度配合轴. */
const LATHE_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '尺寸精度', subCriteria: [
        {
          code: 'A1', name: '外圆与内孔', aspects: [
            M('A1.1', '外圆 Φ48（0/−0.025），超差不得分，按超差量酌情扣分', 8),
            M('A1.2', '外圆 Φ36±0.02，超差不得分，按超差量酌情扣分', 8),
            M('A1.3', '内孔 Φ24（+0.033/0），用内径百分表检测', 8),
          ],
        },
        {
          code: 'A2', name: '长度与锥度', aspects: [
            M('A2.1', '总长 120±0.05', 6, [['合格', 6], ['超差 0.05 以内', 3], ['超差 0.05 以上', 0]]),
            M('A2.2', '莫氏 4 号锥度，涂色法检验接触面积', 10, [['接触面积 ≥ 75%', 10], ['接触面积 60%～75%', 6], ['接触面积 < 60%', 0]]),
          ],
        },
      ],
    },
    {
      code: 'B', name: '螺纹与形位公差', subCriteria: [
        {
          code: 'B1', name: '螺纹', aspects: [
            M('B1.1', 'M30×2-6g 外螺纹，螺纹环规检验', 12, [['通规通过、止规止住', 12], ['止规旋入不超过 2 牙', 6], ['不合格', 0]]),
          ],
        },
        {
          code: 'B2', name: '形位公差与表面质量', aspects: [
            M('B2.1', '同轴度 Φ0.03（以 A—B 公共轴线为基准）', 8),
            J('B2.2', '表面粗糙度 Ra1.6 与外观（倒角、去毛刺、无夹伤）', 10, [
              '多处表面粗糙度不达标，有明显振纹或夹伤',
              '主要表面基本达到 Ra1.6，个别部位有刀痕、毛刺',
              '表面达到 Ra1.6，倒角去毛刺齐全',
              '表面光洁一致，倒角均匀，外观精美',
            ]),
          ],
        },
      ],
    },
    {
      code: 'C', name: '工艺与职业素养', subCriteria: [
        {
          code: 'C1', name: '加工工艺', aspects: [
            J('C1.1', '工艺路线、装夹方式与刀具刃磨', 15, [
              '工艺路线不合理，装夹不当或刀具刃磨角度错误',
              '工艺路线基本合理，刀具刃磨角度有欠缺，需多次修磨',
              '工艺路线合理，装夹可靠，刀具刃磨正确',
              '工艺路线优化，装夹找正迅速，刃磨精良，加工效率高',
            ]),
          ],
        },
        {
          code: 'C2', name: '安全文明生产', aspects: [
            J('C2.1', '安全操作、工量具摆放与设备保养', 15, SAFETY_LEVELS),
          ],
        },
      ],
    },
  ],
};

/** 维修电工 (高级): 电气控制线路安装与 PLC、电子线路故障排除. */
const ELECTRICIAN_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '电气控制线路安装', subCriteria: [
        {
          code: 'A1', name: '元件布置与布线', aspects: [
            J('A1.1', '元器件检查、选用与布置', 10, [
              '元件选用错误或漏检，布置杂乱',
              '元件选用正确，布置不够合理，紧固不一致',
              '元件检查到位，布置合理，紧固可靠',
              '布置美观合理，便于维护，标识清楚',
            ]),
            J('A1.2', '板前明线布线工艺（横平竖直、线号、压接）', 15, [
              '布线交叉凌乱，接点松动或露铜过长',
              '布线基本整齐，个别线号缺失、压接不规范',
              '布线横平竖直，线号齐全，压接牢固',
              '布线工艺精湛，走线紧贴板面，转角一致，整体美观',
            ]),
          ],
        },
        {
          code: 'A2', name: '通电试车', aspects: [
            M('A2.1', '按控制要求通电试车', 20, [['一次试车成功', 20], ['二次试车成功', 10], ['三次及以上或未成功', 0]]),
          ],
        },
      ],
    },
    {
      code: 'B', name: '故障检查与排除', subCriteria: [
        {
          code: 'B1', name: 'PLC 控制系统', aspects: [
            M('B1.1', 'PLC 控制系统设置故障 3 处，每查出并排除 1 处得 5 分', 15, [['排除 3 处', 15], ['排除 2 处', 10], ['排除 1 处', 5], ['未排除', 0]]),
          ],
        },
        {
          code: 'B2', name: '电子线路', aspects: [
            M('B2.1', '单相半控桥式整流电路焊接与调试，按测试点电压、波形评分', 10),
            J('B2.2', '故障分析思路与检修方法', 10, [
              '盲目拆换元件，无分析过程',
              '能查出故障，分析思路不清晰',
              '分析思路清晰，测量方法正确',
              '分析判断准确迅速，检修方法规范高效',
            ]),
          ],
        },
      ],
    },
    {
      code: 'C', name: '安全文明生产', subCriteria: [
        {
          code: 'C1', name: '安全与规范', aspects: [
            J('C1.1', '安全用电（验电、断电操作、劳保用品）', 12, [
              '带电作业或未验电，存在触电危险',
              '基本遵守安全规程，个别环节疏忽',
              '严格执行断电、验电程序，劳保用品齐全',
              '安全意识强，操作规范，可作示范',
            ]),
            J('C1.2', '工位整洁与工具仪表使用', 8, SAFETY_LEVELS),
          ],
        },
      ],
    },
  ],
};

/** 工具钳工 (高级): 凹凸锉配件. */
const FITTER_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '尺寸与配合', subCriteria: [
        {
          code: 'A1', name: '锉配', aspects: [
            M('A1.1', '凸件尺寸 40（0/−0.039）两处，每处 5 分', 10),
            M('A1.2', '凹件尺寸 40（+0.039/0）两处，每处 5 分', 10),
            M('A1.3', '配合间隙 ≤ 0.04（翻转 180° 互换）', 12, [['间隙 ≤ 0.04', 12], ['间隙 0.04～0.06', 6], ['间隙 > 0.06', 0]]),
          ],
        },
        {
          code: 'A2', name: '孔加工', aspects: [
            M('A2.1', '孔距 30±0.05 两处，每处 4 分', 8),
            M('A2.2', '铰孔 Φ10H7，Ra1.6', 10, [['合格', 10], ['不合格', 0]]),
          ],
        },
      ],
    },
    {
      code: 'B', name: '形位与表面', subCriteria: [
        {
          code: 'B1', name: '形位公差与表面', aspects: [
            M('B1.1', '平面度 0.02、垂直度 0.02', 10),
            J('B1.2', '锉削表面粗糙度 Ra3.2 与锉纹', 15, [
              '表面粗糙，锉纹凌乱，有明显塌角',
              '表面基本达到 Ra3.2，锉纹不够一致',
              '表面达到 Ra3.2，锉纹整齐',
              '锉纹细密一致，棱角清晰，表面质量优良',
            ]),
          ],
        },
      ],
    },
    {
      code: 'C', name: '工艺与安全', subCriteria: [
        {
          code: 'C1', name: '工艺与安全文明生产', aspects: [
            J('C1.1', '划线、锉削与钻铰工艺', 15, [
              '划线错误或加工顺序混乱，需返工',
              '工艺基本正确，基准选择欠妥',
              '划线准确，工艺顺序合理，基准统一',
              '工艺合理高效，测量与修配一次到位',
            ]),
            J('C1.2', '安全文明生产', 10, SAFETY_LEVELS),
          ],
        },
      ],
    },
  ],
};

/** 焊工 (高级): 板对接立焊与管对接水平固定焊，单面焊双面成形. */
const WELDER_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '板对接立焊', subCriteria: [
        {
          code: 'A1', name: '外观质量', aspects: [
            M('A1.1', '焊缝余高与宽度（焊缝检验尺测量）', 8, [['余高 0～3 mm、宽度差 ≤ 2 mm', 8], ['余高 3～4 mm 或宽度差 2～3 mm', 4], ['超出上述范围', 0]]),
            J('A1.2', '焊缝成形（均匀、美观、无咬边焊瘤）', 12, [
              '成形差，有焊瘤、咬边或未焊满',
              '成形基本均匀，局部有咬边',
              '成形均匀，波纹整齐，无明显缺陷',
              '成形美观，波纹细密均匀，两侧过渡圆滑',
            ]),
          ],
        },
        {
          code: 'A2', name: '内部质量', aspects: [
            M('A2.1', '射线探伤（JB/T 4730.2）', 20, [['Ⅰ级', 20], ['Ⅱ级', 12], ['Ⅲ级及以下', 0]]),
          ],
        },
      ],
    },
    {
      code: 'B', name: '管对接水平固定焊', subCriteria: [
        {
          code: 'B1', name: '管对接', aspects: [
            M('B1.1', '通球试验（球径为管内径的 85%）', 10, [['通过', 10], ['不通过', 0]]),
            J('B1.2', '背面成形（无未焊透、内凹、焊瘤）', 10, [
              '背面未焊透或严重内凹',
              '背面基本成形，局部内凹或焊瘤',
              '背面成形良好，无未焊透',
              '背面成形饱满均匀，与外观质量一致',
            ]),
            M('B1.3', '弯曲试验（面弯、背弯各一件）', 15, [['两件均合格', 15], ['一件合格', 8], ['两件均不合格', 0]]),
          ],
        },
      ],
    },
    {
      code: 'C', name: '工艺与安全', subCriteria: [
        {
          code: 'C1', name: '焊接工艺与安全文明生产', aspects: [
            J('C1.1', '焊接参数选择、运条方法与层间清理', 15, [
              '参数选择不当，运条不稳，层间清理不净',
              '参数基本合适，运条方法有欠缺',
              '参数选择合理，运条稳定，层间清理干净',
              '参数匹配精准，操作娴熟，一气呵成',
            ]),
            J('C1.2', '安全防护与文明生产（面罩、防护服、气瓶与电缆）', 10, SAFETY_LEVELS),
          ],
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Judges (裁判)
// ---------------------------------------------------------------------------------------------

const unitIndex = (name: string): number => {
  const i = DEMO_UNITS.findIndex((u) => u.name === name);
  if (i < 0) throw new Error(`unknown demo unit ${name}`);
  return i;
};

/** The appraisal centre (a bureau department, no contestants): chief judges and experts. */
const APPRAISAL_CENTRE = '江川市职业技能鉴定指导中心';
/** The employment training centre (a bureau department): the substitutes. */
const TRAINING_CENTRE = '江川市就业训练中心';

export type DemoJudge = { username: string; displayName: string; unitIndex: number };

const judge = (username: string, displayName: string, unit: string): DemoJudge => ({ username, displayName, unitIndex: unitIndex(unit) });

/**
 * Judge accounts added by the competition, all role 'judge'. Most come from demo enterprises and
 * schools that also send contestants, so recusal (回避) happens for real; chief judges and some
 * experts come from the appraisal centre, substitutes from the training centre (neither has contestants).
 */
export const DEMO_JUDGES: DemoJudge[] = [
  judge('judge02', '陈国强', '江川汽轮机股份有限公司'),
  judge('judge03', '王国栋', APPRAISAL_CENTRE),
  judge('judge04', '刘德明', '江川柴油机有限公司'),
  judge('judge05', '赵卫东', '江川市高级技工学校'),
  judge('judge06', '孙立新', '江川市机械工业学校'),
  judge('judge07', '杨志刚', '江川市电力公司'),
  judge('judge08', '黄海涛', '江川市电力技工学校'),
  judge('judge09', '吴振华', '江川电机集团有限公司'),
  judge('judge10', '徐建军', '江川钢铁集团有限公司'),
  judge('judge11', '马丽华', '江川机电职业技术学院'),
  judge('judge12', '朱永明', APPRAISAL_CENTRE),
  judge('judge13', '胡春生', '江川精密模具有限公司'),
  judge('judge14', '郭文斌', '江川技师学院'),
  judge('judge15', '何金龙', '江川液压件有限公司'),
  judge('judge16', '高建平', '江川机床有限公司'),
  judge('judge17', '林秀英', '江川职业技术学院'),
  judge('judge18', '罗光明', APPRAISAL_CENTRE),
  judge('judge19', '郑海军', '江川造船有限公司'),
  judge('judge20', '梁德胜', '江川锅炉有限责任公司'),
  judge('judge21', '谢学军', APPRAISAL_CENTRE),
  judge('judge22', '宋铁军', '江川重型机械有限公司'),
  judge('judge23', '唐国良', '江川钢结构工程有限公司'),
  judge('judge24', '韩成林', '江川市建设职业技术学校'),
  judge('chief01', '冯世杰', APPRAISAL_CENTRE),
  judge('chief02', '邓宏伟', APPRAISAL_CENTRE),
  judge('chief03', '曹庆华', APPRAISAL_CENTRE),
  judge('chief04', '彭东升', APPRAISAL_CENTRE),
  judge('sub01', '曾立军', TRAINING_CENTRE),
  judge('sub02', '肖玉林', TRAINING_CENTRE),
  judge('sub03', '田家明', TRAINING_CENTRE),
  judge('sub04', '董正阳', TRAINING_CENTRE),
  judge('sub05', '袁志军', TRAINING_CENTRE),
];

/** Every demo judge account shares judge01's password. */
export const DEMO_JUDGE_PASSWORD = DEMO_ACCOUNTS.find((a) => a.username === 'judge01')!.password;

/** A demo person chosen by trade and unit (the first one, or the first with the surname). */
export type PersonRef = { tradeCode: string; unit: string; surname?: string };

export function findPerson(people: readonly DemoPerson[], ref: PersonRef): number {
  const u = unitIndex(ref.unit);
  const candidates = people.flatMap((p, i) => (p.tradeCode === ref.tradeCode && p.unitIndex === u ? [i] : []));
  if (candidates.length === 0) throw new Error(`no demo person of ${ref.tradeCode} in ${ref.unit}`);
  return candidates.find((i) => ref.surname && people[i]!.name.startsWith(ref.surname)) ?? candidates[0]!;
}

export type DemoConflict =
  | { username: string; kind: 'unit'; unitIndex: number; reason: 'former_employer'; note: string }
  | { username: string; kind: 'person'; person: PersonRef; reason: 'master_apprentice' | 'relative'; note: string };

/** 回避申报: conflicts the judges declared themselves, beyond their own unit. */
export const DEMO_CONFLICTS: DemoConflict[] = [
  { username: 'judge03', kind: 'unit', unitIndex: unitIndex('江川机床有限公司'), reason: 'former_employer', note: '1996—2006 年在该公司金工车间任车工班长' },
  { username: 'judge20', kind: 'person', person: { tradeCode: 'T04', unit: '江川压力容器有限公司' }, reason: 'master_apprentice', note: '2005 年起签订师带徒协议，为其焊接技能师傅' },
  { username: 'judge12', kind: 'person', person: { tradeCode: 'T02', unit: '江川石油化工股份有限公司', surname: '朱' }, reason: 'relative', note: '表亲' },
];

// ---------------------------------------------------------------------------------------------
// Competitions, one per trade
// ---------------------------------------------------------------------------------------------

export type DemoCompetitionSpec = {
  tradeCode: string;
  tradeName: string;
  codePrefix: string;
  venue: string;
  stations: number;
  parts: readonly CompetitionPart[];
  scheme: MarkingSchemeDraft;
  /** Two marking teams of three, each for some criteria (seat order). judge01 is on 车工. */
  teams: { criteria: string[]; judges: [string, string, string] }[];
  chief: string;
  substitutes: string[];
  /** Seed of the trade's mark generator. */
  seed: number;
};

const VENUE = '江川技师学院实训中心';

export const DEMO_COMPETITIONS: DemoCompetitionSpec[] = [
  {
    tradeCode: 'T01', tradeName: '车工', codePrefix: 'CG', venue: `${VENUE}（车工实训车间）`, stations: 30, parts: PARTS_30_70, scheme: LATHE_SCHEME,
    teams: [{ criteria: ['A', 'B'], judges: ['judge01', 'judge02', 'judge03'] }, { criteria: ['C'], judges: ['judge04', 'judge05', 'judge06'] }],
    chief: 'chief01', substitutes: ['sub01', 'sub02'], seed: 0x09052201,
  },
  {
    // 20/80: the weights are configurable per competition.
    tradeCode: 'T02', tradeName: '维修电工', codePrefix: 'DG', venue: `${VENUE}（电工实训室）`, stations: 30, parts: PARTS_20_80, scheme: ELECTRICIAN_SCHEME,
    teams: [{ criteria: ['A', 'B'], judges: ['judge07', 'judge08', 'judge09'] }, { criteria: ['C'], judges: ['judge10', 'judge11', 'judge12'] }],
    chief: 'chief02', substitutes: ['sub03'], seed: 0x09052202,
  },
  {
    tradeCode: 'T03', tradeName: '工具钳工', codePrefix: 'QG', venue: `${VENUE}（钳工实训车间）`, stations: 25, parts: PARTS_30_70, scheme: FITTER_SCHEME,
    teams: [{ criteria: ['A', 'B'], judges: ['judge13', 'judge14', 'judge15'] }, { criteria: ['C'], judges: ['judge16', 'judge17', 'judge18'] }],
    chief: 'chief03', substitutes: ['sub04'], seed: 0x09052203,
  },
  {
    tradeCode: 'T04', tradeName: '焊工', codePrefix: 'HG', venue: `${VENUE}（焊接实训车间）`, stations: 24, parts: PARTS_30_70, scheme: WELDER_SCHEME,
    teams: [{ criteria: ['A', 'B'], judges: ['judge19', 'judge20', 'judge21'] }, { criteria: ['C'], judges: ['judge22', 'judge23', 'judge24'] }],
    chief: 'chief04', substitutes: ['sub05'], seed: 0x09052204,
  },
];

export const competitionName = (tradeName: string) => `江川市2009年职业技能大赛（${tradeName}）`;

/**
 * The one panel whose judges differ by more than one point (判分差异): the chief judge looked into
 * it and confirmed the scores with a reason. By trade, the entry's place in exam-number order, the aspect.
 */
export const DEMO_SPREAD = {
  tradeCode: 'T01',
  entryIndex: 17,
  aspectCode: 'C1.1',
  scores: [3, 1, 2],
  reason: '经裁判长组织复议并调阅加工过程记录：该选手工艺路线合理，但中途重新刃磨车刀一次，三名裁判各自评判有据，维持原评分。',
} as const;

// ---------------------------------------------------------------------------------------------
// Marks
// ---------------------------------------------------------------------------------------------

/** Roughly normal noise: the mean of three uniforms, centred, scaled to about `sd`. */
function noise(rng: Rng, sd: number): number {
  return ((rng() + rng() + rng()) / 3 - 0.5) * sd * 6;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** A contestant's skill in [0.3, 0.97]: higher with a higher level and more years; students a little lower. */
export function skillOf(rng: Rng, p: Pick<DemoPerson, 'level' | 'yearsInTrade'>): number {
  const byLevel = p.level === null ? 0.56 : ({ 5: 0.6, 4: 0.65, 3: 0.71, 2: 0.77, 1: 0.8 } as Record<number, number>)[p.level]!;
  return clamp(byLevel + Math.min(p.yearsInTrade, 20) * 0.003 + noise(rng, 0.09), 0.3, 0.97);
}

/** A measurement: a band picked by the work's quality, or a mark to the half point. */
function measurementValue(rng: Rng, a: Aspect, skill: number): number {
  const q = clamp(skill + noise(rng, 0.12), 0, 1);
  if (a.bands?.length) {
    const bands = [...a.bands].sort((x, y) => y.mark - x.mark);
    // the best band needs q ≥ 0.58, the next ≥ 0.44, then ≥ 0.33 …
    const thresholds = [0.58, 0.44, 0.33, 0.24];
    const k = bands.findIndex((_, i) => i === bands.length - 1 || q >= thresholds[Math.min(i, thresholds.length - 1)]!);
    return bands[k]!.mark;
  }
  if (q >= 0.74) return a.maxMark; // within tolerance
  if (q < 0.2) return 0;
  // partly out of tolerance: a deduction by the amount, to the half point
  return Math.round(a.maxMark * 2 * (0.35 + q * 0.75)) / 2;
}

/** A judgement panel's 0–3 scores, never more than one apart: each judge gives b or b + 1. */
function judgementScores(rng: Rng, skill: number, seats: number): number[] {
  const t = 3 * clamp(skill * 0.97 + noise(rng, 0.09), 0, 1);
  const b = Math.min(2, Math.floor(t));
  const frac = t - b;
  return Array.from({ length: seats }, () => b + (rng() < frac ? 1 : 0));
}

/** 理论知识考试: out of 100 to the half point; most pass at 60, some fail. */
function theoryScore(rng: Rng, skill: number): number {
  const s = clamp(0.45 + skill * 0.45 + noise(rng, 0.08), 0.25, 0.99);
  return Math.round(s * 200) / 2;
}

export interface DemoEntryMarks {
  theory: number;
  /** The practical's completion time (完成用时) in seconds: the second tie-break. */
  seconds: number;
  /** Per aspect code, the panel's values in seat order. */
  aspects: Map<string, number[]>;
}

/** Seats of a full panel: three judges for a judgement aspect, one for a measurement. */
export const seatsOf = (kind: Aspect['kind']) => (kind === 'judgement' ? 3 : 1);

/**
 * Marks for one competition's entries (the trade's people in exam-number order), every panel full:
 * the same people always give the same values.
 */
export function generateMarks(spec: DemoCompetitionSpec, people: readonly DemoPerson[]): DemoEntryMarks[] {
  const rng = mulberry32(spec.seed);
  const aspects = spec.scheme.criteria.flatMap((c) => c.subCriteria.flatMap((s) => s.aspects));
  const generated = people.map((p, i) => {
    const skill = skillOf(rng, p);
    const theory = theoryScore(rng, skill);
    const out = new Map<string, number[]>();
    for (const a of aspects) {
      const n = seatsOf(a.kind);
      let values = a.kind === 'judgement' ? judgementScores(rng, skill, n) : Array.from({ length: n }, () => measurementValue(rng, a, skill));
      if (spec.tradeCode === DEMO_SPREAD.tradeCode && i === DEMO_SPREAD.entryIndex && a.code === DEMO_SPREAD.aspectCode) values = [...DEMO_SPREAD.scores];
      for (const v of values) {
        const bad = checkMarkValue(a, v);
        if (bad) throw new Error(`demo mark ${spec.tradeCode} ${a.code} = ${v}: ${bad}`);
      }
      out.set(a.code, values);
    }
    // Most finish in the last half hour of the two-hour session; the best a little earlier.
    const seconds = Math.round(clamp(7200 - 600 - skill * 1200 + noise(rng, 400), 3600, 7200));
    return { theory: fromHundredths(Math.round(theory * 100)), seconds, aspects: out };
  });
  return arrangeTies(spec, generated);
}

/**
 * 并列: a few ties the tie-break chain decides, so the results show it at work. In 车工, the 2nd
 * and 3rd have the same total (the practical decides) and the 6th and 7th the same total and
 * practical (the completion time decides who is honoured); in 维修电工, two share a rank further down
 * (same total, practical, time and theory).
 */
export const DEMO_TIES = {
  T01: [{ ranks: [2, 3], by: 'practical' }, { ranks: [6, 7], by: 'time' }],
  T02: [{ ranks: [20, 21], by: 'shared' }],
} as const satisfies Record<string, readonly { ranks: readonly [number, number]; by: 'practical' | 'time' | 'shared' }[]>;

function practicalOf(spec: DemoCompetitionSpec, m: DemoEntryMarks): number {
  const aspects = spec.scheme.criteria.flatMap((c) => c.subCriteria.flatMap((x) => x.aspects));
  return practicalTotal(aspects.map((a) => ({ mark: aspectMark(a, m.aspects.get(a.code)!) })));
}

function arrangeTies(spec: DemoCompetitionSpec, list: DemoEntryMarks[]): DemoEntryMarks[] {
  const ties = (DEMO_TIES as Record<string, readonly { ranks: readonly [number, number]; by: string }[]>)[spec.tradeCode] ?? [];
  const totalOf = (m: DemoEntryMarks) => weightedTotal(spec.parts, { practical: practicalOf(spec, m), theory: m.theory }) ?? 0;
  for (const tie of ties) {
    const order = list.map((m, i) => ({ i, total: totalOf(m) })).sort((a, b) => b.total - a.total);
    const [a, b] = tie.ranks.map((r) => list[order[r - 1]!.i]!) as [DemoEntryMarks, DemoEntryMarks];
    if (tie.by === 'practical') {
      // b's theory set so that the totals are equal while the practicals differ.
      const target = totalOf(a);
      const pb = practicalOf(spec, b);
      for (let h = 0; h <= 10000; h++) {
        if (weightedTotal(spec.parts, { practical: pb, theory: h / 100 }) === target && h / 100 !== a.theory) {
          b.theory = h / 100;
          break;
        }
      }
    } else {
      // the same marks and theory score: equal total and practical; then the time decides, or nothing.
      b.aspects = new Map([...a.aspects].map(([k, v]) => [k, [...v]]));
      b.theory = a.theory;
      b.seconds = tie.by === 'time' ? a.seconds + 95 : a.seconds;
    }
  }
  return list;
}
