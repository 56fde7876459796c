import { useMe } from '../../session';
import { DashboardPage } from './DashboardPage';
import { MyPage } from './MyPage';

/** /admin: the overview for the bureau and the committee, "我的" for everyone else. */
export function AdminHomePage() {
  const me = useMe();
  return me.role === 'admin' || me.role === 'committee' ? <DashboardPage /> : <MyPage />;
}
