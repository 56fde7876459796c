import type { CommitteeBody, Role } from '../../shared/contracts/auth';
import type { UnitKind } from '../../shared/contracts/units';
import { LEVEL_NAMES, LEVELS, isLevel } from '../../shared/levels';
import { useLang, useT } from './index';

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
  };
}
