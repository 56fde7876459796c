import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import type { ImportKind, ImportPreview, RowIssue } from '../../shared/contracts/imports';
import { api } from '../api';
import { useT } from '../i18n';
import { DownloadButton } from './DownloadButton';
import { OneTimePasswords, type OneTimePassword } from './OneTimePasswords';

type CommitResult = { inserted: number; skipped: number; oneTimePasswords?: OneTimePassword[] };

const TEMPLATE_NAMES: Record<ImportKind, string> = { people: '人员导入模板.xlsx', units: '单位导入模板.xlsx', accounts: '账号导入模板.xlsx' };

/**
 * The Excel flow: download the template, upload a filled one, read the row-by-row check,
 * then commit the valid rows or (strict) all rows or none.
 */
export function ImportButtons({ kind, onImported }: { kind: ImportKind; onImported: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [committing, setCommitting] = useState<'valid' | 'strict' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passwords, setPasswords] = useState<OneTimePassword[] | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      setError(null);
      setPreview(await api.upload<ImportPreview>(`/api/imports/${kind}`, file));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setUploading(false);
    }
  };

  const commit = async (mode: 'valid' | 'strict') => {
    if (!preview) return;
    setCommitting(mode);
    setError(null);
    try {
      const r = await api.post<CommitResult>(`/api/imports/batches/${encodeURIComponent(preview.batchId)}/commit`, { mode });
      setPreview(null);
      void message.success(t('import.done', { inserted: r.inserted, skipped: r.skipped }));
      if (r.oneTimePasswords?.length) setPasswords(r.oneTimePasswords);
      onImported();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setCommitting(null);
    }
  };

  const issues = (preview?.issues ?? []).map((issue, i) => ({ ...issue, key: i }));
  const handled = preview != null && preview.status !== 'previewed';

  return (
    <>
      <DownloadButton path={`/api/imports/templates/${kind}`} fileName={TEMPLATE_NAMES[kind]}>
        {t('import.template')}
      </DownloadButton>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
          {t('import.upload')}
        </Button>
      </Upload>
      <Modal
        open={!!preview}
        width={760}
        title={preview ? t('import.title', { file: preview.fileName }) : ''}
        onCancel={() => setPreview(null)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setPreview(null)}>
            {t('common.cancel')}
          </Button>,
          <Button key="strict" disabled={handled} loading={committing === 'strict'} onClick={() => void commit('strict')}>
            {t('import.commitStrict')}
          </Button>,
          <Button key="valid" type="primary" disabled={handled} loading={committing === 'valid'} onClick={() => void commit('valid')}>
            {t('import.commitValid')}
          </Button>,
        ]}
      >
        {preview && (
          <>
            <div data-testid="import-summary">
              <Descriptions
                size="small"
                column={3}
                items={[
                  { key: 'total', label: t('import.total'), children: preview.total },
                  { key: 'valid', label: t('import.valid'), children: preview.valid },
                  { key: 'invalid', label: t('import.invalid'), children: preview.invalidRows },
                ]}
              />
            </div>
            {handled && <Alert type="info" showIcon title={t('import.committed')} style={{ marginBottom: 12 }} />}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <div data-testid="import-issues">
              <Table<RowIssue & { key: number }>
                size="small"
                pagination={false}
                scroll={{ y: 360 }}
                dataSource={issues}
                locale={{ emptyText: t('import.noIssues') }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 70 },
                  { title: t('import.column'), dataIndex: 'column', width: 70 },
                  { title: t('import.field'), dataIndex: 'header', width: 140 },
                  { title: t('import.reason'), dataIndex: 'reason' },
                ]}
              />
            </div>
          </>
        )}
      </Modal>
      <OneTimePasswords entries={passwords} onClose={() => setPasswords(null)} />
    </>
  );
}
