import { Alert } from 'antd';
import { tabStage, type StageTab } from '../../../shared/competition/stage';
import { useT, type MessageKey } from '../../i18n';
import type { Competition } from './types';

/** The one sentence a tab says about what can be done in the competition's status (see shared/competition/stage.ts). */
export function StageAlert({ c, tab, style }: { c: Competition; tab: StageTab; style?: React.CSSProperties }) {
  const t = useT();
  const s = tabStage(tab, c.status);
  if (!s.message) return null;
  return <Alert type={s.tone} showIcon title={t(s.message as MessageKey)} data-testid={`stage-${tab}`} style={style} />;
}
