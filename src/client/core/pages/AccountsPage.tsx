import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Account } from '../../../shared/contracts/accounts';
import { ROLES, type Role } from '../../../shared/contracts/auth';
import { api } from '../../api';
import { AccountFormModal } from '../../components/AccountFormModal';
import { formatDateTime } from '../../components/dates';
import { ImportButtons } from '../../components/ImportButtons';
import { OneTimePasswords, type OneTimePassword } from '../../components/OneTimePasswords';
import type { Page } from '../../components/referenceData';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';

/** 账号: who may sign in, in which role; passwords are only ever shown once. */
export function AccountsPage() {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [passwords, setPasswords] = useState<OneTimePassword[] | null>(null);

  const list = useQuery({
    queryKey: ['accounts', { q, role }, page],
    queryFn: () => api.get<Page<Account>>('/api/accounts', { q, role, ...page }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accounts'] });

  const act = async (run: () => Promise<void>) => {
    try {
      await run();
      refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const reset = (a: Account) =>
    act(async () => setPasswords([await api.post<OneTimePassword>(`/api/accounts/${a.id}/reset-password`)]));
  const toggle = (a: Account) => act(async () => void (await api.post(`/api/accounts/${a.id}/${a.disabled ? 'enable' : 'disable'}`)));

  return (
    <Card title={t('nav.accounts')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('accounts.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 260 }}
        />
        <Select<Role>
          allowClear
          placeholder={t('accounts.allRoles')}
          style={{ width: 160 }}
          value={role}
          onChange={(r) => {
            setRole(r);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
        />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('common.create')}
        </Button>
        <ImportButtons kind="accounts" onImported={refresh} />
      </Space>
      <Table<Account>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username' },
          { title: t('accounts.displayName'), dataIndex: 'displayName' },
          { title: t('accounts.role'), dataIndex: 'role', width: 110, render: (r: Role) => labels.role(r) },
          {
            title: `${t('accounts.unit')} / ${t('accounts.committeeBody')}`,
            key: 'scope',
            render: (_, a) => a.unitName ?? (a.committeeBody ? labels.committeeBody(a.committeeBody) : t('common.dash')),
          },
          { title: t('accounts.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? t('common.dash') },
          {
            title: t('accounts.status'),
            key: 'status',
            width: 150,
            render: (_, a) => (
              <>
                {a.disabled ? <Tag color="red">{t('accounts.disabled')}</Tag> : <Tag color="green">{t('accounts.active')}</Tag>}
                {a.mustChangePassword && <Tag color="orange">{t('accounts.mustChange')}</Tag>}
              </>
            ),
          },
          { title: t('accounts.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_, a) => (
              <Space size={0}>
                <Popconfirm title={t('accounts.resetConfirm', { name: a.username })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => reset(a)}>
                  <Button type="link" size="small">
                    {t('accounts.resetPassword')}
                  </Button>
                </Popconfirm>
                {a.disabled ? (
                  <Button type="link" size="small" onClick={() => void toggle(a)}>
                    {t('accounts.enable')}
                  </Button>
                ) : (
                  <Popconfirm title={t('accounts.disableConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => toggle(a)}>
                    <Button type="link" size="small" danger>
                      {t('accounts.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <AccountFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          void message.success(t('common.saved'));
          if (r.oneTimePassword) setPasswords([{ username: r.account.username, oneTimePassword: r.oneTimePassword }]);
          refresh();
        }}
      />
      <OneTimePasswords entries={passwords} onClose={() => setPasswords(null)} />
    </Card>
  );
}
