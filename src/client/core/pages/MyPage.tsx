import { Card, Descriptions, Flex } from 'antd';
import { MyCertificates } from '../../competition/results/MyCertificates';
import { MyResults } from '../../competition/results/MyResults';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { MyAwards } from '../../selection/commendation/MyAwards';
import { useMe } from '../../session';

/** 我的: who is signed in; a contestant (role person) also sees their results, appeals and certificates. */
export function MyPage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  return (
    <Flex vertical gap={16}>
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
      {me.role === 'person' && <MyResults />}
      {me.role === 'person' && <MyAwards />}
      {me.role === 'person' && <MyCertificates />}
    </Flex>
  );
}
