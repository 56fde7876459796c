import type { z } from 'zod';
import type { AppealWindow } from '../../../shared/contracts/appeals.js';
import { CompetitionRules } from '../../../shared/contracts/competitions.js';
import type { CompetitionStatus } from '../../../shared/contracts/competitions.js';

/** Appeals are taken after the marks are locked and before the results go on public notice. */
export const APPEALABLE: readonly CompetitionStatus[] = ['locked', 'decoded'];

/**
 * 申诉期: from the competition's end (its marks locked as a whole) for `appealWindowHours`.
 * Closed before the end, after the deadline, and once the results are on notice.
 */
export function appealWindow(c: { status: CompetitionStatus; endedAt: Date | null; rules: unknown }, now: Date): { endedAt: Date | null; deadline: Date | null; open: boolean } {
  if (!c.endedAt) return { endedAt: null, deadline: null, open: false };
  const deadline = new Date(c.endedAt.getTime() + CompetitionRules.parse(c.rules).appealWindowHours * 3_600_000);
  return { endedAt: c.endedAt, deadline, open: APPEALABLE.includes(c.status) && now < deadline };
}

export function presentWindow(w: ReturnType<typeof appealWindow>): z.infer<typeof AppealWindow> {
  return { endedAt: w.endedAt?.toISOString() ?? null, deadline: w.deadline?.toISOString() ?? null, open: w.open };
}
