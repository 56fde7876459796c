import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePanel, ConflictDeclaration, type EntryParty, type JudgeConflicts, recusalReason } from './recusal.js';

const entry: EntryParty = { entryId: 7, personId: 70, unitId: 3 };
const judge = (judgeId: number, unitId: number | null, declared: JudgeConflicts['declared'] = []): JudgeConflicts => ({ judgeId, unitId, declared });

describe('回避 (recusal)', () => {
  it('recuses a judge of the contestant’s own unit', () => {
    expect(recusalReason(judge(1, 3), entry)).toEqual({ code: 'own_unit', message: '裁判与选手同属一个单位，须回避' });
    expect(recusalReason(judge(1, 4), entry)).toBeNull();
    expect(recusalReason(judge(1, null), entry)).toBeNull();
  });

  it('recuses on a declared unit or person, with the reason', () => {
    expect(recusalReason(judge(1, 4, [{ kind: 'unit', id: 3, reason: 'former_employer', note: '2001–2005 在该厂' }]), entry)).toEqual({
      code: 'declared_unit', reason: 'former_employer', note: '2001–2005 在该厂', message: '裁判申报曾在该单位任职，须回避',
    });
    expect(recusalReason(judge(1, 4, [{ kind: 'person', id: 70, reason: 'master_apprentice' }]), entry)?.message).toBe('裁判申报与该选手有师徒关系，须回避');
    expect(recusalReason(judge(1, 4, [{ kind: 'person', id: 70, reason: 'relative' }]), entry)?.message).toBe('裁判申报与该选手有亲属关系，须回避');
    // The ids are of different things: person 3 is not unit 3, and unit 70 is not person 70.
    expect(recusalReason(judge(1, 4, [{ kind: 'person', id: 3, reason: 'relative' }, { kind: 'unit', id: 70, reason: 'other' }]), entry)).toBeNull();
  });

  it('names the own unit first, then a declared unit, then a declared person', () => {
    const both: JudgeConflicts['declared'] = [{ kind: 'person', id: 70, reason: 'relative' }, { kind: 'unit', id: 3, reason: 'other' }];
    expect(recusalReason(judge(1, 3, both), entry)?.code).toBe('own_unit');
    expect(recusalReason(judge(1, 4, both), entry)?.code).toBe('declared_unit');
  });

  it('recuses on an entry the judge reported ("认识该选手"), by entry id only', () => {
    expect(recusalReason(judge(1, 4, [{ kind: 'entry', id: 7, reason: 'other' }]), entry)).toEqual({ code: 'reported_entry', message: '裁判报告认识该选手，须回避' });
    // Entry 70 is not person 70, nor unit 3 entry 3.
    expect(recusalReason(judge(1, 4, [{ kind: 'entry', id: 70, reason: 'other' }, { kind: 'entry', id: 3, reason: 'other' }]), entry)).toBeNull();
  });

  it('checks declarations', () => {
    expect(ConflictDeclaration.safeParse({ kind: 'unit', id: 3, reason: 'former_employer' }).success).toBe(true);
    expect(ConflictDeclaration.safeParse({ kind: 'team', id: 3, reason: 'other' }).success).toBe(false);
    expect(ConflictDeclaration.safeParse({ kind: 'unit', id: 0, reason: 'other' }).success).toBe(false);
  });
});

describe('评分组 (panel composition)', () => {
  it('replaces a recused judge with the first substitute who may mark', () => {
    const judges = new Map([
      [1, judge(1, 3)],
      [2, judge(2, 5)],
      [3, judge(3, 6)],
      [10, judge(10, 4, [{ kind: 'person', id: 70, reason: 'relative' }])],
      [11, judge(11, 8)],
      [12, judge(12, 9)],
    ]);
    expect(composePanel({ assigned: [1, 2, 3], substitutes: [10, 2, 11, 12], judges, entry })).toEqual({
      panel: [2, 3, 11],
      recused: [{ judgeId: 1, message: '裁判与选手同属一个单位，须回避' }, { judgeId: 10, message: '裁判申报与该选手有亲属关系，须回避' }],
      substitutesUsed: [11],
      short: 0,
    });
    expect(composePanel({ assigned: [1, 2], substitutes: [10], judges, entry })).toMatchObject({ panel: [2], short: 2 });
    expect(composePanel({ assigned: [1, 2, 3], substitutes: [11], judges, entry, size: 1 })).toMatchObject({ panel: [2], substitutesUsed: [], short: 0 });
  });

  it('refuses a judge whose conflicts are unknown, and a panel of no seats', () => {
    expect(() => composePanel({ assigned: [99], substitutes: [], judges: new Map(), entry })).toThrow('缺少裁判 99 的回避信息');
    expect(() => composePanel({ assigned: [], substitutes: [], judges: new Map(), entry, size: 0 })).toThrow('评分组人数');
  });

  const world = fc
    .record({
      judges: fc.array(
        fc.record({
          unitId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
          declared: fc.array(fc.record({ kind: fc.constantFrom<'unit' | 'person'>('unit', 'person'), id: fc.integer({ min: 1, max: 6 }), reason: fc.constantFrom('former_employer', 'master_apprentice', 'relative', 'other') as fc.Arbitrary<ConflictDeclaration['reason']> }), { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 10 },
      ),
      entry: fc.record({ entryId: fc.constant(1), personId: fc.integer({ min: 1, max: 6 }), unitId: fc.integer({ min: 1, max: 4 }) }),
      assignedPicks: fc.array(fc.nat(), { maxLength: 5 }),
      substitutePicks: fc.array(fc.nat(), { maxLength: 6 }),
      size: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ judges, entry, assignedPicks, substitutePicks, size }) => {
      const map = new Map(judges.map((j, i) => [i + 1, { judgeId: i + 1, ...j }]));
      const pick = (n: number) => (n % judges.length) + 1;
      return { judges: map, entry, assigned: assignedPicks.map(pick), substitutes: substitutePicks.map(pick), size };
    });

  it('never seats a judge who must recuse, never seats anyone twice, and counts the empty seats', () => {
    fc.assert(fc.property(world, (w) => {
      const r = composePanel(w);
      for (const id of r.panel) expect(recusalReason(w.judges.get(id)!, w.entry)).toBeNull();
      expect(new Set(r.panel).size).toBe(r.panel.length);
      expect(r.panel.length + r.short).toBe(w.size);
      expect(r.short).toBeGreaterThanOrEqual(0);
      for (const id of r.substitutesUsed) expect(r.panel).toContain(id);
      for (const { judgeId } of r.recused) expect(recusalReason(w.judges.get(judgeId)!, w.entry)).not.toBeNull();
    }));
  });

  it('fills every seat when enough judges may mark, assigned judges first', () => {
    fc.assert(fc.property(world, (w) => {
      const r = composePanel(w);
      const free = (ids: readonly number[]) => [...new Set(ids)].filter((id) => recusalReason(w.judges.get(id)!, w.entry) === null);
      const available = free([...w.assigned, ...w.substitutes]);
      if (available.length >= w.size) expect(r.short).toBe(0);
      expect(r.panel.slice(0, Math.min(w.size, free(w.assigned).length))).toEqual(free(w.assigned).slice(0, w.size));
      expect(r.panel).toEqual(available.slice(0, w.size));
    }));
  });
});
