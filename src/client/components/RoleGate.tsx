import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../shared/contracts/auth';
import { useT } from '../i18n';
import { useMe } from '../session';

/** The menu hides what a role may not open; this refuses it when the address is typed in. */
export function RoleGate({ roles, children }: { roles: readonly Role[] | 'any'; children: ReactNode }) {
  const me = useMe();
  const t = useT();
  if (roles !== 'any' && !roles.includes(me.role)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}
