import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { PersonDetail as PersonDetailSchema, QualificationRecord } from '../../shared/contracts/people';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { useMe } from '../session';
import { formatDateTime } from './dates';
import { PersonFormModal } from './PersonFormModal';
import { QualificationModal } from './QualificationModal';
import { QueryResult } from './QueryResult';

type PersonDetail = z.infer<typeof PersonDetailSchema>;
type Qualification = z.infer<typeof QualificationRecord>;
type Revealed = { id: number; idNumber: string; phone: string | null };

/** A person's record and qualifications; admins may reveal the full ID and phone (audited). */
export function PersonDrawer({ personId, onClose, onChanged }: { personId: number | null; onClose: () => void; onChanged: () => void }) {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const key = ['people', 'detail', personId];
  const detail = useQuery({ queryKey: key, queryFn: () => api.get<PersonDetail>(`/api/people/${personId}`), enabled: personId != null });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);

  const close = () => {
    setRevealed(null);
    onClose();
  };

  return (
    <Drawer open={personId != null} onClose={close} size={640} title={detail.data?.name ?? t('people.detail')} destroyOnHidden>
      {personId != null && (
        <QueryResult query={detail}>
          {(p) => (
            <>
              <PersonFacts p={p} revealed={revealed?.id === p.id ? revealed : null} />
              <Space wrap style={{ margin: '16px 0' }}>
                {(me.role === 'admin' || me.role === 'unit') && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
                {me.role === 'admin' && <RevealButton personId={p.id} onRevealed={setRevealed} />}
                {me.role === 'admin' && (
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                    {t('people.addQualification')}
                  </Button>
                )}
              </Space>
              <Typography.Title level={5}>{t('people.qualifications')}</Typography.Title>
              <QualificationTable rows={p.qualifications} />
              <QualificationModal<PersonDetail>
                personId={p.id}
                open={adding}
                onClose={() => setAdding(false)}
                onSaved={(d) => {
                  setAdding(false);
                  queryClient.setQueryData(key, d);
                  onChanged();
                }}
              />
              <PersonFormModal
                open={editing}
                person={p}
                onClose={() => setEditing(false)}
                onSaved={() => {
                  setEditing(false);
                  void queryClient.invalidateQueries({ queryKey: key });
                  onChanged();
                }}
              />
            </>
          )}
        </QueryResult>
      )}
    </Drawer>
  );
}

function PersonFacts({ p, revealed }: { p: PersonDetail; revealed: Revealed | null }) {
  const t = useT();
  const labels = useLabels();
  const dash = t('common.dash');
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      items={[
        { key: 'name', label: t('people.name'), children: p.name },
        { key: 'gender', label: t('people.gender'), children: labels.gender(p.gender) },
        { key: 'id', label: t('people.idNumber'), children: revealed?.idNumber ?? p.idNumberMasked },
        { key: 'phone', label: t('people.phone'), children: (revealed ? revealed.phone : p.phoneMasked) ?? dash },
        { key: 'birthYear', label: t('people.birthYear'), children: p.birthYear },
        { key: 'unit', label: t('people.unit'), children: p.unitName },
        { key: 'trade', label: t('people.trade'), children: p.tradeName ?? dash },
        { key: 'level', label: t('people.level'), children: labels.level(p.level) },
        { key: 'frontLine', label: t('people.frontLine'), children: t(p.frontLine ? 'common.yes' : 'common.no') },
        { key: 'years', label: t('people.yearsInTrade'), children: p.yearsInTrade ?? dash },
      ]}
    />
  );
}

function RevealButton({ personId, onRevealed }: { personId: number; onRevealed: (r: Revealed) => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const reveal = () =>
    modal.confirm({
      title: t('people.reveal'),
      content: t('people.revealConfirm'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          onRevealed(await api.post<Revealed>(`/api/people/${personId}/reveal`));
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  return (
    <Button icon={<EyeOutlined aria-hidden />} onClick={reveal}>
      {t('people.reveal')}
    </Button>
  );
}

function QualificationTable({ rows }: { rows: Qualification[] }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Table<Qualification>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('people.noQualifications') }}
      columns={[
        { title: t('people.level'), dataIndex: 'level', render: (l: number) => labels.level(l) },
        { title: t('people.trade'), dataIndex: 'tradeName', render: (v: string | null) => v ?? t('common.dash') },
        { title: t('people.obtainedOn'), dataIndex: 'obtainedOn' },
        { title: t('people.source'), dataIndex: 'source' },
        { title: t('people.recordedAt'), dataIndex: 'recordedAt', render: (v: string) => formatDateTime(v) },
      ]}
    />
  );
}
