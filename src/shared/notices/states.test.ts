import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Machine } from '../competition/state-machine.js';
import { APPEAL, NOTICE, OBJECTION, PENDING_OBJECTION } from './states.js';

/** Every state reachable from the initial one by some walk of the machine's edges. */
function reachable<S extends string>(m: Machine<S>): Set<S> {
  const seen = new Set<S>([m.initial]);
  const todo = [m.initial];
  while (todo.length) {
    for (const n of m.next(todo.pop()!)) {
      if (seen.has(n)) continue;
      seen.add(n);
      todo.push(n);
    }
  }
  return seen;
}

describe('notice, objection and appeal state machines', () => {
  it('start open / open / lodged, and reach every state', () => {
    expect([NOTICE.initial, OBJECTION.initial, APPEAL.initial]).toEqual(['open', 'open', 'lodged']);
    for (const m of [NOTICE, OBJECTION, APPEAL] as Machine<string>[]) expect(reachable(m)).toEqual(new Set(m.states));
  });

  it('never leave a decided state, and never return to the initial one', () => {
    for (const m of [NOTICE, OBJECTION, APPEAL] as Machine<string>[]) {
      fc.assert(fc.property(fc.array(fc.constantFrom(...m.states), { maxLength: 12 }), (walk) => {
        let at = m.initial;
        for (const to of walk) {
          if (!m.can(at, to)) continue;
          expect(to).not.toBe(m.initial);
          at = to;
        }
        if (m.next(at).length === 0) expect(walk.every((to) => !m.can(at, to))).toBe(true);
      }));
    }
  });

  it('suspends, finalizes or withdraws only an open notice', () => {
    expect(NOTICE.next('open')).toEqual(['suspended', 'final', 'withdrawn']);
    expect(() => NOTICE.assert('suspended', 'open')).toThrow('不能从「已中止」变为「公示中」');
    expect(() => NOTICE.assert('final', 'suspended')).toThrow();
  });

  it('an investigation ends upheld or dismissed; pending objections are exactly the undecided ones', () => {
    expect(OBJECTION.next('investigating')).toEqual(['upheld', 'dismissed']);
    expect(OBJECTION.states.filter((s) => OBJECTION.next(s).length > 0)).toEqual([...PENDING_OBJECTION]);
    expect(() => APPEAL.assert('dismissed', 'upheld')).toThrow('不能从「申诉驳回」变为「申诉成立」');
  });
});
