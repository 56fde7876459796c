import { Alert, Modal, Table, Typography } from 'antd';
import { useT } from '../i18n';

export type OneTimePassword = { username: string; oneTimePassword: string };

/** Shows one-time passwords once; closing the dialog forgets them. */
export function OneTimePasswords({ entries, onClose }: { entries: OneTimePassword[] | null; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open={!!entries} title={t('accounts.otpTitle')} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('common.close')} destroyOnHidden>
      <Alert type="warning" showIcon title={t('accounts.otpHint')} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        rowKey="username"
        pagination={false}
        dataSource={entries ?? []}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username' },
          {
            title: t('accounts.otpTitle'),
            dataIndex: 'oneTimePassword',
            render: (v: string) => (
              <Typography.Text code copyable>
                {v}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
