/**
 * A status column that may only move along named edges (状态流转). The services call `assert`
 * before every update, so a competition cannot go from 成绩已锁定 back to 筹备 however the request
 * was made; the client uses `next` to show only the buttons that make sense.
 *
 * The first key of `transitions` is the initial state.
 */

export class TransitionError extends Error {
  override readonly name = 'TransitionError';
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Machine<S extends string> {
  readonly name: string;
  /** Every state, in the order the transitions map lists them; `states[0]` is the initial state. */
  readonly states: readonly S[];
  readonly initial: S;
  /** Chinese label of a state (the key itself when no label was given). */
  label(state: S): string;
  isState(value: unknown): value is S;
  can(from: S, to: S): boolean;
  next(from: S): readonly S[];
  /** Throws a TransitionError, e.g. 不能从「成绩已锁定」变为「筹备」. */
  assert(from: S, to: S): void;
}

export function defineMachine<S extends string>(
  name: string,
  transitions: Record<S, readonly S[]>,
  labels: Partial<Record<S, string>> = {},
): Machine<S> {
  const states = Object.freeze(Object.keys(transitions) as S[]);
  if (states.length === 0) throw new Error(`状态机 ${name} 没有任何状态`);
  const known = new Set<string>(states);
  const edges = new Map<S, readonly S[]>();
  for (const s of states) {
    const targets = transitions[s];
    for (const t of targets) {
      if (!known.has(t)) throw new Error(`状态机 ${name}：「${s}」指向未定义的状态「${t}」`);
    }
    edges.set(s, Object.freeze([...new Set(targets)]));
  }
  const isState = (value: unknown): value is S => typeof value === 'string' && known.has(value);
  const label = (s: S): string => labels[s] ?? s;
  const can = (from: S, to: S): boolean => isState(from) && (edges.get(from)?.includes(to) ?? false);
  return {
    name,
    states,
    initial: states[0]!,
    label,
    isState,
    can,
    next: (from) => edges.get(from) ?? [],
    assert(from, to) {
      if (can(from, to)) return;
      const message = isState(from)
        ? isState(to)
          ? `不能从「${label(from)}」变为「${label(to)}」`
          : `未知状态「${String(to)}」`
        : `未知状态「${String(from)}」`;
      throw new TransitionError(name, from, to, message);
    },
  };
}
