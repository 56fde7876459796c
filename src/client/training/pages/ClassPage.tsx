import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Card, Space, Tabs, Typography } from 'antd';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { ClassStatusTag } from '../components/ClassStatusTag';
import { classQuery } from '../queries';
import { CLASS_TABS } from '../tabs';

/** 培训班: one class's console; the title says its status; the tab is in the address (?tab=…). */
export function ClassPage() {
  const t = useT();
  const me = useMe();
  const { id } = useParams({ strict: false }) as { id: string };
  const { tab } = useSearch({ strict: false }) as { tab?: string };
  const navigate = useNavigate();
  const classId = Number(id);
  const cls = useQuery(classQuery(classId));
  const tabs = CLASS_TABS.filter((x) => x.roles.includes(me.role));
  const active = tabs.some((x) => x.key === tab) ? tab! : tabs[0]?.key;
  const title = cls.data ? (
    <Space wrap size={8} style={{ whiteSpace: 'normal' }}>
      <Link to="/admin/training">{cls.data.programmeName}</Link>
      <Typography.Text type="secondary">/</Typography.Text>
      <span data-testid="class-title">{cls.data.name}</span>
      <ClassStatusTag status={cls.data.status} />
    </Space>
  ) : t('training.class');
  return (
    <Card title={title} styles={{ header: { paddingBlock: 8 }, title: { whiteSpace: 'normal' } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => void navigate({ to: '.', search: { tab: k } as never })}
        items={tabs.map((x) => ({ key: x.key, label: t(x.label), children: x.key === active ? <x.component classId={classId} /> : null }))}
      />
    </Card>
  );
}
