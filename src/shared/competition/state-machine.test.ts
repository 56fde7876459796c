import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineMachine, TransitionError } from './state-machine.js';

type Light = 'red' | 'green' | 'amber';
const light = defineMachine<Light>('light', { red: ['green'], green: ['amber'], amber: ['red'] }, { red: '红灯', green: '绿灯' });

describe('defineMachine', () => {
  it('lists states in order, the first being the initial one', () => {
    expect(light.states).toEqual(['red', 'green', 'amber']);
    expect(light.initial).toBe('red');
  });

  it('allows exactly the listed edges', () => {
    expect(light.can('red', 'green')).toBe(true);
    expect(light.can('green', 'red')).toBe(false);
    expect(light.can('red', 'red')).toBe(false);
    expect(light.next('green')).toEqual(['amber']);
  });

  it('throws a TransitionError with the labels (or the key when a label is missing)', () => {
    expect(() => light.assert('green', 'red')).toThrow('不能从「绿灯」变为「红灯」');
    try {
      light.assert('amber', 'green');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TransitionError);
      expect(e).toMatchObject({ machine: 'light', from: 'amber', to: 'green', message: '不能从「amber」变为「绿灯」' });
    }
  });

  it('refuses unknown states instead of crashing', () => {
    expect(light.can('blue' as Light, 'red')).toBe(false);
    expect(() => light.assert('blue' as Light, 'red')).toThrow('未知状态「blue」');
    expect(light.isState('blue')).toBe(false);
    expect(light.isState('red')).toBe(true);
  });

  it('refuses a definition with an edge to an undefined state', () => {
    expect(() => defineMachine('bad', { a: ['b'] } as unknown as Record<'a', readonly 'a'[]>)).toThrow('未定义的状态「b」');
  });

  it('assert throws exactly when can is false', () => {
    const s = fc.constantFrom(...light.states);
    fc.assert(fc.property(s, s, (from, to) => {
      if (light.can(from, to)) expect(() => light.assert(from, to)).not.toThrow();
      else expect(() => light.assert(from, to)).toThrow(TransitionError);
    }));
  });
});
