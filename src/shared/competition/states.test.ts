import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Machine } from './state-machine.js';
import { AMENDMENT, COMPETITION, ENTRY } from './states.js';

/** The edges as the brief states them, written out independently of states.ts. */
const SPEC: [string, Machine<string>, string[]][] = [
  ['competition', COMPETITION as Machine<string>, [
    'draft>registration', 'registration>closed', 'closed>registration', 'registration>draft',
    'closed>drawn', 'drawn>marking', 'marking>locked', 'locked>decoded',
    'decoded>notice', 'notice>decoded', 'notice>final',
  ]],
  ['entry', ENTRY as Machine<string>, [
    'submitted>approved', 'submitted>rejected', 'submitted>withdrawn', 'approved>withdrawn', 'rejected>submitted',
  ]],
  ['amendment', AMENDMENT as Machine<string>, ['pending>approved', 'pending>rejected']],
];

describe.each(SPEC)('%s status flow', (_name, machine, edges) => {
  const allowed = new Set(edges);

  it('has exactly the specified edges', () => {
    const actual = machine.states.flatMap((s) => machine.next(s).map((t) => `${s}>${t}`));
    expect(new Set(actual)).toEqual(allowed);
    for (const a of machine.states) for (const b of machine.states) expect(machine.can(a, b)).toBe(allowed.has(`${a}>${b}`));
  });

  it('random walks from the initial state only take allowed edges', () => {
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
      let at = machine.initial;
      for (const c of choices) {
        const options = machine.next(at);
        if (options.length === 0) break;
        const to = options[c % options.length]!;
        expect(allowed.has(`${at}>${to}`)).toBe(true);
        machine.assert(at, to);
        at = to;
      }
    }));
  });

  it('reaches every state from the initial one', () => {
    const seen = new Set([machine.initial]);
    const queue = [machine.initial];
    while (queue.length) for (const t of machine.next(queue.shift()!)) if (!seen.has(t)) { seen.add(t); queue.push(t); }
    expect([...seen].sort()).toEqual([...machine.states].sort());
  });

  it('labels every state in Chinese', () => {
    for (const s of machine.states) expect(machine.label(s)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('competition flow', () => {
  it('never goes back once marks are locked', () => {
    expect(() => COMPETITION.assert('locked', 'draft')).toThrow('不能从「成绩已锁定」变为「筹备」');
    expect(() => COMPETITION.assert('locked', 'marking')).toThrow('不能从「成绩已锁定」变为「评分中」');
    expect(COMPETITION.next('final')).toEqual([]);
    expect(() => COMPETITION.assert('notice', 'locked')).toThrow('不能从「公示中」变为「成绩已锁定」');
  });

  it('goes final only through public notice, and a suspended notice returns to 已解密', () => {
    expect(() => COMPETITION.assert('decoded', 'final')).toThrow();
    expect(COMPETITION.next('decoded')).toEqual(['notice']);
    expect([...COMPETITION.next('notice')].sort()).toEqual(['decoded', 'final']);
  });

  it('starts at 筹备; entries start at 待审核; amendments at 待批准', () => {
    expect(COMPETITION.initial).toBe('draft');
    expect(ENTRY.initial).toBe('submitted');
    expect(AMENDMENT.initial).toBe('pending');
  });
});
