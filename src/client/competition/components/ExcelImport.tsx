import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import { useT } from '../../i18n';
import { DownloadButton } from '../../components/DownloadButton';
import { fieldLabel } from '../../../shared/field-labels';

type Refusal = { message: string; issues: { key: number; field: string; message: string }[] };

/**
 * An Excel upload of the competition's own (registration, theory scores, the scheme): the template
 * to fill, the upload, and — when the server refuses the sheet, all or none — every row and reason.
 */
export function ExcelImport<T>({
  path,
  templatePath,
  templateName,
  label,
  disabled,
  onImported,
}: {
  path: string;
  templatePath?: string;
  templateName?: string;
  label: string;
  disabled?: boolean;
  onImported: (result: T) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      onImported(await api.upload<T>(path, file));
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setRefusal({ message: e.message, issues: e.issues.map((i, key) => ({ key, ...i })) });
      else void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {templatePath && (
        <DownloadButton path={templatePath} fileName={templateName ?? 'template.xlsx'}>
          {t('import.template')}
        </DownloadButton>
      )}
      <Upload
        accept=".xlsx"
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={busy} disabled={disabled}>
          {label}
        </Button>
      </Upload>
      <Modal open={!!refusal} width={720} title={t('excel.refusedTitle')} footer={null} onCancel={() => setRefusal(null)} destroyOnHidden>
        {refusal && (
          <>
            <Alert type="error" showIcon title={t('excel.refused')} style={{ marginBottom: 12 }} />
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ y: 360 }}
              dataSource={refusal.issues}
              columns={[
                { title: t('excel.cell'), dataIndex: 'field', width: 140, render: (f: string) => (/^[A-Z]{1,3}\d+$/.test(f) ? f : f === 'file' ? t('excel.wholeFile') : fieldLabel(f)) },
                { title: t('import.reason'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
