import type { StageDef, StageKind } from '../../../shared/selection/rules.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { RoundRow } from './policy.js';

/**
 * What each kind of stage tells the round: how many candidates it holds, what it still waits for
 * before it can close, and what happens when it opens or closes. Each module registers the kinds it
 * owns (nominations: nomination, eligibility; exam; review: panel; cuts: cut; commendation:
 * approval, notice, commendation). Hooks run inside the round's transaction: use `tx` only.
 */
export interface StageGate {
  count(tx: Tx, round: RoundRow, stage: StageDef): Promise<number | null>;
  /** Why the stage cannot close now (empty: it can). */
  blockers(tx: Tx, ctx: ServiceContext, round: RoundRow, stage: StageDef): Promise<string[]>;
  onOpen?(tx: Tx, ctx: ServiceContext, round: RoundRow, stage: StageDef): Promise<void>;
  onClose?(tx: Tx, ctx: ServiceContext, round: RoundRow, stage: StageDef): Promise<void>;
}

const gates = new Map<StageKind, StageGate>();

export function registerStageGate(kind: StageKind, gate: StageGate): void {
  gates.set(kind, gate);
}

const NONE: StageGate = { count: async () => null, blockers: async () => [] };
export const stageGate = (kind: StageKind): StageGate => gates.get(kind) ?? NONE;
