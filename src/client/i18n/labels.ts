import { ASPECT_KIND_NAMES, type AspectKind } from '../../shared/competition/scheme';
import { PART_NAMES, type PartKey } from '../../shared/competition/parts';
import { CONFLICT_REASON_NAMES, type ConflictReason } from '../../shared/competition/recusal';
import { AMENDMENT_STATUS_NAMES, COMPETITION_STATUS_NAMES, ENTRY_STATUS_NAMES, type AmendmentStatus, type CompetitionStatus, type EntryStatus } from '../../shared/competition/states';
import type { CommitteeBody, Role } from '../../shared/contracts/auth';
import type { StaffRole } from '../../shared/contracts/competitions';
import type { UnitKind } from '../../shared/contracts/units';
import { LEVEL_NAMES, LEVELS, isLevel } from '../../shared/levels';
import { useLang, useT, type Lang } from './index';

/**
 * The competition's enumerations: Chinese from the shared rules (the names the server's messages
 * use), English here. Kept out of zh.ts/en.ts so the public pages do not load the competition rules.
 */
const NAMES = {
  competitionStatus: {
    zh: COMPETITION_STATUS_NAMES,
    en: { draft: 'In preparation', registration: 'Registration open', closed: 'Registration closed', drawn: 'Drawn', marking: 'Marking', locked: 'Marks locked', decoded: 'Decoded', notice: 'On public notice', final: 'Results final' },
  },
  entryStatus: { zh: ENTRY_STATUS_NAMES, en: { submitted: 'Awaiting review', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' } },
  amendmentStatus: { zh: AMENDMENT_STATUS_NAMES, en: { pending: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected' } },
  aspectKind: { zh: ASPECT_KIND_NAMES, en: { measurement: 'Measurement', judgement: 'Judgement' } },
  part: { zh: PART_NAMES, en: { theory: 'Theory exam', practical: 'Practical assessment', oral: 'Oral defence' } },
  conflictReason: {
    zh: CONFLICT_REASON_NAMES,
    en: { former_employer: 'Former employment', master_apprentice: 'Master–apprentice', relative: 'Relative', other: 'Other interest' },
  },
} satisfies Record<string, Record<Lang, Record<string, string>>>;

/** Names of the enumerations in the current language. */
export function useLabels() {
  const t = useT();
  const { lang } = useLang();
  return {
    role: (r: Role) => t(`role.${r}`),
    committeeBody: (b: CommitteeBody) => t(`committeeBody.${b}`),
    unitKind: (k: UnitKind) => t(`unitKind.${k}`),
    gender: (g: 'M' | 'F') => t(`gender.${g}`),
    level: (l: number | null | undefined) => (isLevel(l) ? LEVEL_NAMES[l][lang] : t('common.dash')),
    levelOptions: LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l][lang] })),
    competitionStatus: (s: CompetitionStatus) => NAMES.competitionStatus[lang][s],
    entryStatus: (s: EntryStatus) => NAMES.entryStatus[lang][s],
    amendmentStatus: (s: AmendmentStatus) => NAMES.amendmentStatus[lang][s],
    aspectKind: (k: AspectKind) => NAMES.aspectKind[lang][k],
    part: (p: PartKey) => NAMES.part[lang][p],
    staffRole: (r: StaffRole) => t(`staffRole.${r}`),
    conflictReason: (r: ConflictReason) => NAMES.conflictReason[lang][r],
  };
}
