import type { CompetitionStatus } from './states.js';

/**
 * What each tab of a competition's console may do in each status, and the sentence that says so.
 *
 * Written once here (not in each tab) because the tabs used to decide on their own lists of
 * statuses and forgot the later ones: a 成绩已确定 competition said "抽签后才能开始评分" on 评分进度,
 * "签字锁定后才能解密" on 解密, and offered an editable 基本信息 whose save then failed. Every status
 * of states.ts maps to an answer for every tab, so a new status cannot be forgotten (the test
 * walks them all), and the answers follow what the server accepts:
 *   set-up     open until the draw; trade, level, stations, prefix and parts fixed from the draw;
 *              rules fixed from the notice (公示) on; nothing changes once final (成绩已确定);
 *   scheme     editable until marking starts;   staff: judges fixed from the start of marking;
 *   entries    units register while 报名中; from the draw only withdrawals, none from marking on;
 *   draw       after registration closes, once; progress: from the draw; decoding: from locking;
 *   part scores (理论/答辩) typed between the draw and the sign-off, amended afterwards.
 */

export const STAGE_TABS = ['setup', 'scheme', 'entries', 'staff', 'draw', 'progress', 'decode', 'partScores'] as const;
export type StageTab = (typeof STAGE_TABS)[number];

/** yes: every field and action; partly: some (the message says which); no: read-only. */
export type StageAccess = 'yes' | 'partly' | 'no';

export interface TabStage {
  access: StageAccess;
  /** An i18n key of the client (`stage.<tab>.<case>`), or null when nothing needs saying. */
  message: StageMessage | null;
  /** How the message is shown: info (waiting or open), success (done), warning (fixed / read-only). */
  tone: 'info' | 'success' | 'warning';
}

const BEFORE_DRAW: readonly CompetitionStatus[] = ['draft', 'registration', 'closed'];
const MARKING_ON: readonly CompetitionStatus[] = ['marking', 'locked', 'decoded', 'notice', 'final'];
const LOCKED_ON: readonly CompetitionStatus[] = ['locked', 'decoded', 'notice', 'final'];

const is = (s: CompetitionStatus, list: readonly CompetitionStatus[]) => list.includes(s);

/** Every message the function can give (the client's zh.ts and en.ts have each as a key). */
export const STAGE_MESSAGES = [
  'stage.setup.afterDraw',
  'stage.setup.notice',
  'stage.setup.final',
  'stage.scheme.locked',
  'stage.entries.draft',
  'stage.entries.closed',
  'stage.entries.drawn',
  'stage.entries.fixed',
  'stage.staff.marking',
  'stage.draw.beforeClose',
  'stage.draw.done',
  'stage.progress.beforeDraw',
  'stage.progress.marking',
  'stage.progress.locked',
  'stage.progress.final',
  'stage.decode.beforeLock',
  'stage.decode.ready',
  'stage.decode.done',
  'stage.partScores.beforeDraw',
  'stage.partScores.open',
  'stage.partScores.locked',
] as const;
export type StageMessage = (typeof STAGE_MESSAGES)[number];

const stage = (access: StageAccess, message: StageMessage | null, tone: TabStage['tone'] = 'info'): TabStage => ({ access, message, tone });

/** The truth for one tab in one status (pure; the tabs only render it). */
export function tabStage(tab: StageTab, s: CompetitionStatus): TabStage {
  switch (tab) {
    case 'setup':
      if (is(s, BEFORE_DRAW)) return stage('yes', null);
      if (s === 'final') return stage('no', 'stage.setup.final', 'warning');
      if (s === 'notice') return stage('partly', 'stage.setup.notice', 'warning');
      return stage('partly', 'stage.setup.afterDraw', 'warning');
    case 'scheme':
      return is(s, MARKING_ON) ? stage('no', 'stage.scheme.locked', 'warning') : stage('yes', null);
    case 'entries':
      if (s === 'draft') return stage('no', 'stage.entries.draft');
      if (s === 'registration') return stage('yes', null);
      if (s === 'closed') return stage('partly', 'stage.entries.closed');
      if (s === 'drawn') return stage('partly', 'stage.entries.drawn', 'warning');
      return stage('no', 'stage.entries.fixed', 'warning');
    case 'staff':
      return is(s, MARKING_ON) ? stage('partly', 'stage.staff.marking', 'warning') : stage('yes', null);
    case 'draw':
      if (s === 'closed') return stage('yes', null);
      if (is(s, BEFORE_DRAW)) return stage('no', 'stage.draw.beforeClose');
      return stage('no', 'stage.draw.done', 'success');
    case 'progress':
      if (is(s, BEFORE_DRAW)) return stage('no', 'stage.progress.beforeDraw');
      if (s === 'drawn') return stage('yes', null); // the tab offers to start marking
      if (s === 'marking') return stage('yes', 'stage.progress.marking');
      if (s === 'final') return stage('no', 'stage.progress.final', 'success');
      return stage('no', 'stage.progress.locked', 'success');
    case 'decode':
      if (!is(s, LOCKED_ON)) return stage('no', 'stage.decode.beforeLock');
      if (s === 'locked') return stage('yes', 'stage.decode.ready');
      return stage('yes', 'stage.decode.done', 'success');
    case 'partScores':
      if (is(s, BEFORE_DRAW)) return stage('no', 'stage.partScores.beforeDraw');
      if (s === 'drawn' || s === 'marking') return stage('yes', 'stage.partScores.open');
      return stage('no', 'stage.partScores.locked', 'warning');
  }
}
