import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/i18n/en';
import { zh } from '../../client/i18n/zh';
import { STAGE_MESSAGES, STAGE_TABS, tabStage } from './stage';
import { COMPETITION_STATUSES, type CompetitionStatus } from './states';

const order = (s: CompetitionStatus) => COMPETITION_STATUSES.indexOf(s);
const status = fc.constantFrom(...COMPETITION_STATUSES);
const tab = fc.constantFrom(...STAGE_TABS);

describe('tabStage: every tab tells the truth in every status', () => {
  it('answers every tab in every status with a known message', () => {
    fc.assert(
      fc.property(tab, status, (t, s) => {
        const r = tabStage(t, s);
        expect(['yes', 'partly', 'no']).toContain(r.access);
        if (r.message) expect(STAGE_MESSAGES).toContain(r.message);
      }),
    );
  });

  it('never says a step is still ahead once the competition is past it (the 成绩已确定 bug)', () => {
    fc.assert(
      fc.property(status, (s) => {
        if (order(s) >= order('drawn')) {
          expect(tabStage('progress', s).message).not.toBe('stage.progress.beforeDraw');
          expect(tabStage('partScores', s).message).not.toBe('stage.partScores.beforeDraw');
          expect(tabStage('draw', s).message).toBe('stage.draw.done');
        }
        if (order(s) >= order('locked')) {
          expect(tabStage('decode', s)).toMatchObject({ access: 'yes' });
          expect(tabStage('decode', s).message).not.toBe('stage.decode.beforeLock');
        }
      }),
    );
  });

  it('a finished competition: set-up read-only, marking over, decoding open to look again', () => {
    expect(tabStage('setup', 'final')).toEqual({ access: 'no', message: 'stage.setup.final', tone: 'warning' });
    expect(tabStage('progress', 'final').message).toBe('stage.progress.final');
    expect(tabStage('decode', 'final').message).toBe('stage.decode.done');
    expect(tabStage('partScores', 'final').access).toBe('no');
    expect(tabStage('scheme', 'final').access).toBe('no');
  });

  it('editing narrows as the competition moves on, never widens', () => {
    const rank = { yes: 2, partly: 1, no: 0 } as const;
    for (const t of ['setup', 'scheme', 'staff'] as const) {
      const ranks = COMPETITION_STATUSES.map((s) => rank[tabStage(t, s).access]);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    }
  });

  it('has each message in Chinese and in English', () => {
    for (const m of STAGE_MESSAGES) {
      expect(zh).toHaveProperty([m]);
      expect(en).toHaveProperty([m]);
    }
  });
});
