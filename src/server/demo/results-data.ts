import { at } from './competition-data.js';

/**
 * After the competition: the appeals of the evening of 24 May (the window closes two hours after
 * the sign-off at 20:00), the decoding on the 25th, the public notice from Tuesday 26 May for five
 * working days — 端午 (28–30 May) does not count, the make-up Sunday 31 May does, so it ends on
 * Tuesday 2 June — one objection looked into and dismissed, the results final on 3 June, and the
 * certificates issued on 5 June. The welders' (焊工) results are decoded but not yet on notice: the
 * console shows a competition ready to publish.
 */
export const RESULTS_TIMELINE = {
  upheldAppealLodged: at('2009-05-24T20:25:00'),
  dismissedAppealLodged: at('2009-05-24T20:50:00'),
  upheldAppealDecided: at('2009-05-24T21:20:00'),
  amendmentApproved: at('2009-05-24T21:35:00'),
  dismissedAppealDecided: at('2009-05-24T21:45:00'),
  decoding: at('2009-05-25T09:00:00'),
  noticePublished: at('2009-05-26T09:00:00'),
  objectionLodged: at('2009-05-27T10:15:00'),
  objectionInvestigating: at('2009-05-27T15:00:00'),
  objectionDismissed: at('2009-05-31T16:00:00'),
  finality: at('2009-06-03T00:05:00'),
  certificates: at('2009-06-05T09:00:00'),
} as const;

/** The trades whose results go through the notice to final; the others stay decoded. */
export const DEMO_NOTICE_TRADES = ['T01', 'T02', 'T03'] as const;

/** The contestant account of the demo (role person): a lathe operator who appealed and was dismissed. */
export const DEMO_CONTESTANT = { username: 'contestant01', password: 'Person2009demo' } as const;

export const DEMO_APPEALS = {
  upheld: {
    content: '我单位选手在车工实操考核中，尺寸测量细则的评分与现场复测记录不符（现场复测数据在公差范围内），请求仲裁组复核该项测量评分。',
    reason: '仲裁组调取现场复测记录及工件复测，确认该尺寸在公差范围内，原评分录入有误，申诉成立，按复测结果更正。',
    approvalNote: '已核对工件复测记录，同意更正。',
  },
  dismissed: {
    content: '本人认为实操考核中工艺评价项目的评分偏低，评价标准理解可能存在差异，申请复核。',
    reason: '经仲裁组调阅评分记录与评分标准，三名裁判评分一致且符合评价标准，评分无误，申诉不成立，维持原评分。',
  },
} as const;

export const DEMO_OBJECTION = {
  name: '王建国',
  contact: '13907550123',
  content: '公示名单中某选手所在单位与其实际工作单位不一致，请核实该选手的参赛资格。',
  investigating: '已转活动督导部调查，调取该选手劳动合同和社保缴纳记录。',
  dismissed: '经核查，该选手劳动关系在所报单位，参赛资格符合竞赛通知要求，异议不成立。已电话告知异议人。',
} as const;
