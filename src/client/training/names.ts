import { CLASS_STATUS_NAMES, CURRICULUM_NAMES, PROGRAMME_KIND_NAMES, TARGET_GROUP_NAMES, type ClassStatus, type Curriculum, type ProgrammeKind, type TargetGroup } from '../../shared/training/rules';
import { useLang } from '../i18n';

export const CLASS_STATUS_COLORS: Record<ClassStatus, string> = { planned: 'default', enrolling: 'blue', running: 'green', finished: 'purple', cancelled: 'red' };

/** The training enumerations' names in the current language (one source: the shared rules). */
export function useTrainingNames() {
  const { lang } = useLang();
  return {
    kind: (k: ProgrammeKind) => PROGRAMME_KIND_NAMES[k][lang],
    group: (g: TargetGroup) => TARGET_GROUP_NAMES[g][lang],
    curriculum: (c: Curriculum) => CURRICULUM_NAMES[c][lang],
    status: (s: ClassStatus) => CLASS_STATUS_NAMES[s][lang],
  };
}
