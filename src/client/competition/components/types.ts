/**
 * The shapes the competition routes answer with. Set-up and staff have shared zod contracts; the
 * rest mirror the server services (src/server/{schemes,entries,draws,judging,marks}) as written.
 */
import type { AspectKind, Band, MarkingSchemeDraft } from '../../../shared/competition/scheme';
import type { AmendmentStatus, EntryStatus } from '../../../shared/competition/states';

import type { z } from 'zod';
import type { StaffMember as StaffMemberSchema } from '../../../shared/contracts/competitions';

export type { Competition, CompetitionInput, StaffRole } from '../../../shared/contracts/competitions';
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export interface SchemeAspectRow {
  id: number;
  position: number;
  code: string;
  criterionCode: string;
  criterionName: string;
  subCriterionCode: string;
  subCriterionName: string;
  description: string;
  kind: AspectKind;
  maxMark: number;
  bands: Band[] | null;
  levels: string[] | null;
}

/** GET /api/competitions/:id/scheme (null before the first save). */
export interface SchemeView {
  id: number;
  version: number;
  lockedAt: string | null;
  createdAt: string;
  scheme: MarkingSchemeDraft;
  aspects: SchemeAspectRow[];
}

/** GET /api/competitions/:id/entries: names for organizers and the unit, never the drawn code. */
export interface EntryView {
  id: number;
  competitionId: number;
  personId: number;
  name: string;
  idNumberMasked: string;
  unitId: number;
  unitName: string;
  status: EntryStatus;
  reason: string | null;
  examNumber: string | null;
  registeredAt: string;
  decidedAt: string | null;
}

export interface DrawLot {
  code: string;
  station: number;
  round: number;
}

export interface DrawView {
  algorithm: string;
  seedCommitment: string | null;
  committedAt: string | null;
  drawnAt: string | null;
  stations: number;
  codePrefix: string;
  lots: DrawLot[];
  verification: { seed: string; entryIds: number[]; result: (DrawLot & { entryId: number })[] } | null;
}

export interface DecodedRow {
  entryId: number;
  code: string | null;
  station: number | null;
  round: number | null;
  examNumber: string | null;
  name: string;
  idNumberMasked: string;
  unitName: string;
}

export interface AssignmentView {
  aspects: { aspectId: number; code: string; kind: AspectKind; team: { judgeId: number; name: string }[] }[];
  /** By the contestant's name; a conflict a judge reported on a code while marking ("认识该选手") with neither code nor name (entryId, contestant, unitName null). */
  recusals: { key: string; judgeId: number; judgeName: string; entryId: number | null; contestant: string | null; unitName: string | null; reason: string }[];
  shortPanels: number;
}

export interface CriterionProgress {
  code: string;
  name: string;
  expected: number;
  entered: number;
  flagged: number;
  shortPanels: number;
  signedOff: boolean;
}

export interface SpreadFlag {
  code: string;
  aspectId: number;
  aspectCode: string;
  values: number[];
}

export interface ProgressView {
  status: string;
  criteria: CriterionProgress[];
  flags: SpreadFlag[];
  partScoresMissing: number;
  signedOff: string[];
  shortPanels: number;
  /** Codes a judge reported recognising (认识该选手): by code, never with whom. */
  reportedConflicts: { code: string; reportedAt: string }[];
}

export interface SheetContestant {
  code: string;
  value: number | null;
  version: number;
}

export interface SheetAspect {
  aspectId: number;
  code: string;
  criterionCode: string;
  criterionName: string;
  description: string;
  kind: AspectKind;
  maxMark: number;
  bands: Band[] | null;
  levels: string[] | null;
  contestants: SheetContestant[];
}

/** GET …/marking/sheet: the judge's own aspects and codes, nothing else. */
export interface SheetView {
  status: string;
  aspects: SheetAspect[];
}

export interface MarkResult {
  code: string;
  aspectId: number;
  value: number;
  version: number;
  replayed: boolean;
  complete: boolean;
  flagged: boolean;
  confirmed: boolean;
  marks: { judgeId: number; value: number; version: number }[];
}

export interface PanelView {
  code: string;
  aspectId: number;
  kind: AspectKind;
  complete: boolean;
  flagged: boolean;
  confirmed: boolean;
  /** Before decoding the seats are anonymous (judgeId and judgeName null); `mine` marks the reader's own. */
  panel: { seat: number; mine: boolean; judgeId: number | null; judgeName: string | null; value: number | null; version: number }[];
}

/** GET …/amendments: by contestant code, never by entry (a code must not be joined to a person before decoding). */
export interface AmendmentView {
  id: number;
  code: string | null;
  aspectId: number | null;
  judgeId: number | null;
  part: 'practical' | 'theory' | 'oral';
  oldValue: number;
  newValue: number;
  reason: string;
  status: AmendmentStatus;
  requestedBy: number;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
