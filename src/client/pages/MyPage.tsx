import { Card, Descriptions } from 'antd';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { useMe } from '../session';

/** 我的: who is signed in (judges and individuals see this until their own pages exist). */
export function MyPage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  return (
    <Card title={t('nav.me')}>
      <Descriptions
        column={1}
        items={[
          { key: 'displayName', label: t('me.displayName'), children: me.displayName },
          { key: 'username', label: t('me.username'), children: me.username },
          { key: 'role', label: t('me.role'), children: labels.role(me.role) },
          ...(me.committeeBody ? [{ key: 'body', label: t('me.committeeBody'), children: labels.committeeBody(me.committeeBody) }] : []),
        ]}
      />
    </Card>
  );
}
