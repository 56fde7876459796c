import { Alert } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime } from '../../components/dates';
import type { AppealWindowView } from './queries';

/** 申诉期: open until the deadline, closed after it, not started before the competition ends. */
export function AppealWindowAlert({ w }: { w: AppealWindowView | undefined }) {
  const t = useT();
  if (!w) return null;
  if (!w.deadline) return <Alert type="info" showIcon title={t('appeal.windowNotStarted')} />;
  const deadline = formatDateTime(w.deadline);
  return w.open ? (
    <Alert type="success" showIcon title={t('appeal.windowOpen', { deadline })} />
  ) : (
    <Alert type="info" showIcon title={t('appeal.windowClosed', { deadline })} />
  );
}
